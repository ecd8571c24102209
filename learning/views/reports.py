"""Field reports: writing one, its page with its discussion, editing and withdrawing it,
reporting it to the moderators and their hiding or restoring it. Every form works as a
plain POST that redirects."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.forms import Form, model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from discussions import services as discussions_services
from discussions.forms import FlagForm, ModerationForm
from discussions.limits import POSTING_LIMITED, posting_allowed
from discussions.threads import thread_for
from dossiers.versioning import StaleEdit
from learning import services
from learning.access import (
    recommendation_for,
    report_for,
    report_for_edit,
    report_for_flag,
    report_for_moderation,
)
from learning.forms import FieldReportForm
from learning.models import FieldReport


def _form_page(
    request: HttpRequest,
    form: FieldReportForm,
    *,
    recommendation: Any,
    editing: Any = None,
    status: int | None = None,
) -> HttpResponse:
    return render(
        request,
        "learning/report_form.html",
        {"form": form, "recommendation": recommendation, "editing": editing},
        status=status or ((409 if form.current else 400) if form.is_bound else 200),
    )


def _where_one_works(user: Any) -> dict[str, Any]:
    """Where one reported from last time, else the first region of one's profile."""
    last = FieldReport.objects.filter(author=user).order_by("-created_at").first()
    if last is not None:
        return {"region": last.region_id, "country": last.country}
    region = user.regions.order_by("name").first()
    return {"region": region.pk} if region is not None else {}


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = recommendation_for(request.user, pk)
    form = FieldReportForm(
        request.POST or None, user=request.user, initial=_where_one_works(request.user)
    )
    limited = request.method == "POST" and form.is_valid()
    limited = limited and not posting_allowed(request, "field_report")
    if limited:
        form.add_error(None, POSTING_LIMITED)  # the form comes back with what was typed
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                author=request.user, recommendation=recommendation, fields=form.report_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your field report is shared."))
            return redirect(report)
    return _form_page(request, form, recommendation=recommendation, status=429 if limited else None)


@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """A report in full with its discussion; a withdrawn or hidden one as a tombstone."""
    found = report_for(request.user, pk)
    user = request.user
    return render(
        request,
        "learning/report.html",
        {
            "report": found,
            "partner": found.partner_shown_to(user),
            "thread": thread_for(user, found),
            "can_edit": found.is_visible and found.author_id == user.pk,
            "can_flag": found.is_visible and found.author_id != user.pk,
            "can_moderate": user.is_moderator and found.is_moderatable,
        },
    )


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    edited = report_for_edit(request.user, pk)
    initial = model_to_dict(edited, fields=FieldReportForm.Meta.fields)
    initial["version"] = edited.version
    form = FieldReportForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_edit(
                report=edited, fields=form.report_fields(), version=form.cleaned_data["version"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        except StaleEdit:
            form.refuse_stale(report_for(request.user, pk))
        else:
            messages.success(request, _("Your field report was updated."))
            return redirect(edited)
    return _form_page(request, form, recommendation=edited.recommendation, editing=edited)


def _action_page(
    request: HttpRequest,
    report: FieldReport,
    form: Form | None,
    *,
    heading: str,
    submit: str,
    status: int | None = None,
) -> HttpResponse:
    """The confirmation or the small form of an action on a report, on a page of its own."""
    return render(
        request,
        "learning/report_action.html",
        {"report": report, "form": form, "heading": heading, "submit": submit},
        status=status or (400 if form is not None and form.is_bound else 200),
    )


@require_http_methods(["GET", "POST"])
def report_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    withdrawn = report_for_edit(request.user, pk)
    if request.method == "POST":
        services.report_withdraw(report=withdrawn)
        messages.success(request, _("Your field report was withdrawn; its replies stay."))
        return redirect("learning:recommendation", pk=withdrawn.recommendation_id)
    return _action_page(
        request,
        withdrawn,
        None,
        heading=_("Withdraw your field report?"),
        submit=_("Withdraw"),
    )


@require_http_methods(["GET", "POST"])
def report_flag(request: HttpRequest, pk: int) -> HttpResponse:
    flagged = report_for_flag(request.user, pk)
    form = FlagForm(request.POST if request.method == "POST" else None)
    limited = request.method == "POST" and form.is_valid() and not posting_allowed(request, "flag")
    if limited:
        form.add_error(None, POSTING_LIMITED)
    if request.method == "POST" and form.is_valid():
        discussions_services.flag_create(
            field_report=flagged, reporter=request.user, **form.cleaned_data
        )
        messages.success(request, _("Thank you: the moderators will look at this report."))
        return redirect(flagged)
    return _action_page(
        request,
        flagged,
        form,
        heading=_("Report a field report"),
        submit=_("Send the report"),
        status=429 if limited else None,
    )


def _moderate(request: HttpRequest, pk: int, *, hide: bool) -> HttpResponse:
    moderated = report_for_moderation(request.user, pk)
    if moderated.is_hidden == hide or not moderated.is_moderatable:
        raise BadRequest(_("This contribution is not in a state this action applies to."))
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        discussions_services.contribution_moderate(
            contribution=moderated,
            moderator=request.user,
            hide=hide,
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            _("The field report was hidden.") if hide else _("The field report was restored."),
        )
        return redirect(reverse("discussions:moderation") if hide else moderated.get_absolute_url())
    return _action_page(
        request,
        moderated,
        form,
        heading=_("Hide this field report") if hide else _("Restore this field report"),
        submit=_("Hide") if hide else _("Restore"),
    )


@require_http_methods(["GET", "POST"])
def report_hide(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, hide=True)


@require_http_methods(["GET", "POST"])
def report_restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, hide=False)


@require_POST
def report_flags_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    dismissed = report_for_moderation(request.user, pk)
    discussions_services.flags_dismiss(contribution=dismissed, moderator=request.user)
    messages.success(request, _("The reports were dismissed."))
    return redirect("discussions:moderation")
