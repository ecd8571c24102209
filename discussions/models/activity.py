"""What happens around contributions: reports (flags), follows and notifications."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discussions.models.contributions import Annotation, Comment, _annotation_readable
from discussions.targets import COMMENT_FIELDS, target_place
from dossiers.models import Dossier, long_columns
from questions.models import locked_questions


def _about(
    model: type[models.Model] | str, related_name: str, verbose_name: Any
) -> models.ForeignKey:
    """A nullable link to the contribution a report or a notification is about; it goes
    with the contribution."""
    return models.ForeignKey(
        model,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


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

    # Exactly one of these: the reported contribution.
    comment = _about(Comment, "flags", _("comment"))
    annotation = _about(Annotation, "flags", _("annotation"))
    field_report = _about("learning.FieldReport", "flags", _("field report"))
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
                condition=Q(comment__isnull=False, annotation__isnull=True, field_report=None)
                | Q(comment__isnull=True, annotation__isnull=False, field_report=None)
                | Q(comment__isnull=True, annotation__isnull=True, field_report__isnull=False),
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
            models.UniqueConstraint(
                fields=["field_report", "reporter"],
                condition=Q(resolution="open"),
                name="flag_one_open_per_reporter_report",
            ),
        ]
        indexes = [
            # The moderation queue: open flags, oldest first.
            models.Index(fields=["resolution", "created_at"], name="flag_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.get_resolution_display()})"


class FollowQuerySet(models.QuerySet["Follow"]):
    def of_dossier(self, dossier: Dossier) -> FollowQuerySet:
        """The follows that bring news of `dossier`: of the dossier itself, of one of its
        themes or of one of its regions."""
        return self.filter(
            Q(dossier=dossier)
            | Q(theme__in=dossier.themes.values("pk"))
            | Q(region__in=dossier.regions.values("pk"))
        )


class Follow(models.Model):
    """A member follows a dossier, a theme or a region (exactly one): new contributions
    there reach their notifications."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("user"),
    )
    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("dossier"),
    )
    theme = models.ForeignKey(
        "dossiers.Theme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("theme"),
    )
    region = models.ForeignKey(
        "dossiers.Region",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
        verbose_name=_("region"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "dossier"], name="follow_unique"),
            models.UniqueConstraint(fields=["user", "theme"], name="follow_unique_theme"),
            models.UniqueConstraint(fields=["user", "region"], name="follow_unique_region"),
            models.CheckConstraint(
                condition=Q(dossier__isnull=False, theme=None, region=None)
                | Q(dossier=None, theme__isnull=False, region=None)
                | Q(dossier=None, theme=None, region__isnull=False),
                name="follow_exactly_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.dossier or self.theme or self.region}"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def for_recipient(self, user: Any) -> NotificationQuerySet:
        """The user's notifications about what they may still read (not about an answer
        « réfléchir avant de lire » hides from them yet)."""
        mine = self.filter(recipient=user, dossier__in=Dossier.objects.visible_to(user)).exclude(
            Q(annotation__isnull=False) & ~_annotation_readable(user, "annotation__")
        )
        if not locked_questions(user):
            return mine
        return mine.exclude(comment__in=Comment.objects.hidden_from(user).values("pk"))

    def with_places(self) -> NotificationQuerySet:
        """With what each one is about and the part a message was written on, so that saying
        where (`Notification.place`) costs no query per notification: three queries whatever
        the number. The comments and syntheses are prefetched with their discussions' targets
        rather than joined: the one query joined 19 tables and PostgreSQL spent 12 to 14 ms
        planning it (the home page's five unread notifications). The comments come with their
        authors: a later select_related("comment__…") would replace the prefetch (and cost a
        query per notification for its place)."""
        synthesis = apps.get_model("syntheses", "Synthesis")
        comments = Comment.objects.select_related("author", "dossier", *COMMENT_FIELDS).defer(
            *long_columns("dossier__")
        )
        return (
            self.select_related(
                "actor", "dossier", "annotation", "field_report__recommendation", "recommendation"
            )
            # A place is named by its dossier's title: not its text, joined to every row (the
            # comments' too).
            .defer(*long_columns("dossier__"))
            .prefetch_related(
                Prefetch("comment", comments),
                Prefetch("synthesis", synthesis.objects.select_related(*COMMENT_FIELDS)),
            )
        )


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        MENTION = "mention", _("Mention")
        NEW_CONTRIBUTION = "new", _("New contribution")
        MODERATION = "moderation", _("Moderation")
        ORPHANED = "orphaned", _("Annotation detached")
        STATUS = "status", _("Status change")
        CITED = "cited", _("Cited in a synthesis")

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
    # What it is about: the comment, else the annotation, else the dossier (`target`).
    comment = _about(Comment, "+", _("comment"))
    annotation = _about(Annotation, "+", _("annotation"))
    # A field report, or the recommendation whose follow-up changed (learning).
    field_report = _about("learning.FieldReport", "+", _("field report"))
    recommendation = _about("dossiers.Recommendation", "+", _("recommendation"))
    # The synthesis that cites the recipient's contribution (syntheses).
    synthesis = _about("syntheses.Synthesis", "+", _("synthesis"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Set once the notification went out by email, alone or in a digest.
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "reply",
                        "mention",
                        "new",
                        "moderation",
                        "orphaned",
                        "status",
                        "cited",
                    ]
                ),
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

    def get_absolute_url(self) -> str:
        """Where following it leads: the comment in its page, the annotation, the dossier."""
        if self.comment_id:
            return self.comment.page_url()
        if self.synthesis_id:
            return self.synthesis.get_absolute_url()
        if self.annotation_id:
            return self.annotation.get_absolute_url()
        if self.field_report_id:
            return self.field_report.get_absolute_url()
        if self.recommendation_id:
            return reverse("learning:recommendation", kwargs={"pk": self.recommendation_id})
        return self.dossier.get_absolute_url()

    def target(self) -> models.Model:
        """What it is about: the comment's discussion, else the annotation, else the dossier."""
        if self.comment_id:
            return self.comment.target
        if self.synthesis_id:
            return self.synthesis.target
        if self.annotation_id:
            return self.annotation
        if self.field_report_id:
            return self.field_report
        if self.recommendation_id:
            return self.recommendation
        return self.dossier

    def place(self) -> str:
        """Where the message it is about was written, "the question “…” in “…”"; the
        dossier for the rest."""
        target = self.comment.target if self.comment_id else self.dossier
        if self.synthesis_id:
            target = self.synthesis.target
        return target_place(target, self.dossier)

    def emails_at_once(self) -> bool:
        """Replies, mentions and what happened to one's own contribution (a moderator's
        decision, a passage gone from under an annotation) go out at once to those who
        asked; the rest, and these for those who did not, wait for the digest."""
        if self.kind == self.Kind.REPLY:
            return self.recipient.email_replies
        if self.kind == self.Kind.MENTION:
            return self.recipient.email_mentions
        if self.kind in (self.Kind.MODERATION, self.Kind.ORPHANED, self.Kind.CITED):
            return self.recipient.email_own_contributions
        return False
