"""Contributions: comments and inline annotations, their Markdown and their moderation.

Every contribution keeps a non-null `dossier`: permissions follow the dossier's status, and a
page fetches all of its contributions with one query on that column. A more specific target
(case study, recommendation, question, annotation) is at most one nullable foreign key, one
per kind of discussions.targets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from discussions import targets
from discussions.targets import (
    ANNOTATION_FIELDS,
    COMMENT_FIELDS,
    at_most_one_target,
    target_foreign_key,
)
from dossiers.markdown import render_markdown
from dossiers.models import Dossier
from dossiers.versioning import Versioned
from questions.models import locked_questions

# Bounds on user text; forms and the JSON API report them in French.
COMMENT_MAX_LENGTH = 10_000
ANNOTATION_NOTE_MAX_LENGTH = 10_000
QUOTE_MAX_LENGTH = 5_000
CONTEXT_MAX_LENGTH = 64


class MarkdownNote(models.Model):
    """Markdown written by a member, stored with its sanitised HTML.

    `set_body` renders the HTML with what only the caller knows (the members mentioned);
    `save` renders it only for a body that changed without going through `set_body`, so a
    partial save that touches no body field renders nothing.
    """

    body = models.TextField(_("text"), blank=True)
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            if getattr(self, "_rendered_body", None) != self.body:
                self.set_body(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def set_body(self, text: str, *, mentions: Iterable[Any] = ()) -> None:
        self.body = text
        self.body_html = self.render_body(mentions)
        self._rendered_body = text

    def render_body(self, mentions: Iterable[Any] = ()) -> str:
        """The sanitised HTML of `body`; subclasses may decorate it (mention links)."""
        return render_markdown(self.body).html


class Moderated(models.Model):
    """Who last hid or restored a contribution, when, and what they told its author."""

    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderation_note = models.TextField(_("moderation note"), blank=True)

    # The fields `moderate` writes besides the contribution's own state.
    MODERATION_FIELDS = ("moderated_at", "moderated_by", "moderation_note")
    # The prefix of the URL names of its hide, restore and flags-dismiss views.
    MODERATION_ROUTE: str = ""

    class Meta:
        abstract = True

    def moderate(self, *, moderator: Any, hide: bool, note: str) -> None:
        """Hide or show again, recording who did it and their note; saved at once."""
        self.set_hidden(hide)
        self.moderated_at = timezone.now()
        self.moderated_by = moderator
        self.moderation_note = note
        self.save(update_fields=[*self.STATE_FIELDS, *self.MODERATION_FIELDS])

    # Set by each model: the fields `set_hidden` changes.
    STATE_FIELDS: tuple[str, ...] = ()

    def set_hidden(self, hide: bool) -> None:
        raise NotImplementedError


def _annotation_readable(user: Any, path: str = "") -> Q:
    """The annotations `user` may read, dossier aside: the shared ones not hidden by
    moderation, and their own. `path` reaches them from another model ("annotation__")."""
    shared = Q(**{f"{path}visibility": "shared", f"{path}hidden": False})
    return shared | Q(**{f"{path}author": user})


class AnnotationQuerySet(models.QuerySet["Annotation"]):
    def readable_by(self, user: Any) -> AnnotationQuerySet:
        """What `user` may read: on dossiers they may read, the shared annotations not
        hidden by moderation, and their own."""
        return self.filter(dossier__in=Dossier.objects.visible_to(user)).filter(
            _annotation_readable(user)
        )

    def moderatable_by(self, user: Any) -> AnnotationQuerySet:
        """What a moderator may hide or restore: shared annotations on dossiers they may
        read, hidden or not (a private note is nobody else's business)."""
        return self.filter(dossier__in=Dossier.objects.visible_to(user), visibility="shared")

    def on_body(self, body: models.Model) -> AnnotationQuerySet:
        """The annotations anchored in `body` (a dossier's own text, a case study's…)."""
        return self.filter(targets.target_filter(body, ANNOTATION_FIELDS))


class Annotation(MarkdownNote, Moderated, Versioned):
    """A note on a passage of a body (dossier, case study or recommendation).

    The anchor follows the W3C Web Annotation model: a TextQuoteSelector (exact, prefix,
    suffix) and a TextPositionSelector (start, end), both counted in Unicode code points of
    the body's `body_text`. Re-anchoring after an edit updates them or marks the annotation
    orphaned; it never deletes it.
    """

    class Visibility(models.TextChoices):
        SHARED = "shared", _("Shared with the community")
        PRIVATE = "private", _("Private note")

    class State(models.TextChoices):
        ANCHORED = "anchored", _("Anchored")
        ORPHANED = "orphaned", _("Passage changed")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="annotations", verbose_name=_("dossier")
    )
    # Set when the annotated body is a case study's or a recommendation's; both empty means
    # the dossier's own body (discussions.targets.ANNOTATION_FIELDS).
    case_study = target_foreign_key("dossiers.CaseStudy", "annotations", _("case study"))
    recommendation = target_foreign_key(
        "dossiers.Recommendation", "annotations", _("recommendation")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="annotations",
        verbose_name=_("author"),
    )
    # TextQuoteSelector: the passage, and a few characters before and after it.
    exact = models.TextField(_("quoted passage"))
    prefix = models.CharField(_("text before"), max_length=CONTEXT_MAX_LENGTH, blank=True)
    suffix = models.CharField(_("text after"), max_length=CONTEXT_MAX_LENGTH, blank=True)
    # TextPositionSelector: [start, end) in code points of the body text.
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.SHARED
    )
    # Orphaned: the passage could not be found again after the text changed.
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.ANCHORED
    )
    # Hidden by a moderator: then only its author still sees it, with the moderator's note.
    hidden = models.BooleanField(_("hidden by moderation"), default=False)
    # history_id of the body's django-simple-history record the selectors were last
    # checked against (made on, or re-anchored to).
    text_version = models.PositiveBigIntegerField(_("text version"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    tags = TaggableManager(_("tags"), blank=True)

    objects = AnnotationQuerySet.as_manager()

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["dossier", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")), name="annotation_start_before_end"
            ),
            models.CheckConstraint(
                condition=at_most_one_target(ANNOTATION_FIELDS), name="annotation_one_body"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["shared", "private"]),
                name="annotation_visibility_known",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["anchored", "orphaned"]), name="annotation_state_known"
            ),
        ]
        indexes = [
            # The annotations of one body, listed for the reading page and the export.
            models.Index(
                fields=["dossier", "case_study", "recommendation"], name="annotation_body"
            ),
        ]

    def __str__(self) -> str:
        return f"« {self.exact[:60]} »"

    def get_absolute_url(self) -> str:
        """Its discussion's page (an annotation's thread lives on a page of its own)."""
        kind = targets.kind_of(self)
        return reverse("discussions:thread-page", kwargs={"kind": kind.slug, "pk": self.pk})

    def render_body(self, mentions: Iterable[Any] = ()) -> str:
        """The sanitised HTML with the mentioned members (found by the service) linked, as
        in a message."""
        from discussions.mentions import link_mentions

        return link_mentions(super().render_body(), list(mentions))

    STATE_FIELDS = ("hidden",)
    MODERATION_ROUTE = "discussions:annotation"

    def set_hidden(self, hide: bool) -> None:
        self.hidden = hide

    @property
    def is_hidden(self) -> bool:
        return self.hidden

    @property
    def is_moderatable(self) -> bool:
        """A private note is nobody else's business, moderators' included."""
        return self.visibility == self.Visibility.SHARED

    @property
    def body_ref(self) -> str:
        """The body's reference in the API and the page: "etude:12"."""
        kind, pk = targets.body_of_row(self)
        return kind.ref(pk)

    @property
    def is_personal(self) -> bool:
        """Only its author sees it: a private note, or a note hidden by moderation."""
        return self.visibility == self.Visibility.PRIVATE or self.hidden

    def is_readable_by(self, user: Any) -> bool:
        return not self.is_personal or self.author_id == user.pk


