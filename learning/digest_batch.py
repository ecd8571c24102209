"""The learning digests of a batch of members, built together (the sending task takes 100
at a time): what their digests share is read once for the batch rather than once each.

Each section's candidates are read once for the whole batch, since the earliest start of
its digests, with the queries `learning.digest` makes for one member less the reader's own
conditions: the field reports and status changes of the dossiers any member follows, the
questions with news of any member's themes and regions (and who answered which), the
members' re-anchored annotations, the syntheses of discussions they took part in (the rule
of `Synthesis.objects.of_discussions_joined_by`), their pending notifications; plus the
dossiers each follows and each one's themes and regions (five queries), their permissions
(two) and the question of the week once per kind of reader.

Each member's digest then keeps their own candidates (since their digest's start, the
dossiers they follow, not their own reports, not the questions they answered…) and asks
which they may read of the models' `readable_by(user)` (`for_recipient` for notifications)
in one query: a union over the ids. Nothing is sent that the member may not read at sending
time; tests/learning/test_digest_batch.py compares each batch digest with the one-member
builder's.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Value
from django.utils import timezone, translation
from django_tasks import task

from accounts.models import User
from accounts.roles import permissions_preload
from discussions.models import Annotation, Comment, Follow, Notification
from discussions.targets import COMMENT_FIELDS
from discussions.tasks import notifications_sendable
from dossiers.models import Dossier, Question, Recommendation
from learning.digest import (
    QUESTIONS_SHOWN,
    SECTION_LIMIT,
    Digest,
    changes_since,
    digest_email,
    digest_since,
    has_news,
    pending_rows,
    questions_with_news,
    reanchored_since,
    reports_since,
    untold,
    users_due,
    week_question,
)
from learning.models import FieldReport, StatusChange
from questions.models import locked_questions_preload

logger = logging.getLogger(__name__)

# Members per task: `send_learning_digests` queues them so.
BATCH_SIZE = 100
# Pending notifications read per query.
PENDING_CHUNK = 500


class Batch:
    """What the digests of `users` share, read when it is made: the candidates of every
    section for all of them, since the earliest start of their digests."""

    def __init__(self, users: list[User], now: datetime) -> None:
        pks = [user.pk for user in users]
        permissions_preload(users)
        locked_questions_preload(users)
        self.now = now
        self.since = {user.pk: digest_since(user, now) for user in users}
        earliest = min(self.since.values(), default=now)
        self.followed, self.topic_dossiers = _dossiers_of(pks)
        followed = set().union(*self.followed.values())
        topical = set().union(*self.topic_dossiers.values())
        self.reports = list(
            reports_since(FieldReport.objects.filter(dossier__in=followed), earliest)
        )
        self.changes = list(
            changes_since(
                StatusChange.objects.filter(recommendation__dossier__in=followed), earliest
            )
        )
        self.questions = list(
            questions_with_news(Question.objects.filter(dossier__in=topical), earliest)
        )
        answers = Comment.objects.filter(author__in=pks, question__isnull=False)
        self.answered = _pairs(answers, "question_id", user_field="author_id")
        self.annotations = list(
            reanchored_since(Annotation.objects.filter(author__in=pks), earliest)
        )
        self.syntheses, self.joined = _syntheses_joined(pks, earliest)
        self.pending = _pending(pks, now)
        self._of_the_week: dict[tuple[bool, date], Any] = {}

    def question_of_the_week(self, user: User, day: date) -> Any:
        from questions.models import CrossQuestion

        key = (bool(getattr(user, "is_curator", False)), day)
        if key not in self._of_the_week:
            self._of_the_week[key] = CrossQuestion.objects.readable_by(user).of_the_week(day)
        return self._of_the_week[key]

    def digest(self, user: User) -> Digest:
        """`user`'s digest, as `digest_build(user, now=now)` gives it: their candidates of
        each section, those they may read asked of the models' `readable_by` (one query)."""
        since, pk = self.since[user.pk], user.pk
        followed, topical = set(self.followed[pk]), set(self.topic_dossiers[pk])
        answered = self.answered[pk]
        found = {
            "reports": [
                r
                for r in self.reports
                if r.created_at >= since and r.dossier_id in followed and r.author_id != pk
            ],
            "changes": [
                c
                for c in self.changes
                if c.changed_at >= since and c.recommendation.dossier_id in followed
            ],
            "questions": [
                q
                for q in self.questions
                if q.dossier_id in topical and q.pk not in answered and has_news(q, since)
            ],
            "annotations": [
                a for a in self.annotations if a.author_id == pk and a.reanchored_at >= since
            ],
            "syntheses": [
                s for s in self.syntheses if s.updated_at >= since and s.pk in self.joined[pk]
            ],
            "pending": self.pending.get(pk, []),
        }
        readable = _readable(user, found)
        digest = Digest(
            recipient=user,
            since=since,
            field_reports=readable["reports"][:SECTION_LIMIT],
            status_changes=readable["changes"][:SECTION_LIMIT],
            questions=readable["questions"][:QUESTIONS_SHOWN],
            syntheses=readable["syntheses"][:SECTION_LIMIT],
            annotations=readable["annotations"][:SECTION_LIMIT],
            question_of_the_week=week_question(user, since, self.now, self),
        )
        digest.pending = notifications_sendable(user, readable["pending"])
        digest.notifications = untold(digest)
        return digest


