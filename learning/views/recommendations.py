"""The recommendations overview, its CSV, a recommendation's page and its follow-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from discussions.models import Comment
from discussions.threads import thread_for
from dossiers.markdown import html_text
from dossiers.models import Recommendation
from learning import services
from learning.access import recommendation_for_status, recommendation_page_for
from learning.forms import StatusChangeForm
from learning.models import FieldReport, Status, StatusChange
from learning.overview import OverviewFilterForm, csv_lines, overview_rows, with_report_counts

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 25
# Field reports shown on a recommendation's page, unless all are asked for (?retours=tous).
REPORTS_SHOWN = 20


def _filtered(request: HttpRequest) -> tuple[OverviewFilterForm, Any]:
    form = OverviewFilterForm(request.GET or None, user=request.user)
    if form.is_bound:
        form.is_valid()  # errors are shown beside the filters; valid ones still apply
    return form, form.filter(overview_rows(request.user))


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    form, rows = _filtered(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_report_counts(list(page.object_list))
    for row in page.object_list:
        follow_up = getattr(row, "follow_up", None)
        row.changed_at = follow_up.status_changed_at if follow_up else None
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "learning/overview.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_GET
def overview_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered overview, every row, for a spreadsheet."""
    _form, rows = _filtered(request)
    response = StreamingHttpResponse(
        csv_lines(rows, site_url=request.build_absolute_uri("/")),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="recommandations.csv"'
    return response


def _page_context(
    user: User,
    recommendation: Recommendation,
    status_form: StatusChangeForm | None = None,
    *,
    all_reports: bool = False,
) -> dict[str, Any]:
    """What a recommendation's page shows: its follow-up and timeline, the reports (and
    the tombstones of withdrawn ones that have replies), its discussion."""
    follow_up = getattr(recommendation, "follow_up", None)
    status = follow_up.status if follow_up else Status.PROPOSED
    reports = (
        FieldReport.objects.readable_by(user)
        .filter(recommendation=recommendation)
        .select_related("author", "region")
        .annotate(replies=Count("comments", filter=Q(comments__state=Comment.State.VISIBLE)))
        .filter(Q(state=FieldReport.State.VISIBLE) | Q(replies__gt=0))
        # Meta.ordering does not apply to a grouped query: newest first, said again.
        .order_by("-created_at", "-pk")
    )
    outcomes = dict(
        FieldReport.objects.readable_by(user)
        .shown()
        .filter(recommendation=recommendation)
        .values_list("outcome")
        .annotate(count=Count("pk"))
        .order_by()
    )
    if status_form is None and user.is_curator:
        status_form = StatusChangeForm(
            current=status, initial={"responsible": follow_up.responsible if follow_up else ""}
        )
    return {
        "recommendation": recommendation,
        "dossier": recommendation.dossier,
        "follow_up": follow_up,
        "status": status,
        "status_label": Status(status).label,
        "timeline": StatusChange.objects.filter(recommendation=recommendation).select_related(
            "changed_by"
        ),
        "status_form": status_form,
        "reports": _with_excerpts(list(reports if all_reports else reports[:REPORTS_SHOWN])),
        "outcomes": [
            (value, label, outcomes.get(value, 0)) for value, label in FieldReport.Outcome.choices
        ],
        "report_count": sum(outcomes.values()),
        "all_reports": all_reports,
        "thread": thread_for(user, recommendation),
    }


def _with_excerpts(reports: list[FieldReport]) -> list[FieldReport]:
    """Each report's text as plain words (entities decoded), for its card."""
    for report in reports:
        report.excerpt = " ".join(html_text(report.body_html).split())
    return reports


@require_GET
def recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    found = recommendation_page_for(request.user, pk)
    context = _page_context(request.user, found, all_reports=request.GET.get("retours") == "tous")
    return render(request, "learning/recommendation.html", context)


@require_POST
def status_change(request: HttpRequest, pk: int) -> HttpResponse:
    """A curator moves the recommendation on; errors show in its page, nothing stored."""
    recommendation_for_status(request.user, pk)
    found = recommendation_page_for(request.user, pk)
    follow_up = getattr(found, "follow_up", None)
    form = StatusChangeForm(
        request.POST, current=follow_up.status if follow_up else Status.PROPOSED
    )
    if form.is_valid():
        try:
            services.status_change(
                recommendation=found,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                responsible=form.cleaned_data["responsible"],
                changed_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The follow-up was updated."))
            return redirect(reverse("learning:recommendation", args=[pk]) + "#suivi")
    context = _page_context(request.user, found, status_form=form)
    return render(request, "learning/recommendation.html", context, status=400)
