"""The page memo: a member's page, asked for again while nothing was written, is served as it
was built the first time instead of being built again.

A signed-in member's GET of an HTML page is kept in the cache under its address, the member's
session and CSRF cookie, the language and the current minute, together with the site's *write
generation* read before the page was built. Any write to the database, by any process that goes
through Django (web workers, the task worker, manage.py), renews the generation: a connection
wrapper sees each INSERT, UPDATE, DELETE or schema change and renews it at once and again after
the transaction commits. A kept page is served only while the generation is the one it was
built under, so it never misses a change committed since it was built; the minute in its key
keeps « il y a 3 minutes » true and lets a date reached show what it reveals.

What is never kept: htmx fragments, another method than GET, anonymous visitors, the admin and
the account pages, answers that are not a 200 HTML page or that set a cookie, change the
session or say no-store, and pages that show a flash message (or a request that has one to
show). Off unless the cache is shared by every process (Redis; `PAGE_MEMO`, env
DJANGO_PAGE_MEMO): with one memory cache per process, a worker would not see another's writes.
While Redis does not answer (FallbackRedisCache.degraded), nothing is kept or served.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import secrets
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)
T = TypeVar("T")
# What _lookup finds when nothing was kept under the current generation (None may be kept).
_MISSING = object()

GENERATION_KEY = "page-memo:generation"
# Kept pages are keyed by the minute; two minutes is enough for the cache to drop them.
TIMEOUT = 120
SKIPPED_PREFIXES = ("/admin/", "/accounts/")
# The statements that change what a page may show (a SELECT … FOR UPDATE does not).
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "TRUNCATE")
# How many write statements this process has run: what a value worked out once per request
# compares to see a write of its own request since (questions.models.locked_questions).
_write_count = itertools.count(1)
_writes_run = 0


def writes_run() -> int:
    """The number of write statements this process has run so far."""
    return _writes_run


def renew_generation() -> None:
    """Every page kept so far is out of date. Whatever this process's PAGE_MEMO says: the
    web workers may keep pages while a task worker started otherwise writes. A cache that
    fails here must not fail the write that called it: FallbackRedisCache does not raise
    (and nothing is served while it is degraded); another backend's error is logged."""
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    except Exception:  # noqa: BLE001 any backend's error; the write itself has succeeded
        logger.warning("The page memo's generation could not be renewed.", exc_info=True)


def watch_writes(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict):
    """A connection's execute wrapper: after a write, renew the generation now (the writer's
    own next page) and once more after its transaction commits (the others' pages, which may
    have been built meanwhile from what was committed before)."""
    global _writes_run
    result = execute(sql, params, many, context)
    if sql.lstrip()[:8].upper().startswith(WRITES):
        _writes_run = next(_write_count)
        renew_generation()
        connection = context["connection"]
        if connection.in_atomic_block and not any(
            callback is renew_generation for _ids, callback, _robust in connection.run_on_commit
        ):
            connection.on_commit(renew_generation)
    return result


def watch_connection(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """connection_created's receiver (ccfd_community.apps): every connection is watched."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def settings_changed(**kwargs: Any) -> None:
    """setting_changed's receiver: a page built under other settings is out of date (tests)."""
    renew_generation()


def remembered(request: HttpRequest, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, or its value kept under `name` (and the minute) while the write
    generation is the one it was computed under: for what a page needs per member, changes
    only with a write and costs a query to work out (the header's unread counter). A page
    being built for the memo has read the generation already: it is not read again."""
    if not settings.PAGE_MEMO or getattr(cache, "degraded", False):
        return compute()
    key = f"page-memo:value:{_minute()}:{name}"
    building = getattr(request, "page_memo", None)
    generation, kept = _lookup(key, building[1] if building else None)
    if kept is not _MISSING:
        return kept
    value = compute()
    if generation is not None:
        cache.set(key, (generation, value), TIMEOUT)
    return value


def _lookup(key: str, generation: str | None = None) -> tuple[str | None, Any]:
    """The write generation (`generation` when the caller read it already) and what `key`
    holds if it was kept under it, else _MISSING. A lost generation is started again, and
    nothing is served under it until then."""
    if generation is None:
        stored = cache.get_many([GENERATION_KEY, key])
        generation, kept = stored.get(GENERATION_KEY), stored.get(key)
        if generation is None:
            renew_generation()
            return None, _MISSING
    else:
        kept = cache.get(key)
    if kept is None or kept[0] != generation:
        return generation, _MISSING
    return generation, kept[1]


class PageMemoMiddleware:
    """Innermost but one in MIDDLEWARE: after the session, authentication, the login
    requirement, messages and htmx, so a kept page still passes every outer middleware's
    headers (CSP, no-store, …). It looks in process_view, once the address has named its
    view (views open to anonymous visitors are never kept), and keeps in __call__."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # A process starting may run new code (a deploy): its pages are not the old ones.
        renew_generation()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        to_keep = getattr(request, "page_memo", None)
        if to_keep is not None and _keepable(request, response):
            key, generation = to_keep
            cache.set(key, (generation, (response.content, list(response.items()))), TIMEOUT)
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], *args: Any
    ) -> HttpResponse | None:
        if not settings.PAGE_MEMO or not getattr(view, "login_required", True):
            return None
        if not _may_keep(request):
            return None
        key = _key(request)
        generation, kept = _lookup(key)
        if generation is None:
            return None
        if kept is not _MISSING:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response.headers[name] = value
            return response
        request.page_memo = (key, generation)  # type: ignore[attr-defined]
        return None


def _may_keep(request: HttpRequest) -> bool:
    if request.method != "GET" or request.headers.get("HX-Request"):
        return False
    if request.path.startswith(SKIPPED_PREFIXES) or getattr(cache, "degraded", False):
        return False
    # A flash message waiting to be shown: the page that shows it is built, and not kept.
    return request.user.is_authenticated and not _has_messages(request)


def _has_messages(request: HttpRequest) -> bool:
    """Flash messages waiting, shown or added by the view (messages' storage counts them)."""
    return bool(len(getattr(request, "_messages", ())))


def _minute() -> str:
    """Part of every key: « il y a 3 minutes » stays true, a date reached shows."""
    return str(int(time.time() // 60))


def _key(request: HttpRequest) -> str:
    parts = (
        request.get_full_path(),
        request.session.session_key or "",
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
        getattr(request, "LANGUAGE_CODE", ""),
        _minute(),
    )
    return "page-memo:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in response.get("Cache-Control", "")
        and not response.cookies
        and not request.session.modified
        and _same_csrf_secret(request)
        and not _has_messages(request)
    )


def _same_csrf_secret(request: HttpRequest) -> bool:
    """The page's CSRF token comes from the cookie the browser sent (part of the key), not
    from a secret made for this answer, which a kept copy would serve without its cookie."""
    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    return cookie is not None and request.META.get("CSRF_COOKIE", cookie) == cookie
