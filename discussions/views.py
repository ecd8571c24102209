"""Discussion pages and forms. Every form works as a plain POST that redirects to the
comment's permalink; for an htmx request the view answers with the fragment to swap."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from discussions import services
from discussions.annotation_services import (
    annotation_for_flag,
    annotation_for_moderation,
    annotation_moderate,
)
from discussions.forms import CommentForm, FlagForm, ModerationForm
from discussions.models import Annotation, Comment, Flag, Follow
from discussions.threads import (
    KINDS,
    Target,
    comment_for,
    comment_for_edit,
    comment_for_moderation,
    comment_for_reply,
    comment_is_shown,
    comment_page_url,
    readable_notifications,
    target_comments,
    target_for,
    target_of,
    target_title,
    thread_for,
    thread_shell,
)
from dossiers.access import dossier_for

NOTIFICATIONS_PAGE_SIZE = 30


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise BadRequest(_("A number was expected.")) from None


def _thread_response(
    request: HttpRequest, target: Target, *, focus: int | None = None
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
    target: Target,
    form_id: str,
    action: str,
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
        "action": action,
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
    """A whole discussion on a page of its own."""
    target = target_for(request.user, kind, pk)
    return render(
        request,
        "discussions/thread_page.html",
        {
            "thread": thread_for(request.user, target),
            "target_title": target_title(target),
            "dossier": target if kind == "dossier" else target.dossier,
        },
    )


# --- Comments -------------------------------------------------------------------------


@require_GET
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """The permalink: redirects to the page that shows the comment, or to its discussion
    when the comment was withdrawn and no reply keeps it as a tombstone."""
    found = comment_for(request.user, pk)
    url = comment_page_url(found)
    if not found.is_visible and not comment_is_shown(found):
        url = url.replace(f"#comment-{found.pk}", f"#thread-{found.target_kind}-{found.target_pk}")
    return redirect(url)


@require_POST
def comment_create(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind", "")
    if kind not in KINDS:
        raise BadRequest(_("Unknown discussion."))
    target = target_for(request.user, kind, _int(request.POST.get("pk")))
    parent = None
    if request.POST.get("parent"):
        parent = (
            target_comments(target)
            .select_related("author")
            .filter(pk=_int(request.POST["parent"]))
            .first()
        )
        if parent is None:
            raise BadRequest(_("The message you reply to is not in this discussion."))
    form = CommentForm(request.POST, parent=parent)
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
            return redirect(comment_page_url(new))
    form_id = f"reply-form-{parent.pk}" if parent else f"form-{kind}-{target.pk}"
    return _form_page(
        request, form=form, target=target, form_id=form_id, action="", parent=parent, status=400
    )


@require_GET
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    parent = comment_for_reply(request.user, pk)
    return _form_page(
        request,
        form=CommentForm(parent=parent),
        target=target_of(parent),
        form_id=f"reply-form-{parent.pk}",
        action="",
        parent=parent,
    )


@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    edited = comment_for_edit(request.user, pk)
    target = target_of(edited)
    form = CommentForm(
        request.POST if request.method == "POST" else None, initial={"body": edited.body}
    )
    if request.method == "POST" and form.is_valid():
        services.comment_edit(comment=edited, body=form.cleaned_data["body"])
        if request.htmx:
            return _thread_response(request, target, focus=edited.pk)
        return redirect(comment_page_url(edited))
    return _form_page(
        request,
        form=form,
        target=target,
        form_id=f"edit-form-{edited.pk}",
        action="edit",
        editing=edited,
        status=400 if form.is_bound else 200,
    )


@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    deleted = services.comment_delete(comment=comment_for_edit(request.user, pk))
    if request.htmx:
        return _thread_response(request, target_of(deleted))
    messages.success(request, _("Your message was deleted."))
    return redirect(comment_page_url(deleted))


@require_http_methods(["GET", "POST"])
def comment_flag(request: HttpRequest, pk: int) -> HttpResponse:
    flagged = comment_for_reply(request.user, pk)
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.flag_create(comment=flagged, reporter=request.user, **form.cleaned_data)
        if request.htmx:
            return render(request, "discussions/_flag_done.html", {"comment": flagged})
        messages.success(request, _("Thank you: the moderators will look at this message."))
        return redirect(comment_page_url(flagged))
    template = "discussions/_flag_form.html" if request.htmx else "discussions/flag_form.html"
    return render(
        request,
        template,
        {"form": form, "comment": flagged, "target_title": target_title(target_of(flagged))},
        status=400 if form.is_bound else 200,
    )


def _moderate(request: HttpRequest, pk: int, *, hide: bool) -> HttpResponse:
    moderated = comment_for_moderation(request.user, pk)
    if moderated.state != (Comment.State.VISIBLE if hide else Comment.State.HIDDEN):
        raise BadRequest(_("This message is not in a state this action applies to."))
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        action = services.comment_hide if hide else services.comment_restore
        action(comment=moderated, moderator=request.user, note=form.cleaned_data["note"])
        if request.htmx:
            return _thread_response(request, target_of(moderated), focus=moderated.pk)
        messages.success(
            request, _("The message was hidden.") if hide else _("The message was restored.")
        )
        return redirect(_back(request, comment_page_url(moderated)))
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
            "target_title": target_title(target_of(moderated)),
        },
        status=400 if form.is_bound else 200,
    )


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
) -> HttpResponse:
    # A moderator goes back to the queue: a hidden annotation's page is its author's only.
    default = (
        reverse("discussions:moderation")
        if moderating
        else reverse("discussions:thread-page", kwargs={"kind": "annotation", "pk": annotation.pk})
    )
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
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def annotation_flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Report someone else's annotation to the moderators."""
    annotation = annotation_for_flag(request.user, pk)
    form = FlagForm(request.POST if request.method == "POST" else None)
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
    )


