"""Discussion pages and forms. Every form works as a plain POST that redirects to the
comment's permalink; for an htmx request the view answers with the fragment to swap."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from discussions import services
from discussions.access import (
    annotation_for_flag,
    annotation_for_moderation,
    comment_for,
    comment_for_edit,
    comment_for_history,
    comment_for_moderation,
    comment_for_reply,
    notification_for,
    reply_parent_for,
    target_for,
)
from discussions.forms import CommentForm, FlagForm, ModerationForm
from discussions.limits import POSTING_LIMITED, posting_allowed
from discussions.markdown_export import dossier_markdown, export_filename
from discussions.models import Annotation, Comment, Follow, Notification
from discussions.moderation import moderation_queue_for
from discussions.targets import kind_named, kind_of, target_dossier
from discussions.threads import comment_is_shown, target_title, thread_for, thread_shell
from dossiers.access import dossier_for
from dossiers.markdown import render_markdown
from dossiers.versioning import StaleEdit

NOTIFICATIONS_PAGE_SIZE = 30


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise BadRequest(_("A number was expected.")) from None


def _thread_response(
    request: HttpRequest, target: models.Model, *, focus: int | None = None
) -> HttpResponse:
    return render(
        request,
        "discussions/_thread.html",
        {"thread": thread_for(request.user, target), "focus": focus},
    )


def _form_page(
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


def _back(request: HttpRequest, default: str) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return default


# --- Threads --------------------------------------------------------------------------


@require_GET
def thread(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A whole discussion as a fragment, with its form (the annotation panel fetches it)."""
    return _thread_response(request, target_for(request.user, kind, pk))


@require_GET
def thread_page(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A whole discussion on a page of its own (the target's own page, for a kind that has
    one)."""
    target = target_for(request.user, kind, pk)
    if kind_of(target).page_route:
        return redirect(kind_of(target).page_url(target.pk))
    return render(
        request,
        "discussions/thread_page.html",
        {
            "thread": thread_for(request.user, target),
            "target_title": target_title(target),
            "dossier": target_dossier(target),
        },
    )


# --- Comments -------------------------------------------------------------------------


@require_GET
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """The permalink: redirects to the page that shows the comment, or to its discussion
    when the comment was withdrawn and no reply keeps it as a tombstone."""
    found = comment_for(request.user, pk)
    url = found.page_url()
    if not found.is_visible and not comment_is_shown(found):
        url = f"{url.partition('#')[0]}#{found.thread_dom_id}"
    return redirect(url)


@require_POST
def comment_create(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    if kind_named(kind) is None:
        raise BadRequest(_("Unknown discussion."))
    target = target_for(request.user, kind, _int(request.POST.get("pk")))
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
                return _thread_response(request, target, focus=new.pk)
            return redirect(new.page_url())
    form_id = f"reply-form-{parent.pk}" if parent else thread_shell(target).new_form_id
    return _form_page(
        request, form=form, target=target, form_id=form_id, parent=parent, status=status
    )


@require_GET
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = comment_for_reply(request.user, pk)
    return _form_page(
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
                return _thread_response(request, target, focus=edited.pk)
            return redirect(edited.page_url())
    return _form_page(
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
        return _thread_response(request, deleted.target)
    messages.success(request, _("Your message was deleted."))
    return redirect(deleted.page_url())


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
        return redirect(flagged.page_url())
    template = "discussions/_flag_form.html" if request.htmx else "discussions/flag_form.html"
    return render(
        request,
        template,
        {"form": form, "comment": flagged, "target_title": target_title(flagged.target)},
        # htmx swaps only 2xx answers: the form shows the refusal in place.
        status=(200 if request.htmx else 429) if limited else 400 if form.is_bound else 200,
    )


def _moderate(request: HttpRequest, pk: int, *, hide: bool) -> HttpResponse:
    moderated = comment_for_moderation(request.user, pk)
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _apply_moderation(request, moderated, hide=hide, note=form.cleaned_data["note"])
        if request.htmx:
            return _thread_response(request, moderated.target, focus=moderated.pk)
        messages.success(
            request, _("The message was hidden.") if hide else _("The message was restored.")
        )
        return redirect(_back(request, moderated.page_url()))
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
            "next": _back(request, ""),
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
    back = _back(request, default)
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
        return redirect(_back(request, annotation.dossier.get_absolute_url()))
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
        return redirect(_back(request, reverse("discussions:moderation")))
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


# --- Follows --------------------------------------------------------------------------


@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    dossier = dossier_for(request.user, slug)
    if request.POST.get("action") == "unfollow":
        services.follow_delete(user=request.user, dossier=dossier)
    else:
        services.follow_create(user=request.user, dossier=dossier)
    if request.htmx:
        following = Follow.objects.filter(user=request.user, dossier=dossier).exists()
        return render(
            request, "discussions/_follow.html", {"dossier": dossier, "following": following}
        )
    return redirect(dossier)


# --- Notifications --------------------------------------------------------------------


@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    listed = Notification.objects.for_recipient(request.user).with_places()
    page = Paginator(listed, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "discussions/notifications.html", {"page": page})


@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a notification: it is read, and its link opens."""
    notification = notification_for(request.user, pk)
    services.notifications_mark_read(user=request.user, pks=[notification.pk])
    return redirect(notification)


@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_read(user=request.user)
    messages.success(request, _("All your notifications are marked read."))
    return redirect("discussions:notifications")


# --- Exports --------------------------------------------------------------------------


@require_GET
def dossier_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The dossier's annotations and discussions as a Markdown file, as the requester may
    read them (the W3C export for machines is api.annotation_export)."""
    dossier = dossier_for(request.user, slug)
    page_url = request.build_absolute_uri(dossier.get_absolute_url())
    response = HttpResponse(
        dossier_markdown(request.user, dossier, page_url=page_url),
        content_type="text/markdown; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=export_filename(dossier)
    )
    return response
