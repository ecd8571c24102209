"""Cross-dossier questions (« questions transversales ») and « réfléchir avant de lire ».

A curator gathers the questions several dossiers ask in other words under one
`CrossQuestion`. In « réfléchir avant de lire » mode, the text of the answers (comments in
the gathered questions' discussions, and their replies) is hidden from a member until they
have posted one themselves, or chosen to read without answering (`ReadWithoutAnswering`,
recorded and shown). The rule is `locked_questions`, applied by
`Comment.objects.readable_by` and `SearchEntry.objects.readable_by`, so every URL obeys it.

This module imports no discussions model: discussions.models reads `locked_questions`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ccfd_community.page_memo import remembered
from ccfd_community.write_generations import writes_run
from dossiers.markdown import render_markdown
from dossiers.models import Dossier, Question

if TYPE_CHECKING:
    from accounts.models import User


def sees_every_answer(user: Any) -> bool:
    """Curators and moderators read every answer, whatever the mode."""
    return bool(getattr(user, "is_curator", False) or getattr(user, "is_moderator", False))


def locked_questions(user: Any) -> frozenset[int] | None:
    """The ids of the dossier questions whose answers `user` may not read yet: gathered
    under a « réfléchir avant de lire » cross question of which they have answered none of
    the questions and not chosen to read without answering. None when nothing is hidden
    from them (curators and moderators), so callers add no condition at all.

    Kept on the user object, because a page asks it in each of its queries of comments,
    syntheses and search entries, and most of the time the set is empty: then those
    queries carry no condition (as a subquery in each, it was a good part of the time spent
    building their SQL). Read again after any write this process has run since
    (`write_generations.writes_run`): an answer just posted, or « lire sans répondre » just
    chosen, counts at once for the rest of the request. Outside a transaction it is read
    from the page memo's cache while nothing was written that may change it
    (`page_memo.remembered`: the member's own answers and choices renew their scope, a
    curator's grouping the pages'), else in two small queries; inside one, always from the
    database: a set worked out after a write that is rolled back must not be kept."""
    if sees_every_answer(user):
        return None
    kept = getattr(user, "_locked_questions", None)
    if kept is None or kept[0] != writes_run():
        writes = writes_run()
        if transaction.get_connection().in_atomic_block:
            locked = _locked_of([user])[user.pk]
        else:
            locked = remembered(user.pk, "locked-questions", lambda: _locked_of([user])[user.pk])
        kept = user._locked_questions = (writes, locked)
    return kept[1]


def locked_questions_preload(users: Iterable[Any]) -> None:
    """What `locked_questions` gives each of `users`, read for all of them in the same two
    queries (a batch of digests asks it of every member)."""
    users = [user for user in users if not sees_every_answer(user)]
    writes = writes_run()
    locked = _locked_of(users)
    for user in users:
        user._locked_questions = (writes, locked[user.pk])


def _locked_of(users: list[Any]) -> dict[int, frozenset[int]]:
    """`locked_questions` of each of `users`, by pk, in two queries."""
    if not users:
        return {}
    pks = [user.pk for user in users]
    gathered: dict[int, set[int]] = defaultdict(set)
    for cross_pk, question_pk in GroupedQuestion.objects.filter(
        cross_question__reflect_first=True
    ).values_list("cross_question_id", "question_id"):
        gathered[cross_pk].add(question_pk)
    # (user, cross question) where the user answered one of its questions, or chose to read.
    answered = (
        GroupedQuestion.objects.filter(
            cross_question__in=list(gathered), question__comments__author__in=pks
        )
        .values_list("question__comments__author", "cross_question_id")
        .order_by()
    )
    read = (
        ReadWithoutAnswering.objects.filter(cross_question__in=list(gathered), user__in=pks)
        .values_list("user_id", "cross_question_id")
        .order_by()
    )
    opened = set(answered.union(read)) if gathered else set()
    return {
        pk: frozenset(
            question_pk
            for cross_pk, questions in gathered.items()
            if (pk, cross_pk) not in opened
            for question_pk in questions
        )
        for pk in pks
    }


class CrossQuestionQuerySet(models.QuerySet["CrossQuestion"]):
    def readable_by(self, user: User) -> CrossQuestionQuerySet:
        """What `user` may read: for curators all; for members those gathering at least one
        question of a dossier they may read (a draft's question stays unseen)."""
        if getattr(user, "is_curator", False):
            return self.all()
        readable = GroupedQuestion.objects.filter(
            cross_question=OuterRef("pk"),
            question__dossier__in=Dossier.objects.visible_to(user),
        )
        return self.filter(Exists(readable))

    def of_the_week(self, day: datetime.date | None = None) -> CrossQuestion | None:
        """The question of the week `day` falls in (the learning digest lists it).

        The one a curator featured most recently (`featured_from` on or before `day`),
        else a rotation by ISO week over the questions in the order of their ids, so the
        same week gives the same question to everyone who may read it. Two queries at most.
        Call it on `readable_by(user)`."""
        day = day or timezone.localdate()
        featured = self.filter(featured_from__lte=day).order_by("-featured_from", "-pk").first()
        if featured is not None:
            return featured
        count = self.count()
        if not count:
            return None
        year, week, _weekday = day.isocalendar()
        return self.order_by("pk")[(year * 53 + week) % count]


class CrossQuestion(models.Model):
    """One question gathering the questions several dossiers ask in other words."""

    wording = models.CharField(_("wording"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(
        _("description (Markdown)"), blank=True, help_text=_("Why these questions go together.")
    )
    description_html = models.TextField(editable=False, blank=True)
    # « Réfléchir avant de lire », for every question it gathers: a member reads the others'
    # answers only once they have posted one or chosen to read without answering.
    reflect_first = models.BooleanField(
        _("think before reading"),
        default=False,
        help_text=_(
            "Members read the others' answers only once they have posted their own "
            "(or chosen to read without answering)."
        ),
    )
    # Featured as the question of the week from this day (the learning digest).
    featured_from = models.DateField(_("question of the week from"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CrossQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("cross-dossier question")
        verbose_name_plural = _("cross-dossier questions")
        ordering = ["wording", "pk"]

    def __str__(self) -> str:
        return self.wording

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.description_html = render_markdown(self.description).html
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "description" in update_fields:
            kwargs["update_fields"] = {*update_fields, "description_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", kwargs={"slug": self.slug})


class GroupedQuestion(models.Model):
    """A dossier's question gathered under a cross question; a question belongs to at most
    one (the one-to-one key's unique index says so)."""

    cross_question = models.ForeignKey(
        CrossQuestion,
        on_delete=models.CASCADE,
        related_name="grouped",
        verbose_name=_("cross-dossier question"),
    )
    question = models.OneToOneField(
        Question,
        on_delete=models.CASCADE,
        related_name="crossing",
        verbose_name=_("dossier question"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("gathered question")
        verbose_name_plural = _("gathered questions")
        ordering = ["cross_question", "order", "pk"]
        indexes = [
            # The « réfléchir avant de lire » rule: the questions of reflect-first ones.
            models.Index(fields=["cross_question", "question"], name="grouped_cross_question"),
        ]

    def __str__(self) -> str:
        return f"{self.cross_question} ← {self.question}"


class ReadWithoutAnswering(models.Model):
    """A member chose to read the answers of a « réfléchir avant de lire » question without
    answering: recorded, dated and shown beside their name (honesty, not a lock)."""

    cross_question = models.ForeignKey(
        CrossQuestion,
        on_delete=models.CASCADE,
        related_name="readings",
        verbose_name=_("cross-dossier question"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    created_at = models.DateTimeField(_("read on"), default=timezone.now)

    class Meta:
        verbose_name = _("reading without answering")
        verbose_name_plural = _("readings without answering")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cross_question", "user"], name="read_without_answering_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.cross_question}"
