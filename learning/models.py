"""The learning loop: what became of each recommendation (its follow-up and the dated history
of its status) and colleagues' reports of applying one (field reports).

A field report keeps a non-null `dossier`, copied from its recommendation, like every
contribution: who may read it follows the dossier's status, and a page fetches all the
reports of a theme or a region with one query on that column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from discussions.models import MarkdownNote, Moderated
from dossiers.markdown import render_markdown
from dossiers.models import Dossier, Recommendation, period_label
from dossiers.versioning import Versioned

if TYPE_CHECKING:
    from accounts.models import User

# Bounds on user text; the form reports them in French.
REPORT_TEXT_MAX_LENGTH = 20_000
YEAR_MIN = 1950


class Status(models.TextChoices):
    """The lifecycle of a recommendation, in its order."""

    PROPOSED = "proposed", _("Proposed")
    DISCUSSED = "discussed", _("Under discussion")
    ADOPTED = "adopted", _("Adopted")
    ADAPTED = "adapted", _("Adapted")
    REJECTED = "rejected", _("Not retained")
    IMPLEMENTED = "implemented", _("Implemented")
    EVALUATED = "evaluated", _("Evaluated")


# Where a status may go next. « Non retenue » and « évaluée » may be reopened for discussion.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    Status.PROPOSED: (Status.DISCUSSED, Status.ADOPTED, Status.ADAPTED, Status.REJECTED),
    Status.DISCUSSED: (Status.ADOPTED, Status.ADAPTED, Status.REJECTED),
    Status.ADOPTED: (Status.ADAPTED, Status.IMPLEMENTED, Status.REJECTED),
    Status.ADAPTED: (Status.IMPLEMENTED, Status.REJECTED),
    Status.REJECTED: (Status.DISCUSSED,),
    Status.IMPLEMENTED: (Status.EVALUATED,),
    Status.EVALUATED: (Status.DISCUSSED,),
}
# A change to these says why, in its note.
REASON_REQUIRED = (Status.ADAPTED, Status.REJECTED)
STATUS_ORDER = {value: index for index, value in enumerate(Status.values)}


class FollowUp(models.Model):
    """The current state of a recommendation's follow-up (« Suivi »). A recommendation
    without one is « proposée » and has seen no activity yet."""

    recommendation = models.OneToOneField(
        "dossiers.Recommendation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="follow_up",
        verbose_name=_("recommendation"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    # A person or a service, as the curators name it (« Direction des partenariats »).
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    # The last status change, kept here so the overview sorts and shows it without a join
    # on the history.
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    # The last status change or field report: the overview's « recent activity » order.
    activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="followup_status_known"
            ),
        ]
        indexes = [
            # The overview's default order: recent activity first.
            models.Index(fields=["-activity_at"], name="followup_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.get_status_display()}"


class StatusChange(models.Model):
    """One dated, signed step of a recommendation's follow-up; never changed afterwards."""

    recommendation = models.ForeignKey(
        "dossiers.Recommendation",
        on_delete=models.PROTECT,
        related_name="status_changes",
        verbose_name=_("recommendation"),
    )
    previous = models.CharField(
        _("previous status"), max_length=12, choices=Status.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["recommendation", "changed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="statuschange_status_known"
            ),
            # « Adaptée » and « non retenue » say why.
            models.CheckConstraint(
                condition=~Q(status__in=REASON_REQUIRED) | ~Q(note=""),
                name="statuschange_reason_given",
            ),
        ]
        indexes = [
            # A recommendation's timeline, oldest first.
            models.Index(fields=["recommendation", "changed_at"], name="statuschange_timeline"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.previous or '—'} → {self.status}"


class FieldReportQuerySet(models.QuerySet["FieldReport"]):
    def readable_by(self, user: User) -> FieldReportQuerySet:
        """Reports on the dossiers `user` may read, whatever their state (a withdrawn one
        with replies shows as a tombstone)."""
        return self.filter(dossier__in=Dossier.objects.visible_to(user))

    def shown(self) -> FieldReportQuerySet:
        """The reports lists show: neither withdrawn nor hidden."""
        return self.filter(state=FieldReport.State.VISIBLE)


class FieldReport(MarkdownNote, Moderated, Versioned):
    """A member's report of applying a recommendation (« retour d'expérience »).

    `body` is what was done (Markdown); `lessons` what others should know (Markdown). The
    author edits and withdraws it; django-simple-history keeps every version, an edit from
    an older `version` is refused (dossiers.versioning), and a withdrawn or hidden report
    stays as a tombstone under its replies.
    """

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("Worked")
        PARTIAL = "partial", _("Partly worked")
        FAILED = "failed", _("Did not work")
        TOO_EARLY = "too_early", _("Too early to tell")

    class State(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by moderation")
        WITHDRAWN = "withdrawn", _("Withdrawn by its author")

    recommendation = models.ForeignKey(
        "dossiers.Recommendation",
        on_delete=models.PROTECT,
        related_name="field_reports",
        verbose_name=_("recommendation"),
    )
    # The recommendation's dossier: readability follows it.
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="field_reports", verbose_name=_("dossier")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="field_reports",
        verbose_name=_("author"),
    )
    title = models.CharField(_("title"), max_length=200)
    country = models.CharField(_("country"), max_length=120, blank=True)
    region = models.ForeignKey(
        "dossiers.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="field_reports",
        verbose_name=_("region"),
    )
    partner = models.CharField(_("partner"), max_length=255, blank=True)
    # Sensitive contexts: the partner's name is kept for its author, shown to nobody else,
    # never indexed nor exported.
    partner_confidential = models.BooleanField(_("partner not to be named"), default=False)
    year_start = models.PositiveSmallIntegerField(_("from (year)"))
    year_end = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    lessons = models.TextField(_("lessons"), blank=True)
    lessons_html = models.TextField(editable=False, blank=True)
    # Optional links: a case study (of any dossier) or another dossier it relates to.
    case_study = models.ForeignKey(
        "dossiers.CaseStudy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="field_reports",
        verbose_name=_("related case study"),
    )
    related_dossier = models.ForeignKey(
        Dossier,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="related_field_reports",
        verbose_name=_("related dossier"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.VISIBLE
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    # Set on each edit by the author; the previous version stays in the history.
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = FieldReportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body_html", "lessons_html"])

    class Meta:
        verbose_name = _("field report")
        verbose_name_plural = _("field reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=["success", "partial", "failed", "too_early"]),
                name="fieldreport_outcome_known",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["visible", "hidden", "withdrawn"]),
                name="fieldreport_state_known",
            ),
            models.CheckConstraint(
                condition=Q(year_end__isnull=True) | Q(year_start__lte=models.F("year_end")),
                name="fieldreport_period_start_before_end",
            ),
            models.CheckConstraint(
                condition=Q(year_start__gte=YEAR_MIN), name="fieldreport_year_plausible"
            ),
        ]
        indexes = [
            # The latest reports of a theme's or a region's dossiers.
            models.Index(fields=["dossier", "-created_at"], name="fieldreport_dossier_recent"),
            # A recommendation's reports and its outcome summary.
            models.Index(fields=["recommendation", "state"], name="fieldreport_recommendation"),
        ]

    STATE_FIELDS = ("state",)
    MODERATION_ROUTE = "learning:report"

    def __str__(self) -> str:
        # What names a withdrawn or hidden report anywhere (a thread's label) keeps its text.
        return self.title if self.is_visible else str(_("A withdrawn or hidden field report"))

    def get_absolute_url(self) -> str:
        return reverse("learning:report", kwargs={"pk": self.pk})

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "lessons" in update_fields:
            self.lessons_html = render_markdown(self.lessons).html
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "lessons_html"}
        super().save(*args, **kwargs)

    def set_hidden(self, hide: bool) -> None:
        self.state = self.State.HIDDEN if hide else self.State.VISIBLE

    @property
    def is_hidden(self) -> bool:
        return self.state == self.State.HIDDEN

    @property
    def is_visible(self) -> bool:
        return self.state == self.State.VISIBLE

    @property
    def is_moderatable(self) -> bool:
        """What its author withdrew is not moderated any more."""
        return self.state != self.State.WITHDRAWN

    def period_label(self) -> str:
        return period_label(self.year_start, self.year_end)

    def partner_shown_to(self, user: User) -> str:
        """The partner's name, unless it is not to be named and `user` is not the author."""
        if self.partner_confidential and self.author_id != user.pk:
            return ""
        return self.partner


class RecommendationFollowUp(Recommendation):
    """Recommendations as the admin's follow-up list shows them (a proxy: no table)."""

    class Meta:
        proxy = True
        verbose_name = _("recommendation follow-up")
        verbose_name_plural = _("recommendations follow-up")
