"""The learning digests of a batch of members, built together (the sending task takes 100
at a time): what their digests share is read once for the batch rather than once each.

- the dossiers each member follows (directly, by theme or by region) and the dossiers of
  their themes and regions: five queries for the batch, the same sets as
  `Dossier.objects.followed_by(user)` and `digest._topic_dossiers(user)`;
- the syntheses written or revised since the earliest digest's start, with the discussions
  each member took part in (their visible messages and cited contributions: three queries
  for the batch, the same rule as `Synthesis.objects.of_discussions_joined_by`); each
  member's are then asked of `Synthesis.objects.readable_by(user)` by their ids (one query,
  and none for a member who took part in none);
- the question of the week, once per kind of reader: `CrossQuestion.objects.readable_by`
  tells only curators from the others (`Dossier.objects.visible_to`);
- the pending notifications of every member of the batch in one query with what the email
  says of each; each member's are then asked again of `Notification.objects.for_recipient`
  (one query of their ids) and of `notification_is_sendable`.

Every other section is each member's own query through the models' `readable_by`
(`learning.digest`), and every item is still checked for its member at sending time:
tests/learning/test_digest.py compares each batch digest with the one-member builder's.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from accounts.models import User
from discussions.models import Follow, Notification
from discussions.targets import COMMENT_FIELDS
from dossiers.models import Dossier
from learning.digest import (
    SECTION_LIMIT,
    Digest,
    digest_build,
    digest_email,
    digest_since,
    pending_rows,
    users_due,
)

logger = logging.getLogger(__name__)

# Members per task: `send_learning_digests` queues them so.
BATCH_SIZE = 100
# Pending notifications read per query.
PENDING_CHUNK = 500


class Batch:
    """What the digests of `users` share, read when it is made."""

    def __init__(self, users: list[User], now: datetime) -> None:
        pks = [user.pk for user in users]
        self.followed, self.topic_dossiers = _dossiers_of(pks)
        self.syntheses, self.joined = _syntheses_joined(users, now)
        self.pending = _pending(pks, now)
        self._of_the_week: dict[tuple[bool, date], Any] = {}

    def question_of_the_week(self, user: User, day: date) -> Any:
        from questions.models import CrossQuestion

        key = (bool(getattr(user, "is_curator", False)), day)
        if key not in self._of_the_week:
            self._of_the_week[key] = CrossQuestion.objects.readable_by(user).of_the_week(day)
        return self._of_the_week[key]

    def syntheses_for(self, user: User, since: datetime) -> list[Any]:
        """`user`'s syntheses since `since` (the one-member digest's `_syntheses`): those of
        the batch's of discussions they took part in, asked of `readable_by(user)`."""
        from syntheses.models import Synthesis

        ids = [
            s.pk for s in self.syntheses if s.updated_at >= since and s.pk in self.joined[user.pk]
        ]
        if not ids:
            return []
        readable = set(
            Synthesis.objects.readable_by(user).filter(pk__in=ids).values_list("pk", flat=True)
        )
        return [s for s in self.syntheses if s.pk in readable and s.pk in ids][:SECTION_LIMIT]


def digests_build(users: list[User], *, now: datetime) -> list[Digest]:
    """The digests `users` would receive now, in their order: each the same as
    `digest_build(user, now=now)` gives."""
    batch = Batch(users, now)
    return [digest_build(user, now=now, batch=batch) for user in users]


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


def _syntheses_joined(users: list[User], now: datetime) -> tuple[list[Any], dict[int, set[int]]]:
    """The syntheses written or revised since the earliest start of the batch's digests
    (newest first, as the digest lists them), and for each member those of discussions they
    took part in: a message of theirs still shown in it, or a contribution of theirs cited
    (`Synthesis.objects.of_discussions_joined_by`'s rule)."""
    joined: dict[int, set[int]] = defaultdict(set)
    if not users or not apps.is_installed("syntheses"):
        return [], joined
    from discussions.models import Comment
    from syntheses.models import Citation, Synthesis

    since = min(digest_since(user, now) for user in users)
    syntheses = list(
        Synthesis.objects.filter(updated_at__gte=since)
        .select_related("dossier", *COMMENT_FIELDS)
        .order_by("-updated_at", "-pk")
    )
    if not syntheses:
        return [], joined
    pks = [user.pk for user in users]
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


def _pairs(rows: Any, field: str) -> dict[int, set[int]]:
    """user pk → the `field` values of their rows."""
    found: dict[int, set[int]] = defaultdict(set)
    for user, value in rows.values_list("user_id", field):
        found[user].add(value)
    return found


def _by_topic(rows: Any, field: str) -> dict[int, set[int]]:
    """theme or region pk → its dossiers."""
    found: dict[int, set[int]] = defaultdict(set)
    for topic, dossier in rows.values_list(field, "dossier_id"):
        found[topic].add(dossier)
    return found
