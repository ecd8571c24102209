"""A curator's synthesis of a discussion (« Synthèse »), citing its sources by reference.

A synthesis belongs to one discussion (a target of discussions.targets: a dossier, one of
its parts, an annotation or a field report), at most one per discussion (`discussion`, the
thread key). Like every contribution it keeps a non-null `dossier`: who may read it follows
the dossier's status. Its Markdown cites comments, annotations and field reports by
reference (syntheses.citations); each save rebuilds its `Citation` rows, whose foreign keys
PROTECT the sources: a cited contribution is withdrawn or hidden, never deleted, and then
shows as « contribution retirée ». django-simple-history keeps every version.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from discussions import targets
from discussions.models import Annotation, Comment, MarkdownNote
from discussions.targets import COMMENT_FIELDS, at_most_one_target, target_foreign_key
from dossiers.markdown import html_text
from dossiers.models import Dossier
from dossiers.versioning import Versioned
from syntheses.citations import SOURCE_FIELDS, render_synthesis

if TYPE_CHECKING:
    from accounts.models import User

SYNTHESIS_MAX_LENGTH = 20_000


class SynthesisQuerySet(models.QuerySet["Synthesis"]):
    def readable_by(self, user: User) -> SynthesisQuerySet:
        """What `user` may read: the syntheses of discussions on dossiers they may read,
        not of an annotation they may not read, nor of a question whose answers are hidden
        from them. What each may read of the sources cited is
        decided per source (syntheses.shown)."""
        readable = self.filter(dossier__in=Dossier.objects.visible_to(user)).filter(
            Q(annotation__isnull=True) | Q(annotation__in=Annotation.objects.readable_by(user))
        )
        # A synthesis of answers « réfléchir avant de lire » hides from `user` tells what
        # they say: hidden like them until `user` answers (or chooses to read).
        if not apps.is_installed("questions"):
            return readable
        from questions.models import locked_questions

        locked = locked_questions(user)
        return readable.exclude(question__in=locked) if locked else readable

    def of_discussions_joined_by(self, user: User) -> SynthesisQuerySet:
        """The syntheses of the discussions `user` took part in: where they wrote a message
        still shown, or that cite one of their contributions. Combine with `readable_by`:

            Synthesis.objects.readable_by(user).of_discussions_joined_by(user)

        (the learning digest lists these). One query, whatever the number of discussions."""
        mine = Comment.objects.filter(author=user, state=Comment.State.VISIBLE)
        took_part = Q(
            Exists(
                mine.filter(
                    dossier=OuterRef("dossier"),
                    **{f"{name}__isnull": True for name in COMMENT_FIELDS},
                )
            ),
            **{f"{name}__isnull": True for name in COMMENT_FIELDS},
        )
        for name in COMMENT_FIELDS:
            took_part |= Q(**{f"{name}__in": mine.values(name)})
        cited = Citation.objects.filter(
            Q(comment__author=user) | Q(annotation__author=user) | Q(field_report__author=user)
        )
        return self.filter(took_part | Q(pk__in=cited.values("synthesis")))

    def of_keys(self, keys: Iterable[str]) -> SynthesisQuerySet:
        """The syntheses of the discussions named by their thread keys ("question-12")."""
        return self.filter(discussion__in=list(keys))


class Synthesis(MarkdownNote, Versioned):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="syntheses", verbose_name=_("dossier")
    )
    # At most one of these, as on a comment: the discussion synthesised; none means the
    # dossier's own discussion (discussions.targets.COMMENT_FIELDS).
    case_study = target_foreign_key("dossiers.CaseStudy", "syntheses", _("case study"))
    recommendation = target_foreign_key("dossiers.Recommendation", "syntheses", _("recommendation"))
    question = target_foreign_key("dossiers.Question", "syntheses", _("question"))
    annotation = target_foreign_key("discussions.Annotation", "syntheses", _("annotation"))
    field_report = target_foreign_key("learning.FieldReport", "syntheses", _("field report"))
    # The discussion's thread key ("question-12"): one synthesis per discussion, and the
    # syntheses of a page's threads found in one query.
    discussion = models.CharField(_("discussion"), max_length=40, unique=True, editable=False)
    # The text as readers see it (`textContent` of body_html), for search.
    body_text = models.TextField(editable=False, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="syntheses",
        verbose_name=_("written by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SynthesisQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body_html", "body_text"])

    class Meta:
        verbose_name = _("synthesis")
        verbose_name_plural = _("syntheses")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=at_most_one_target(COMMENT_FIELDS), name="synthesis_at_most_one_target"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Synthesis of %(place)s") % {"place": self.place()})

    def get_absolute_url(self) -> str:
        return reverse("syntheses:detail", kwargs={"pk": self.pk})

    def render_body(self, mentions: Iterable[Any] = ()) -> str:
        return render_synthesis(self.body)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.discussion = self.discussion_kind.key(self.target_pk)
        super().save(*args, **kwargs)

    def set_body(self, text: str, *, mentions: Iterable[Any] = ()) -> None:
        super().set_body(text, mentions=mentions)
        self.body_text = html_text(self.body_html)

    @property
    def discussion_kind(self) -> targets.TargetKind:
        return targets.kind_of_row(self)

    @property
    def target_pk(self) -> int:
        return targets.target_pk_of_row(self)

    @property
    def target(self) -> models.Model:
        """The target of the discussion synthesised (one query if not loaded)."""
        kind = self.discussion_kind
        return self.dossier if kind.field is None else getattr(self, kind.field)

    def place(self) -> str:
        """The discussion in a sentence: "the question “…” in “…”"."""
        return targets.target_place(self.target, self.dossier)

    def discussion_url(self) -> str:
        """Where the discussion is read (the synthesis shows above it)."""
        kind, pk = self.discussion_kind, self.target_pk
        if kind.own_page:
            return kind.page_url(pk)
        if kind.field is None:
            return f"{self.dossier.get_absolute_url()}#{kind.dom_id(pk)}"
        return f"{self.dossier.get_absolute_url()}?fil={kind.key(pk)}#{kind.dom_id(pk)}"


class Citation(models.Model):
    """One source a synthesis cites, numbered in order of first appearance in its text;
    rebuilt from the text on each save (syntheses.services.synthesis_save)."""

    synthesis = models.ForeignKey(
        Synthesis, on_delete=models.CASCADE, related_name="citations", verbose_name=_("synthesis")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    # Exactly one: the contribution cited. PROTECT: a cited source is never deleted.
    comment = models.ForeignKey(
        Comment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("message"),
    )
    annotation = models.ForeignKey(
        Annotation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("annotation"),
    )
    field_report = models.ForeignKey(
        "learning.FieldReport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citations",
        verbose_name=_("field report"),
    )

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["synthesis", "number"]
        constraints = [
            models.UniqueConstraint(fields=["synthesis", "number"], name="citation_number_unique"),
            models.CheckConstraint(
                condition=at_most_one_target(SOURCE_FIELDS)
                & ~Q(**{f"{name}__isnull": True for name in SOURCE_FIELDS}),
                name="citation_exactly_one_source",
            ),
        ]

    def __str__(self) -> str:
        return f"[{self.number}]"
