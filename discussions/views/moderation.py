"""Hiding and restoring comments and annotations, reporting annotations, and the
moderation queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from discussions import services
from discussions.access import (
    annotation_for_flag,
    annotation_for_moderation,
    comment_for_moderation,
)
from discussions.forms import FlagForm, ModerationForm
from discussions.limits import POSTING_LIMITED, posting_allowed
from discussions.models import Annotation, Comment
from discussions.moderation import moderation_queue_for
from discussions.threads import comment_location, target_title
from discussions.views.responses import back_url, thread_response


def _moderate(request: HttpRequest, pk: int, *, hide: bool) -> HttpResponse:
    moderated = comment_for_moderation(request.user, pk)
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _apply_moderation(request, moderated, hide=hide, note=form.cleaned_data["note"])
        if request.htmx:
            return thread_response(request, moderated.target, focus=moderated.pk)
        messages.success(
            request, _("The message was hidden.") if hide else _("The message was restored.")
        )
        return redirect(back_url(request, comment_location(request.user, moderated)))
    _check_moderatable(moderated, hide=hide)
    template = (
        "discussions/_moderation_form.html" if request.htmx else "discussions/moderation_form.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "comment": moderated,
            "hide": hide,
            "next": back_url(request, ""),
            "target_title": target_title(moderated.target),
        },
        status=400 if form.is_bound else 200,
    )


def _check_moderatable(contribution: Comment | Annotation, *, hide: bool) -> None:
    """Hiding applies to what shows, restoring to what is hidden: else 400."""
    if contribution.is_hidden == hide or not contribution.is_moderatable:
        raise BadRequest(_("This contribution is not in a state this action applies to."))


def _apply_moderation(
    request: HttpRequest, contribution: Comment | Annotation, *, hide: bool, note: str
) -> None:
    try:
        services.contribution_moderate(
            contribution=contribution, moderator=request.user, hide=hide, note=note
        )
    except ValidationError as error:
        raise BadRequest(error.messages[0]) from error


@require_http_methods(["GET", "POST"])
def comment_hide(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, hide=True)


@require_http_methods(["GET", "POST"])
def comment_restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, hide=False)


# --- Reporting and moderating annotations ----------------------------------------------


def _annotation_form_page(
    request: HttpRequest,
    annotation: Annotation,
    form: FlagForm | ModerationForm,
    *,
    heading: str,
    submit: str,
    moderating: bool = False,
    status: int | None = None,
) -> HttpResponse:
    # A moderator goes back to the queue: a hidden annotation's page is its author's only.
    default = reverse("discussions:moderation") if moderating else annotation.get_absolute_url()
    back = back_url(request, default)
    return render(
        request,
        "discussions/annotation_action.html",
        {
            "annotation": annotation,
            "form": form,
            "heading": heading,
            "submit": submit,
            "moderating": moderating,
            "back": back,
        },
        status=status or (400 if form.is_bound else 200),
    )


@require_http_methods(["GET", "POST"])
def annotation_flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Report someone else's annotation to the moderators."""
    annotation = annotation_for_flag(request.user, pk)
    form = FlagForm(request.POST if request.method == "POST" else None)
    limited = request.method == "POST" and form.is_valid() and not posting_allowed(request, "flag")
    if limited:
        form.add_error(None, POSTING_LIMITED)
    if request.method == "POST" and form.is_valid():
        services.flag_create(annotation=annotation, reporter=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you: the moderators will look at this annotation."))
        return redirect(back_url(request, annotation.dossier.get_absolute_url()))
    return _annotation_form_page(
        request,
        annotation,
        form,
        heading=_("Report an annotation"),
        submit=_("Send the report"),
        status=429 if limited else None,
    )


def _moderate_annotation(request: HttpRequest, pk: int, *, hide: bool) -> HttpResponse:
    annotation = annotation_for_moderation(request.user, pk)
    _check_moderatable(annotation, hide=hide)
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _apply_moderation(request, annotation, hide=hide, note=form.cleaned_data["note"])
        messages.success(
            request,
            _("The annotation was hidden.") if hide else _("The annotation was restored."),
        )
        return redirect(back_url(request, reverse("discussions:moderation")))
    return _annotation_form_page(
        request,
        annotation,
        form,
        heading=_("Hide this annotation") if hide else _("Restore this annotation"),
        submit=_("Hide") if hide else _("Restore"),
        moderating=True,
    )


@require_http_methods(["GET", "POST"])
def annotation_hide(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate_annotation(request, pk, hide=True)


@require_http_methods(["GET", "POST"])
def annotation_restore(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate_annotation(request, pk, hide=False)


# --- Moderation queue -----------------------------------------------------------------


@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Open reports grouped by contribution, oldest first, and what was hidden lately."""
    queue = moderation_queue_for(request.user)
    return render(request, "discussions/moderation.html", {"queue": queue})


def _flags_dismiss(request: HttpRequest, contribution: Comment | Annotation) -> HttpResponse:
    services.flags_dismiss(contribution=contribution, moderator=request.user)
    messages.success(request, _("The reports were dismissed."))
    return redirect("discussions:moderation")


@require_POST
def comment_flags_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    return _flags_dismiss(request, comment_for_moderation(request.user, pk))


@require_POST
def annotation_flags_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    return _flags_dismiss(request, annotation_for_moderation(request.user, pk))
