"""Discussions on the dossiers: comments, inline annotations, flags, follows, notifications.

Every contribution keeps a non-null `dossier`: permissions follow the dossier's status, and a
page fetches all of its contributions with one query on that column. A more specific target
(case study, recommendation, question, annotation) is at most one nullable foreign key.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from dossiers.markdown import render_markdown
from dossiers.models import CaseStudy, Dossier, Question, Recommendation

# Bounds on user text; forms and the JSON API report them in French.
COMMENT_MAX_LENGTH = 10_000
ANNOTATION_NOTE_MAX_LENGTH = 10_000
QUOTE_MAX_LENGTH = 5_000
CONTEXT_MAX_LENGTH = 64


class MarkdownNote(models.Model):
    """Markdown written by a member, stored with its sanitised HTML rendered on save."""

    body = models.TextField(_("text"), blank=True)
    body_html = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_html = self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def render_body(self) -> str:
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

    class Meta:
        abstract = True


class Annotation(MarkdownNote, Moderated):
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
    # the dossier's own body.
    case_study = models.ForeignKey(
        CaseStudy,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annotations",
        verbose_name=_("case study"),
    )
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annotations",
        verbose_name=_("recommendation"),
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

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["dossier", "start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")), name="annotation_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(case_study__isnull=True) | Q(recommendation__isnull=True),
                name="annotation_one_body",
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

    @staticmethod
    def readable_by(user: Any, path: str = "") -> Q:
        """The annotations `user` may read, dossier aside: the shared ones not hidden by
        moderation, and their own. `path` reaches them from another model ("annotation__")."""
        return Q(**{f"{path}visibility": Annotation.Visibility.SHARED, f"{path}hidden": False}) | Q(
            **{f"{path}author": user}
        )

    @property
    def is_personal(self) -> bool:
        """Only its author sees it: a private note, or a note hidden by moderation."""
        return self.visibility == self.Visibility.PRIVATE or self.hidden

    def is_readable_by(self, user: Any) -> bool:
        return not self.is_personal or self.author_id == user.pk


class Comment(MarkdownNote, Moderated):
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
    # At most one of these is set: the discussion the comment belongs to. None set means the
    # dossier's own discussion.
    case_study = models.ForeignKey(
        CaseStudy,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("case study"),
    )
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("recommendation"),
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("question"),
    )
    annotation = models.ForeignKey(
        Annotation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("annotation"),
    )
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

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", _("Can hide and restore contributions"))]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(case_study__isnull=True, recommendation__isnull=True, question__isnull=True)
                    | Q(
                        case_study__isnull=True,
                        recommendation__isnull=True,
                        annotation__isnull=True,
                    )
                    | Q(case_study__isnull=True, question__isnull=True, annotation__isnull=True)
                    | Q(recommendation__isnull=True, question__isnull=True, annotation__isnull=True)
                ),
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

    # Members the service found mentioned in `body`, linked when the body is rendered; the
    # model never looks users up itself.
    mentioned_users: list[Any] = []

    def __str__(self) -> str:
        return f"{self.author} — {self.body[:50]}"

    def get_absolute_url(self) -> str:
        """The permalink, which redirects to the page showing the comment."""
        return reverse("discussions:comment", kwargs={"pk": self.pk})

    def render_body(self) -> str:
        from discussions.mentions import link_mentions

        return link_mentions(super().render_body(), self.mentioned_users)

    @property
    def is_visible(self) -> bool:
        return self.state == self.State.VISIBLE

    @property
    def target_kind(self) -> str:
        """The kind of discussion it belongs to, as spelled in thread URLs."""
        if self.annotation_id:
            return "annotation"
        if self.case_study_id:
            return "etude"
        if self.recommendation_id:
            return "recommandation"
        if self.question_id:
            return "question"
        return "dossier"

    @property
    def target_pk(self) -> int:
        return (
            self.annotation_id
            or self.case_study_id
            or self.recommendation_id
            or self.question_id
            or self.dossier_id
        )


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


class Flag(models.Model):
    """A member's report of a contribution, worked by moderators."""

    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("Offensive or disrespectful")
        PERSONAL = "personal", _("Personal or confidential information")
        OFF_TOPIC = "off_topic", _("Off topic or spam")
        OTHER = "other", _("Other")

    class Resolution(models.TextChoices):
        OPEN = "open", _("Open")
        HIDDEN = "hidden", _("Contribution hidden")
        DISMISSED = "dismissed", _("Dismissed")

    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
        verbose_name=_("comment"),
    )
    annotation = models.ForeignKey(
        Annotation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flags",
        verbose_name=_("annotation"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="flags",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolution = models.CharField(
        _("resolution"), max_length=10, choices=Resolution.choices, default=Resolution.OPEN
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(comment__isnull=False, annotation__isnull=True)
                | Q(comment__isnull=True, annotation__isnull=False),
                name="flag_exactly_one_contribution",
            ),
            # One open report per person and contribution.
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(resolution="open"),
                name="flag_one_open_per_reporter_comment",
            ),
            models.UniqueConstraint(
                fields=["annotation", "reporter"],
                condition=Q(resolution="open"),
                name="flag_one_open_per_reporter_annotation",
            ),
        ]
        indexes = [
            # The moderation queue: open flags, oldest first.
            models.Index(fields=["resolution", "created_at"], name="flag_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.get_resolution_display()})"


class Follow(models.Model):
    """A member follows a dossier: new contributions on it reach their notifications."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("user"),
    )
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="follows", verbose_name=_("dossier")
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "dossier"], name="follow_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.dossier}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        MENTION = "mention", _("Mention")
        NEW_CONTRIBUTION = "new", _("New contribution")
        MODERATION = "moderation", _("Moderation")
        ORPHANED = "orphaned", _("Annotation detached")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="+", verbose_name=_("dossier")
    )
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comment"),
    )
    annotation = models.ForeignKey(
        Annotation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("annotation"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Set once the notification went out by email, alone or in a digest.
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["reply", "mention", "new", "moderation", "orphaned"]),
                name="notification_kind_known",
            ),
        ]
        indexes = [
            # The header counter and the list: a user's unread notifications.
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            # The daily digest: what has not gone out by email yet.
            models.Index(fields=["emailed_at", "recipient"], name="notification_digest"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"