def _moderate_annotation(request: HttpRequest, pk: int, *, hide: bool) -> HttpResponse:
    annotation = annotation_for_moderation(request.user, pk)
    if annotation.hidden == hide:
        raise BadRequest(_("This annotation is not in a state this action applies to."))
    form = ModerationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        annotation_moderate(
            annotation=annotation, moderator=request.user, hide=hide, **form.cleaned_data
        )
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


@require_POST
def annotation_flags_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = annotation_for_moderation(request.user, pk)
    services.flags_dismiss(annotation=annotation, moderator=request.user)
    messages.success(request, _("The reports were dismissed."))
    return redirect("discussions:moderation")


# --- Moderation queue -----------------------------------------------------------------


@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Open reports grouped by contribution, oldest first, and what was hidden lately."""
    if not request.user.is_moderator:
        raise PermissionDenied
    # A private note is its author's only, even reported (which only the admin could do).
    open_flags = Flag.objects.filter(resolution=Flag.Resolution.OPEN).exclude(
        annotation__visibility=Annotation.Visibility.PRIVATE
    )
    flags = open_flags.select_related(
        "reporter",
        "comment__author",
        "comment__dossier",
        "annotation__author",
        "annotation__dossier",
    )
    reported: dict[int, dict[str, Any]] = {}
    reported_annotations: dict[int, dict[str, Any]] = {}
    for flag in flags.order_by("created_at"):
        if flag.comment_id:
            entry = reported.setdefault(flag.comment_id, {"comment": flag.comment, "flags": []})
        else:
            entry = reported_annotations.setdefault(
                flag.annotation_id, {"annotation": flag.annotation, "flags": []}
            )
        entry["flags"].append(flag)
    queue = reverse("discussions:moderation")
    for pk, entry in reported.items():
        visible = entry["comment"].state == Comment.State.VISIBLE
        hide = reverse("discussions:comment-hide", args=[pk])
        entry["hide_url"] = f"{hide}?next={queue}" if visible else ""
        entry["dismiss_url"] = reverse("discussions:flags-dismiss", args=[pk])
    for pk, entry in reported_annotations.items():
        shown = not entry["annotation"].hidden
        entry["hide_url"] = reverse("discussions:annotation-hide", args=[pk]) if shown else ""
        entry["dismiss_url"] = reverse("discussions:annotation-flags-dismiss", args=[pk])
    hidden = (
        Comment.objects.filter(state=Comment.State.HIDDEN)
        .select_related("author", "moderated_by", "dossier")
        .order_by("-moderated_at")[:30]
    )
    hidden_annotations = (
        Annotation.objects.filter(hidden=True)
        .select_related("author", "moderated_by", "dossier")
        .order_by("-moderated_at")[:30]
    )
    return render(
        request,
        "discussions/moderation.html",
        {
            "reported": list(reported.values()),
            "reported_annotations": list(reported_annotations.values()),
            "hidden": hidden,
            "hidden_annotations": hidden_annotations,
        },
    )


@require_POST
def flags_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    reported = comment_for_moderation(request.user, pk)
    services.flags_dismiss(comment=reported, moderator=request.user)
    messages.success(request, _("The reports were dismissed."))
    return redirect("discussions:moderation")


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
    listed = readable_notifications(request.user).select_related(
        "actor", "dossier", "comment", "annotation"
    )
    page = Paginator(listed, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "discussions/notifications.html", {"page": page})


@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a notification: it is read, and its link opens."""
    notification = get_object_or_404(
        readable_notifications(request.user).select_related("comment__dossier", "dossier"), pk=pk
    )
    services.notifications_mark_read(user=request.user, pks=[notification.pk])
    if notification.comment_id:
        return redirect(comment_page_url(notification.comment))
    if notification.annotation_id:
        return redirect("discussions:thread-page", kind="annotation", pk=notification.annotation_id)
    return redirect(notification.dossier)


@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_read(user=request.user)
    messages.success(request, _("All your notifications are marked read."))
    return redirect("discussions:notifications")
