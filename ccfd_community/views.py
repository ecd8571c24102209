"""Project-level views: the load balancer's health check and the CSRF failure page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: the process answers; no database access."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A French page instead of Django's English one; nothing was saved."""
    return render(request, "403_csrf.html", status=403)