class CommentQuerySet(models.QuerySet["Comment"]):
    def readable_by(self, user: Any) -> CommentQuerySet:
        """Comments of the discussions `user` may read, whatever their state: on dossiers
        they may read, not on an annotation they may not read, and not the others' answers
        to a « réfléchir avant de lire » question they have not answered yet (questions)."""
        readable = self.filter(dossier__in=Dossier.objects.visible_to(user)).filter(
            Q(annotation__isnull=True) | _annotation_readable(user, "annotation__")
        )
        locked = locked_questions(user)
        if not locked:
            return readable
        return readable.filter(
            Q(question__isnull=True) | Q(author=user.pk) | ~Q(question__in=locked)
        )

    def hidden_from(self, user: Any) -> CommentQuerySet:
        """The others' answers (replies included) to the « réfléchir avant de lire »
        questions `user` has not answered yet: what `readable_by` leaves out for that
        reason, for the tables that copy comments (search entries, notifications)."""
        locked = locked_questions(user)
        if not locked:
            return self.none()
        return self.filter(question__in=locked).exclude(author=user.pk)

    def on_target(self, target: models.Model) -> CommentQuerySet:
        """The comments of `target`'s discussion (one query on the dossier's index)."""
        return self.filter(targets.target_filter(target))


class Comment(MarkdownNote, Moderated, Versioned):
    """A message in a discussion; a reply when it has a parent.

    A deleted or hidden comment is never removed from the table: it stays as a tombstone so
    its replies keep their true parent.
    """

    class State(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by moderation")
        DELETED = "deleted", _("Deleted by its author")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="comments", verbose_name=_("dossier")
    )
    # At most one of these is set: the discussion the comment belongs to (one per kind of
    # discussions.targets). None set means the dossier's own discussion.
    case_study = target_foreign_key("dossiers.CaseStudy", "comments", _("case study"))
    recommendation = target_foreign_key("dossiers.Recommendation", "comments", _("recommendation"))
    question = target_foreign_key("dossiers.Question", "comments", _("question"))
    annotation = target_foreign_key("discussions.Annotation", "replies", _("annotation"))
    field_report = target_foreign_key("learning.FieldReport", "comments", _("field report"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="comments",
        verbose_name=_("author"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.VISIBLE
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    # Set on each edit by the author; the previous text goes to CommentRevision.
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", _("Can hide and restore contributions"))]
        constraints = [
            models.CheckConstraint(
                condition=at_most_one_target(COMMENT_FIELDS),
                name="comment_at_most_one_target",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["visible", "hidden", "deleted"]),
                name="comment_state_known",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="comment_not_its_own_parent"
            ),
        ]
        indexes = [
            # Every thread of a dossier page in one query, oldest first.
            models.Index(fields=["dossier", "created_at"], name="comment_dossier_created"),
        ]

    STATE_FIELDS = ("state",)
    MODERATION_ROUTE = "discussions:comment"

    def __str__(self) -> str:
        return f"{self.author} — {self.body[:50]}"

    def get_absolute_url(self) -> str:
        """The permalink, which redirects to the page showing the comment."""
        return reverse("discussions:comment", kwargs={"pk": self.pk})

    def render_body(self, mentions: Iterable[Any] = ()) -> str:
        """The sanitised HTML with the mentioned members (found by the service) linked."""
        from discussions.mentions import link_mentions

        return link_mentions(super().render_body(), list(mentions))

    def set_hidden(self, hide: bool) -> None:
        self.state = self.State.HIDDEN if hide else self.State.VISIBLE

    @property
    def is_hidden(self) -> bool:
        return self.state == self.State.HIDDEN

    @property
    def is_moderatable(self) -> bool:
        """What its author withdrew is not moderated any more."""
        return self.state != self.State.DELETED

    @property
    def is_visible(self) -> bool:
        return self.state == self.State.VISIBLE

    @property
    def discussion_kind(self) -> targets.TargetKind:
        """The kind of discussion it belongs to."""
        return targets.kind_of_row(self)

    @property
    def target_kind(self) -> str:
        """Its kind of discussion as spelled in thread URLs (the kind's slug)."""
        return self.discussion_kind.slug

    @property
    def target_pk(self) -> int:
        return targets.target_pk_of_row(self)

    @property
    def thread_dom_id(self) -> str:
        """The id of its discussion's element in a page: "thread-etude-12"."""
        return self.discussion_kind.dom_id(self.target_pk)

    @property
    def target(self) -> models.Model:
        """The target of its discussion (one query per related object not yet loaded)."""
        kind = self.discussion_kind
        if kind.field is None:
            return self.dossier
        target = getattr(self, kind.field)
        # Reuse the loaded dossier so that readability checks cost no extra query.
        if "dossier" in self._state.fields_cache:
            target.dossier = self.dossier
        return target

    def page_url(self) -> str:
        """The URL of the page showing the comment, ending in its anchor."""
        kind, pk = self.discussion_kind, self.target_pk
        if kind.own_page:
            base = kind.page_url(pk)
        else:
            base = reverse("dossiers:detail", kwargs={"slug": self.dossier.slug})
            base += "?" + urlencode({"fil": kind.key(pk)})
        return f"{base}#comment-{self.pk}"


class CommentRevision(models.Model):
    """The text a comment had before one of its author's edits."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("comment")
    )
    body = models.TextField(_("previous text"))
    # When that text was written (the comment's creation or its previous edit).
    written_at = models.DateTimeField(_("written"))
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment revision")
        verbose_name_plural = _("comment revisions")
        ordering = ["comment", "replaced_at", "pk"]

    def __str__(self) -> str:
        return f"{self.comment_id} @ {self.written_at:%Y-%m-%d %H:%M}"
