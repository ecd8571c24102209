"""A discussion as a fragment (for the annotation panel) or on a page of its own, by pages of
threads; a thread's replies by pages too."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from discussions.access import comment_for, target_for
from discussions.targets import kind_of, target_dossier
from discussions.threads import (
    page_showing,
    target_title,
    thread_for,
    thread_page_items,
    thread_replies,
)
from discussions.views.responses import int_param, thread_response


@require_GET
def thread(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A whole discussion as a fragment, with its form (the annotation panel fetches it)."""
    return thread_response(request, target_for(request.user, kind, pk))


@require_GET
def thread_page(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A page of a discussion (`?page=`, the first by default) on a page of its own; the
    first is the target's own page for a kind that has one. For htmx, that page's threads
    alone, in place of the pager that asked for them (`sens=recents`: newer ones, above)."""
    target = target_for(request.user, kind, pk)
    number = int_param(request.GET.get("page") or "1")
    if request.htmx:
        newer = request.GET.get("sens") == "recents"
        shown = thread_page_items(request.user, target, number, newer=newer)
        return render(request, "discussions/_thread_items.html", {"thread": shown})
    if kind_of(target).page_route and "page" not in request.GET:
        return redirect(kind_of(target).page_url(target.pk))
    return render(
        request,
        "discussions/thread_page.html",
        {
            "thread": thread_for(request.user, target, page=number),
            "target_title": target_title(target),
            "dossier": target_dossier(target),
        },
    )


@require_GET
def comment_replies(request: HttpRequest, pk: int) -> HttpResponse:
    """The replies of the thread comment `pk` starts, `REPLIES_PER_PAGE` at a time, from
    `?debut=` or up to `?fin=`: for htmx in place of the pager that asked for them, else on
    a page of their own under the thread's first message."""
    root = comment_for(request.user, pk)
    start, end = request.GET.get("debut"), request.GET.get("fin")
    shown = thread_replies(
        request.user,
        root,
        start=None if start is None else int_param(start),
        end=None if end is None else int_param(end),
        fragment=bool(request.htmx),
    )
    if request.htmx:
        return render(request, "discussions/_thread_items.html", {"thread": shown})
    return render(
        request,
        "discussions/replies_page.html",
        {
            "thread": shown,
            "root": root,
            "back": page_showing(root, shown.page),
            "target_title": target_title(shown.target),
            "dossier": target_dossier(shown.target),
        },
    )
