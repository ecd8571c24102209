"""A discussion as a fragment (for the annotation panel) or on a page of its own."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from discussions.access import target_for
from discussions.targets import kind_of, target_dossier
from discussions.threads import target_title, thread_for
from discussions.views.responses import thread_response


@require_GET
def thread(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A whole discussion as a fragment, with its form (the annotation panel fetches it)."""
    return thread_response(request, target_for(request.user, kind, pk))


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
