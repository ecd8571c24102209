"""The « Recommandations » overview: every recommendation the user may read, across dossiers,
with its status, last change, number of field reports and their outcomes, filtered and
sorted; the same rows as CSV for the direction's annual review.

One query gives the rows whatever their number (the status and dates come from the follow-up
row), and one grouped query the field reports' counts of the rows shown: aggregating over
every recommendation's reports to show 25 of them would cost more than the page.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers.models import Dossier, Recommendation, Region, Theme
from learning.models import STATUS_ORDER, FieldReport, Status, StatusChange

if TYPE_CHECKING:
    from accounts.models import User

_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")
OUTCOMES = [value for value, _label in FieldReport.Outcome.choices]


class ListSelect(forms.Select):
    """A select whose options are written in one loop: the stock widget includes a template
    per option, which costs milliseconds for the filters of a page. (Its template is in
    learning/templates/: forms render with the apps' templates only.)"""

    template_name = "learning/widgets/select.html"


class OverviewFilterForm(forms.Form):
    """The overview's filters; an unknown value is a form error shown beside them, and the
    valid ones still apply."""

    SORTS = {
        "activity": (F("activity").desc(nulls_last=True), "dossier__title", "order"),
        "status": ("status_rank", "dossier__title", "order"),
        "dossier": ("dossier__title", "order"),
    }

    theme = forms.ModelChoiceField(
        Theme.objects.all(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Theme"),
        empty_label=gettext_lazy("All themes"),
        widget=ListSelect,
    )
    region = forms.ModelChoiceField(
        Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Region"),
        empty_label=gettext_lazy("All regions"),
        widget=ListSelect,
    )
    audience = forms.ChoiceField(
        choices=[("", gettext_lazy("All audiences")), *Recommendation.Audience.choices],
        required=False,
        label=gettext_lazy("Audience"),
        widget=ListSelect,
    )
    status = forms.ChoiceField(
        choices=[("", gettext_lazy("All statuses")), *Status.choices],
        required=False,
        label=gettext_lazy("Status"),
        widget=ListSelect,
    )
    dossier = forms.ModelChoiceField(
        Dossier.objects.none(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Dossier"),
        empty_label=gettext_lazy("All dossiers"),
        widget=ListSelect,
    )
    period = forms.CharField(
        required=False,
        max_length=20,
        label=gettext_lazy("Period"),
        widget=forms.TextInput(attrs={"placeholder": "2000-2010", "inputmode": "numeric"}),
    )
    reports = forms.BooleanField(required=False, label=gettext_lazy("With field reports only"))
    sort = forms.ChoiceField(
        choices=[
            ("activity", gettext_lazy("Recent activity")),
            ("status", gettext_lazy("Status")),
            ("dossier", gettext_lazy("Dossier")),
        ],
        required=False,
        label=gettext_lazy("Sort by"),
        widget=ListSelect,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = Dossier.objects.visible_to(user).order_by("title")
        self.fields["dossier"].error_messages["invalid_choice"] = gettext_lazy(
            "This dossier does not exist or you may not read it."
        )

    def clean_period(self) -> tuple[int, int] | None:
        value = self.cleaned_data["period"]
        if not value:
            return None
        match = _PERIOD.match(value)
        if not match:
            raise forms.ValidationError(_("Enter a year (2008) or a range of years (2000-2010)."))
        start, end = int(match.group(1)), int(match.group(2) or match.group(1))
        if start > end:
            raise forms.ValidationError(_("The range must start before it ends."))
        return start, end

    def filter(self, queryset: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
        data = self.cleaned_data if self.is_bound else {}
        dossiers = Dossier.objects.all()
        if theme := data.get("theme"):
            dossiers = dossiers.filter(themes=theme)
        if region := data.get("region"):
            dossiers = dossiers.filter(regions=region)
        if dossier := data.get("dossier"):
            dossiers = dossiers.filter(pk=dossier.pk)
        if period := data.get("period"):
            start, end = period
            dossiers = dossiers.filter(
                Q(period_start__lte=end) | Q(period_start__isnull=True),
                Q(period_end__gte=start) | Q(period_end__isnull=True),
            ).exclude(period_start__isnull=True, period_end__isnull=True)
        if dossiers.query.where:
            queryset = queryset.filter(dossier__in=dossiers.values("pk"))
        if audience := data.get("audience"):
            queryset = queryset.filter(audience=audience)
        if status := data.get("status"):
            queryset = queryset.filter(status=status)
        if data.get("reports"):
            queryset = queryset.filter(
                Exists(FieldReport.objects.shown().filter(recommendation=OuterRef("pk")))
            )
        return queryset.order_by(*self.SORTS[data.get("sort") or "activity"])


def overview_rows(user: User) -> QuerySet[Recommendation]:
    """The readable recommendations with their status, unfiltered (`with_report_counts`
    adds the reports' figures to the rows shown)."""
    return (
        Recommendation.objects.readable_by(user)
        .select_related("follow_up")
        .only(
            "pk",
            "title",
            "order",
            "audience",
            "dossier__id",
            "dossier__title",
            "dossier__slug",
            "dossier__status",
            "follow_up__status",
            "follow_up__responsible",
            "follow_up__status_changed_at",
            "follow_up__activity_at",
        )
        .annotate(status=Coalesce("follow_up__status", Value(Status.PROPOSED)))
        .annotate(
            status_rank=Case(
                *(When(status=value, then=Value(rank)) for value, rank in STATUS_ORDER.items()),
                output_field=IntegerField(),
            ),
            activity=F("follow_up__activity_at"),
        )
    )


def report_counts(recommendations: Any) -> dict[int, dict[str, int]]:
    """{recommendation pk: {outcome: count}} of the reports shown, in one grouped query;
    `recommendations` is a list of them or a QuerySet (then a subquery)."""
    if not isinstance(recommendations, QuerySet):
        recommendations = [row.pk for row in recommendations]
    else:
        recommendations = recommendations.order_by().values("pk")
    rows = (
        FieldReport.objects.shown()
        .filter(recommendation__in=recommendations)
        .order_by()
        .values_list("recommendation_id", "outcome")
        .annotate(count=Count("pk"))
    )
    counts: dict[int, dict[str, int]] = {}
    for recommendation_id, outcome, count in rows:
        counts.setdefault(recommendation_id, {})[outcome] = count
    return counts


def with_report_counts(rows: list[Recommendation]) -> list[Recommendation]:
    """Give each row `report_count`, `outcomes` (value, label, count of those reported)
    and `status_label`."""
    counts = report_counts(rows)
    labels = dict(FieldReport.Outcome.choices)
    for row in rows:
        by_outcome = counts.get(row.pk, {})
        row.report_count = sum(by_outcome.values())
        row.outcomes = [
            (value, str(labels[value]), by_outcome[value])
            for value in OUTCOMES
            if value in by_outcome
        ]
        row.status_label = Status(row.status).label
    return rows


def csv_lines(rows: QuerySet[Recommendation], *, site_url: str) -> Iterator[str]:
    """The CSV of the overview (semicolons and a byte-order mark, as French spreadsheets
    expect), one line per recommendation, streamed."""

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo(), delimiter=";")
    site_url = site_url.rstrip("/")
    labels = dict(Status.choices)
    audiences = dict(Recommendation.Audience.choices)
    yield "\ufeff" + writer.writerow(
        [
            _("Dossier"),
            _("Recommendation"),
            _("Audience"),
            _("Status"),
            _("Last status change"),
            _("Note of the last change"),
            _("Responsible"),
            _("Field reports"),
            *(str(label) for _value, label in FieldReport.Outcome.choices),
            _("Address"),
        ]
    )
    last_note = (
        StatusChange.objects.filter(recommendation=OuterRef("pk"))
        .order_by("-changed_at", "-pk")
        .values("note")[:1]
    )
    counts = report_counts(rows)
    for row in rows.annotate(last_note=Subquery(last_note)).iterator(chunk_size=500):
        by_outcome = counts.get(row.pk, {})
        # A recommendation without follow-up is « proposée » and has no change yet.
        follow_up = getattr(row, "follow_up", None)
        changed = follow_up.status_changed_at if follow_up else None
        yield writer.writerow(
            [
                row.dossier.title,
                row.title,
                audiences.get(row.audience, row.audience),
                labels[row.status],
                formats.date_format(timezone.localtime(changed), "SHORT_DATE_FORMAT")
                if changed
                else "",
                row.last_note or "",
                follow_up.responsible if follow_up else "",
                sum(by_outcome.values()),
                *(by_outcome.get(value, 0) for value in OUTCOMES),
                site_url + reverse("learning:recommendation", kwargs={"pk": row.pk}),
            ]
        )
