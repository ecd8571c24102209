"""Project-level views: the load balancer's health check and the CSRF failure page."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

# A task ready for longer than this and still not claimed means no worker is taking tasks.
WORKER_LATE_AFTER = timedelta(minutes=5)


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 503 only when the database does not answer.

    A cache outage or a late worker is reported with a 200: the instance still serves pages
    (the cache falls back to the process's memory, emails wait in the queue). Only states go
    out, never an address or an error message.
    """
    database = database_status()
    unknown = {"last_heartbeat": None, "status": "unknown"}
    report = {
        "database": database,
        "cache": cache_status(),
        "worker": worker_status() if database == "ok" else unknown,
    }
    return JsonResponse(report, status=200 if database == "ok" else 503)


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.warning("Health check: the database does not answer: %s", error)
        return "error"
    return "ok"


def cache_status() -> str:
    """Degraded when the cache fails, or when Redis is down and the process's memory serves."""
    try:
        cache.set("healthz", "ok", timeout=10)
        answers = cache.get("healthz") == "ok"
    except Exception as error:  # any backend, any failure: the instance serves on regardless
        logger.warning("Health check: the cache does not answer: %s", error)
        answers = False
    return "ok" if answers and not getattr(cache, "degraded", False) else "degraded"


def worker_status() -> dict[str, str | None]:
    """When a task worker last claimed a task, and whether tasks wait for one too long.

    django-tasks-db's db_worker records no heartbeat: the only trace a worker leaves is the
    `started_at` of each task it claims, so "last_heartbeat" is the latest of those. A worker
    with nothing to do leaves no trace, so the status does not come from its age: "late" when
    a task has been ready for WORKER_LATE_AFTER and none took it, "unknown" when no task was
    ever claimed here (development runs tasks at once, outside the queue), else "ok".
    """
    cutoff = timezone.now() - WORKER_LATE_AFTER
    try:
        last = DBTaskResult.objects.aggregate(last=Max("started_at"))["last"]
        # A task with no run_after is ready from its enqueueing, else from its run_after.
        waiting = DBTaskResult.objects.ready().filter(
            Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(run_after__lt=cutoff)
        )
        late = waiting.exists()
    except DatabaseError as error:
        logger.warning("Health check: the task queue cannot be read: %s", error)
        return {"last_heartbeat": None, "status": "unknown"}
    status = "late" if late else "unknown" if last is None else "ok"
    return {"last_heartbeat": last.isoformat() if last else None, "status": status}


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A French page instead of Django's English one; nothing was saved. A view answering
    JSON (the annotation API) gets the reason in JSON, which its script shows."""
    match = getattr(request, "resolver_match", None)
    if match is not None and getattr(match.func, "answers_json", False):
        error = _(
            "The request came without its security token, or the token expired. Reload the "
            "page and try again; nothing was saved."
        )
        return JsonResponse({"error": error}, status=403)
    return render(request, "403_csrf.html", status=403)