def _readable(user: User, found: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Those of each section's candidates (`found`) that `user` may read, in their order:
    one query, the union of each model's `readable_by(user)` (`for_recipient` for the
    notifications, the recommendation's for a status change) over the candidates' ids."""
    # Each section: the rows `user` may read, and the id of a candidate to look for in them.
    checks = {
        "reports": (FieldReport.objects.readable_by(user), attrgetter("pk")),
        "changes": (Recommendation.objects.readable_by(user), attrgetter("recommendation_id")),
        "questions": (Question.objects.readable_by(user), attrgetter("pk")),
        "annotations": (Annotation.objects.readable_by(user), attrgetter("pk")),
        "pending": (Notification.objects.for_recipient(user), attrgetter("pk")),
    }
    if apps.is_installed("syntheses"):
        from syntheses.models import Synthesis

        checks["syntheses"] = (Synthesis.objects.readable_by(user), attrgetter("pk"))
    asked = [name for name in found if found[name] and name in checks]
    parts = [
        checks[name][0]
        .filter(pk__in={checks[name][1](item) for item in found[name]})
        .order_by()
        .values_list(Value(number), "pk")
        for number, name in enumerate(asked)
    ]
    ids: dict[str, set[int]] = defaultdict(set)
    if parts:
        for number, item_pk in parts[0].union(*parts[1:], all=True):
            ids[asked[number]].add(item_pk)
    # A section no check covers keeps nothing: what is not asked is not sent.
    return {
        name: [item for item in items if name in checks and checks[name][1](item) in ids[name]]
        for name, items in found.items()
    }


def digests_build(users: list[User], *, now: datetime) -> list[Digest]:
    """The digests `users` would receive now, in their order: each the same as
    `digest_build(user, now=now)` gives."""
    batch = Batch(users, now)
    return [batch.digest(user) for user in users]


@task()
def learning_digests_send(user_pks: list[int]) -> int:
    """Build and email the digests of those of `user_pks` whose digest is due, as
    `learning_digest_send` does for one; returns how many emails were sent."""
    now = timezone.now()
    sent = 0
    with transaction.atomic():
        # Locked: a batch queued twice goes once.
        users = list(
            users_due(now).select_for_update(of=("self",)).filter(pk__in=user_pks).order_by("pk")
        )
        emailed: list[int] = []
        done: list[int] = []
        for digest in digests_build(users, now=now):
            if not digest.is_empty:
                try:
                    with translation.override(settings.LANGUAGE_CODE):
                        digest_email(digest).send()
                except Exception:
                    # Not marked: the next run tries this member again; the emails already
                    # sent in the batch stay marked and do not go twice.
                    logger.exception("Learning digest of user %s not sent", digest.recipient.pk)
                    continue
                sent += 1
                emailed.extend(n.pk for n in digest.pending)
            # An empty period counts too: the next digest covers the next period.
            done.append(digest.recipient.pk)
        Notification.objects.filter(pk__in=emailed).update(emailed_at=now)
        User.objects.filter(pk__in=done).update(learning_digest_sent_at=now)
    return sent


def _pending(pks: list[int], now: datetime) -> dict[int, list[Notification]]:
    """Each member's pending notifications, in `pending_rows`' order. Their ids first, then
    the rows by chunks: a batch may hold thousands, and SQLite refuses a query whose lists
    of ids (the rows', their prefetched comments') grow too long."""
    ids = list(
        pending_rows(Notification.objects.filter(recipient__in=pks), now)
        .order_by()
        .values_list("pk", flat=True)
    )
    pending: dict[int, list[Notification]] = defaultdict(list)
    for start in range(0, len(ids), PENDING_CHUNK):
        chunk = Notification.objects.filter(pk__in=ids[start : start + PENDING_CHUNK])
        for notification in pending_rows(chunk, now):
            pending[notification.recipient_id].append(notification)
    for notifications in pending.values():
        notifications.sort(key=lambda n: (n.dossier_id, n.created_at, n.pk))
    return pending


def _syntheses_joined(pks: list[int], since: datetime) -> tuple[list[Any], dict[int, set[int]]]:
    """The syntheses written or revised since `since`, the earliest start of the batch's
    digests (newest first, as the digest lists them), and for each member those of discussions they
    took part in: a message of theirs still shown in it, or a contribution of theirs cited
    (`Synthesis.objects.of_discussions_joined_by`'s rule)."""
    joined: dict[int, set[int]] = defaultdict(set)
    if not pks or not apps.is_installed("syntheses"):
        return [], joined
    from syntheses.models import Citation, Synthesis

    syntheses = list(
        Synthesis.objects.filter(updated_at__gte=since)
        .select_related("dossier", *COMMENT_FIELDS)
        .order_by("-updated_at", "-pk")
    )
    if not syntheses:
        return [], joined
    by_target: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for synthesis in syntheses:
        by_target[_discussion_of(synthesis)].append(synthesis.pk)
    messages = Comment.objects.filter(
        author__in=pks,
        state=Comment.State.VISIBLE,
        dossier__in={synthesis.dossier_id for synthesis in syntheses},
    ).values_list("author_id", "dossier_id", *(f"{name}_id" for name in COMMENT_FIELDS))
    for author, dossier, *targets in messages:
        joined[author].update(by_target.get(_discussion_key(dossier, targets), ()))
    ids = [synthesis.pk for synthesis in syntheses]
    for name in ("comment", "annotation", "field_report"):
        cited = Citation.objects.filter(
            synthesis__in=ids, **{f"{name}__author__in": pks}
        ).values_list(f"{name}__author_id", "synthesis_id")
        for author, synthesis_pk in cited:
            joined[author].add(synthesis_pk)
    return syntheses, joined


def _discussion_key(dossier: int, targets: list[int | None]) -> tuple[Any, ...]:
    """A discussion: its dossier's discussion (no target), else the one target's field and pk
    (a discussion's dossier follows from its target, as `of_discussions_joined_by` has it)."""
    for name, pk in zip(COMMENT_FIELDS, targets, strict=True):
        if pk is not None:
            return (name, pk)
    return ("dossier", dossier)


def _discussion_of(synthesis: Any) -> tuple[Any, ...]:
    targets = [getattr(synthesis, f"{name}_id") for name in COMMENT_FIELDS]
    return _discussion_key(synthesis.dossier_id, targets)


def _dossiers_of(pks: list[int]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """For each member: the dossiers they follow (directly, or through a followed theme or
    region), and the dossiers of their themes and regions (declared on the profile or
    followed). Five queries for the batch."""
    direct: dict[int, set[int]] = defaultdict(set)
    themes: dict[int, set[int]] = defaultdict(set)  # followed
    regions: dict[int, set[int]] = defaultdict(set)
    for user, dossier, theme, region in Follow.objects.filter(user__in=pks).values_list(
        "user_id", "dossier_id", "theme_id", "region_id"
    ):
        if dossier is not None:
            direct[user].add(dossier)
        if theme is not None:
            themes[user].add(theme)
        if region is not None:
            regions[user].add(region)
    declared_themes = _pairs(User.themes.through.objects.filter(user__in=pks), "theme_id")
    declared_regions = _pairs(User.regions.through.objects.filter(user__in=pks), "region_id")
    all_themes = set().union(*themes.values(), *declared_themes.values())
    all_regions = set().union(*regions.values(), *declared_regions.values())
    in_theme = _by_topic(Dossier.themes.through.objects.filter(theme__in=all_themes), "theme_id")
    in_region = _by_topic(
        Dossier.regions.through.objects.filter(region__in=all_regions), "region_id"
    )
    followed, topical = {}, {}
    for pk in pks:
        by_follow = set(direct[pk])
        by_follow.update(*(in_theme[t] for t in themes[pk]), *(in_region[r] for r in regions[pk]))
        followed[pk] = sorted(by_follow)
        mine_t, mine_r = themes[pk] | declared_themes[pk], regions[pk] | declared_regions[pk]
        topical[pk] = sorted(
            set().union(*(in_theme[t] for t in mine_t), *(in_region[r] for r in mine_r))
        )
    return followed, topical


def _pairs(rows: Any, field: str, user_field: str = "user_id") -> dict[int, set[int]]:
    """user pk (`user_field`) → the `field` values of their rows."""
    found: dict[int, set[int]] = defaultdict(set)
    for user, value in rows.values_list(user_field, field):
        found[user].add(value)
    return found


def _by_topic(rows: Any, field: str) -> dict[int, set[int]]:
    """theme or region pk → its dossiers."""
    found: dict[int, set[int]] = defaultdict(set)
    for topic, dossier in rows.values_list(field, "dossier_id"):
        found[topic].add(dossier)
    return found
