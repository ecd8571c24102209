"""The responses the discussion views share: the thread fragment, the comment form
(alone for htmx, else on a page), and the checks of what a request passed."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from discussions.forms import CommentForm
from discussions.models import Comment
from discussions.threads import target_title, thread_for, thread_shell


def int_param(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise BadRequest(_("A number was expected.")) from None


def thread_response(
    request: HttpRequest, target: models.Model, *, focus: int | None = None
) -> HttpResponse:
    return render(
        request,
        "discussions/_thread.html",
        {"thread": thread_for(request.user, target, focus=focus), "focus": focus},
    )


def form_page(
    request: HttpRequest,
    *,
    form: CommentForm,
    target: models.Model,
    form_id: str,
    parent: Comment | None = None,
    editing: Comment | None = None,
    status: int = 200,
) -> HttpResponse:
    """The comment form: alone for htmx (into the page), else on a page of its own."""
    context = {
        "form": form,
        "target": target,
        "target_title": target_title(target),
        "thread": thread_shell(target),
        "form_id": form_id,
        "parent": parent,
        "editing": editing,
    }
    if request.htmx:
        response = render(request, "discussions/_comment_form.html", context)
        if form.is_bound:  # errors: show them in place of the form that was sent
            response["HX-Retarget"] = f"#{form_id}"
            response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "discussions/comment_form.html", context, status=status)


def back_url(request: HttpRequest, default: str) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default
