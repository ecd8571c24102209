from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from accounts.forms import NAME_QUERY_MAX_LENGTH, MemberSearchForm, ProfileForm
from accounts.models import User
from discussions.api import json_api, json_response
from discussions.models import Annotation, Comment
from discussions.targets import COMMENT_FIELDS
from discussions.threads import target_title

if TYPE_CHECKING:
    from django.db.models import QuerySet

# Members per page of the directory.
MEMBERS_PAGE_SIZE = 24
# Contributions listed on a profile, the latest first.
RECENT_CONTRIBUTIONS = 10
# Colleagues offered when typing "@" and the start of a name.
SUGGESTIONS = 10
# A dossier's long columns, not needed to name it beside a contribution.
_DOSSIER_TEXT = ("dossier__body", "dossier__body_html", "dossier__body_text", "dossier__toc")


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """My profile: the name colleagues see, what I work on, how I want to be notified."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


def _with_profile(members: QuerySet[User]) -> QuerySet[User]:
    """What a profile or a directory card shows besides the name: role, regions, themes."""
    return members.prefetch_related("groups", "regions", "themes")


@require_GET
def member_list(request: HttpRequest) -> HttpResponse:
    """The member directory: active colleagues, by name, region or theme."""
    form = MemberSearchForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # errors are shown beside the search; valid criteria still apply
    members = form.filter(_with_profile(User.objects.filter(is_active=True)))
    page = Paginator(members.order_by("display_name", "pk"), MEMBERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/member_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_GET
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A colleague's profile: who they are, what they work on, what they wrote lately."""
    member = get_object_or_404(_with_profile(User.objects.all()), pk=pk)
    return render(
        request,
        "accounts/member_detail.html",
        {"member": member, "contributions": recent_contributions(request.user, member)},
    )


@dataclass(frozen=True)
class Contribution:
    """A comment or an annotation as a profile lists it."""

    is_annotation: bool
    url: str
    dossier_title: str
    # What a comment answers (a case study, a question…), empty on the dossier itself.
    about: str
    created_at: datetime
    text: str
    quote: str = ""


def recent_contributions(
    viewer: User, member: User, *, size: int = RECENT_CONTRIBUTIONS
) -> list[Contribution]:
    """The member's latest messages and shared annotations that `viewer` may read, in two
    queries whatever their number: never a private note, a hidden or withdrawn message, or
    anything on a dossier the viewer may not read (the `readable_by` methods decide)."""
    comments = (
        Comment.objects.readable_by(viewer)
        .filter(author=member, state=Comment.State.VISIBLE)
        .select_related("dossier", *COMMENT_FIELDS)
        .defer(*_DOSSIER_TEXT)
        .order_by("-created_at", "-pk")[:size]
    )
    annotations = (
        Annotation.objects.readable_by(viewer)
        .filter(author=member, visibility=Annotation.Visibility.SHARED, hidden=False)
        .select_related("dossier")
        .defer(*_DOSSIER_TEXT)
        .order_by("-created_at", "-pk")[:size]
    )
    listed = [
        Contribution(
            is_annotation=False,
            url=comment.get_absolute_url(),
            dossier_title=comment.dossier.title,
            about="" if comment.target is comment.dossier else target_title(comment.target),
            created_at=comment.created_at,
            text=comment.body,
        )
        for comment in comments
    ]
    listed += [
        Contribution(
            is_annotation=True,
            url=annotation.get_absolute_url(),
            dossier_title=annotation.dossier.title,
            about="",
            created_at=annotation.created_at,
            text=annotation.body,
            quote=annotation.exact,
        )
        for annotation in annotations
    ]
    return sorted(listed, key=lambda item: item.created_at, reverse=True)[:size]


@json_api
@require_GET
def member_suggestions(request: HttpRequest) -> HttpResponse:
    """GET ?q=Aw: the active colleagues whose name, or a word of it, starts with `q`, for
    @mention autocomplete; at most SUGGESTIONS of them, in one bounded query. Names, job
    titles and profile addresses only, never an email address. The strings of
    static/js/mentions.js come with them: the list's `label`, the `status` a screen reader
    announces, and what it says once a name is `chosen`."""
    query = " ".join(request.GET.get("q", "").split())[:NAME_QUERY_MAX_LENGTH]
    members: list[dict[str, object]] = []
    if query:
        rows = (
            User.objects.filter(is_active=True)
            .exclude(display_name="")  # nobody can be mentioned by the fallback label
            .exclude(pk=request.user.pk)
            .filter(Q(display_name__istartswith=query) | Q(display_name__icontains=f" {query}"))
            .order_by("display_name", "pk")
            .values_list("pk", "display_name", "job_title")[:SUGGESTIONS]
        )
        members = [
            {
                "id": pk,
                "name": name,
                "job_title": job_title,
                "url": reverse("accounts:member", kwargs={"pk": pk}),
            }
            for pk, name, job_title in rows
        ]
    if members:
        status = ngettext(
            "%(count)d colleague: choose with the arrow keys, insert with Enter.",
            "%(count)d colleagues: choose with the arrow keys, insert with Enter.",
            len(members),
        ) % {"count": len(members)}
    else:
        status = _("No colleague by this name.")
    return json_response(
        {
            "members": members,
            "label": _("Colleagues to mention"),
            "status": status,
            "chosen": _("%(name)s will be mentioned."),
        }
    )
