"""Writing, editing, deleting and reporting comments, their permalink and their history.
Every form works as a plain POST that redirects to the comment's permalink; for an htmx
request the view answers with the fragment to swap."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from discussions import services
from discussions.access import (
    comment_for,
    comment_for_edit,
    comment_for_history,
    comment_for_reply,
    reply_parent_for,
    target_for,
)
from discussions.forms import CommentForm, FlagForm
from discussions.limits import POSTING_LIMITED, posting_allowed
from discussions.targets import kind_named
from discussions.threads import comment_location, target_title, thread_shell
from discussions.views.responses import form_page, int_param, thread_response
from dossiers.markdown import render_markdown
from dossiers.versioning import StaleEdit


@require_GET
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """The permalink: redirects to the page that shows the comment (the page of its
    discussion, or of its thread's replies, that holds it), or to its discussion when the
    comment was withdrawn and no reply keeps it as a tombstone."""
    return redirect(comment_location(request.user, comment_for(request.user, pk)))


@require_POST
def comment_create(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    if kind_named(kind) is None:
        raise BadRequest(_("Unknown discussion."))
    target = target_for(request.user, kind, int_param(request.POST.get("pk")))
    raw_parent = request.POST.get("parent", "")
    parent = reply_parent_for(request.user, target, raw_parent) if raw_parent else None
    form = CommentForm(request.POST)
    status = 400
    if form.is_valid() and not posting_allowed(request, "comment"):
        form.add_error(None, POSTING_LIMITED)  # the form comes back with the text typed
        status = 429
    if form.is_valid():
        try:
            new = services.comment_create(
                author=request.user, target=target, body=form.cleaned_data["body"], parent=parent
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                return thread_response(request, target, focus=new.pk)
            return redirect(comment_location(request.user, new))
    form_id = f"reply-form-{parent.pk}" if parent else thread_shell(target).new_form_id
    return form_page(
        request, form=form, target=target, form_id=form_id, parent=parent, status=status
    )


@require_GET
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = comment_for_reply(request.user, pk)
    return form_page(
        request,
        form=CommentForm(),
        target=parent.target,
        form_id=f"reply-form-{parent.pk}",
        parent=parent,
    )


@require_GET
def comment_revisions(request: HttpRequest, pk: int) -> HttpResponse:
    """What an edited message said before, newest first: into the message's slot for htmx,
    else on a page of its own."""
    shown = comment_for_history(request.user, pk)
    revisions = [
        (revision, render_markdown(revision.body).html)
        for revision in shown.revisions.order_by("-replaced_at", "-pk")
    ]
    context = {"comment": shown, "revisions": revisions}
    if request.htmx:
        return render(request, "discussions/_comment_revisions.html", context)
    context["target_title"] = target_title(shown.target)
    return render(request, "discussions/comment_revisions.html", context)


@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    edited = comment_for_edit(request.user, pk)
    target = edited.target
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        initial={"body": edited.body, "version": edited.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                comment=edited, body=form.cleaned_data["body"], version=form.cleaned_data["version"]
            )
        except StaleEdit:
            edited.refresh_from_db()
            form.refuse_stale(edited)
        else:
            if request.htmx:
                return thread_response(request, target, focus=edited.pk)
            return redirect(comment_location(request.user, edited))
    return form_page(
        request,
        form=form,
        target=target,
        form_id=f"edit-form-{edited.pk}",
        editing=edited,
        status=(409 if form.current else 400) if form.is_bound else 200,
    )


@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    deleted = services.comment_delete(comment=comment_for_edit(request.user, pk))
    if request.htmx:
        return thread_response(request, deleted.target, focus=deleted.pk)
    messages.success(request, _("Your message was deleted."))
    return redirect(comment_location(request.user, deleted))


@require_http_methods(["GET", "POST"])
def comment_flag(request: HttpRequest, pk: int) -> HttpResponse:
    flagged = comment_for_reply(request.user, pk)
    form = FlagForm(request.POST if request.method == "POST" else None)
    limited = request.method == "POST" and form.is_valid() and not posting_allowed(request, "flag")
    if limited:
        form.add_error(None, POSTING_LIMITED)
    if request.method == "POST" and form.is_valid():
        services.flag_create(comment=flagged, reporter=request.user, **form.cleaned_data)
        if request.htmx:
            return render(request, "discussions/_flag_done.html", {"comment": flagged})
        messages.success(request, _("Thank you: the moderators will look at this message."))
        return redirect(comment_location(request.user, flagged))
    template = "discussions/_flag_form.html" if request.htmx else "discussions/flag_form.html"
    return render(
        request,
        template,
        {"form": form, "comment": flagged, "target_title": target_title(flagged.target)},
        # htmx swaps only 2xx answers: for it the form comes back as 200, so the refusal
        # shows in place (a 400 was dropped and the form looked dead).
        status=200 if request.htmx or not form.is_bound else 429 if limited else 400,
    )
