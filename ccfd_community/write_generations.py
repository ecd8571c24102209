"""Write generations: which pages a write to the database sends to be built again
(ccfd_community/page_memo.py keeps pages under them).

Any write to the database, by any process that goes through Django (web workers, the task
worker, manage.py), renews the site's generation: a connection wrapper sees each INSERT,
UPDATE, DELETE or schema change and renews it at once (the writer's own next page) and again
after the transaction commits (the others' pages, which may have been built meanwhile from what
was committed before). Every page kept follows it, except the shared copies of a scoped page
(a dossier's), which follow the pages' generation and their scope's:

- a write made inside `writes_within(scope, …)` (a new message or note on a dossier) renews
  the site's and those scopes' only, so the other dossiers' pages stay shared;
- a write to a table no scoped page reads but through its reader and its menu
  (`UNREAD_BY_SCOPED_PAGES`: sessions, notifications, tasks; and a login's date) renews the
  site's only — for the notifications, with their recipients' scopes (`notify`, read marks)
  or else every member's unread counter (`NOTICES_KEY`, which the counters follow with the
  pages' generation and their member's scope: `page_memo.remembered`);
- any other write renews the pages' generation too: every page is built again; a write to
  a table whose rows are kept under it (`KEPT_UNDER_PAGES`: a dossier's parts, the
  syntheses) does even inside a scope.
"""

from __future__ import annotations

import itertools
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-memo:generation"
# The generation of the shared copies of scoped pages, renewed by every write not scoped.
PAGES_KEY = "page-memo:pages"
# The scopes the writes of this block of code show in (writes_within).
_scopes: ContextVar[frozenset[str]] = ContextVar("page_memo_scopes", default=frozenset())
# What the header's unread counters follow besides the pages' and their member's scope,
# renewed by a write to the notifications made outside any scope.
NOTICES_KEY = "page-memo:notices"
NOTIFICATIONS = "discussions_notification"
# Tables that a scoped page reads only through its reader and its menu (tests/
# test_shared_pages.py checks it of every demo dossier page).
UNREAD_BY_SCOPED_PAGES = frozenset(
    {"django_session", "django_tasks_database_dbtaskresult", NOTIFICATIONS, "django_admin_log"}
)
# Tables whose rows are kept under the pages' generation alone (a dossier's parts:
# dossiers.page_cache.page_parts; which discussions have a synthesis:
# syntheses.shown.synthesised_discussions): a write to them renews it, inside a scope too.
KEPT_UNDER_PAGES = frozenset(
    {
        "dossiers_casestudy",
        "dossiers_recommendation",
        "dossiers_recommendation_case_studies",
        "dossiers_question",
        "syntheses_synthesis",
    }
)
# Statements that change nothing a scoped page, a reader or a counter shows: a login's date,
# a notification's email sent.
UNSHOWN = (
    'UPDATE "accounts_user" SET "last_login" = ',
    'UPDATE "discussions_notification" SET "emailed_at" = ',
)
_WRITTEN_TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"([^"]+)"', re.I)
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
    """Every page and counter kept so far is out of date."""
    _renew({GENERATION_KEY, PAGES_KEY, NOTICES_KEY})


def _renew(keys: Iterable[str]) -> None:
    """Renew these generations. Whatever this process's PAGE_MEMO says: the web workers may
    keep pages while a task worker started otherwise writes. A cache that fails here must
    not fail the write that called it: FallbackRedisCache does not raise (and nothing is
    served while it is degraded); another backend's error is logged."""
    try:
        cache.set_many({key: secrets.token_hex(8) for key in keys}, timeout=None)
    except Exception:  # noqa: BLE001 any backend's error; the write itself has succeeded
        logger.warning("The page memo's generation could not be renewed.", exc_info=True)


@contextmanager
def writes_within(*scopes: str) -> Iterator[None]:
    """What this block writes shows on the pages of these scopes only, besides the pages
    that follow the site's generation (lists, search, home, notifications, menus). Wrap
    only writes of which that is true: a new message on a dossier is shown by its own page
    (and its author's reader, `member_scope`), not by another dossier's."""
    token = _scopes.set(_scopes.get() | set(scopes))
    try:
        yield
    finally:
        _scopes.reset(token)


def scope_key(scope: str) -> str:
    return f"page-memo:scope:{scope}"


def member_scope(pk: int) -> str:
    """What a member writes that changes what a scoped page's reader says of them."""
    return f"member:{pk}"


def _renewed_by(sql: str) -> set[str]:
    """The generations a write statement renews: the site's, and its scopes' or else, for
    the notifications, every counter's, for a table scoped pages read, every page's."""
    if sql.startswith(UNSHOWN):
        return {GENERATION_KEY}
    scopes = set(map(scope_key, _scopes.get()))
    written = _WRITTEN_TABLE.match(sql)
    table = written[1] if written else None
    if table == NOTIFICATIONS:
        return {GENERATION_KEY, *(scopes or {NOTICES_KEY})}
    if table in UNREAD_BY_SCOPED_PAGES:
        return {GENERATION_KEY}
    if table in KEPT_UNDER_PAGES:
        return {GENERATION_KEY, PAGES_KEY, *scopes}
    return {GENERATION_KEY, *(scopes or {PAGES_KEY})}


def watch_writes(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict):
    """A connection's execute wrapper: after a write, renew its generations now (the
    writer's own next page) and once more after its transaction commits (the others' pages,
    which may have been built meanwhile from what was committed before)."""
    global _writes_run
    result = execute(sql, params, many, context)
    if sql.lstrip()[:8].upper().startswith(WRITES):
        _writes_run = next(_write_count)
        renewed = _renewed_by(sql.lstrip())
        _renew(renewed)
        connection = context["connection"]
        if connection.in_atomic_block:
            connection.page_memo_pending |= renewed
            flush = connection.page_memo_flush
            if not any(callback is flush for _ids, callback, _robust in connection.run_on_commit):
                connection.on_commit(flush)
    return result


def watch_connection(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """connection_created's receiver (ccfd_community.apps): every connection is watched.
    A transaction's writes renew their generations again once it commits (flush)."""
    if watch_writes in connection.execute_wrappers:
        return
    connection.page_memo_pending = set()

    def flush() -> None:
        renewed, connection.page_memo_pending = connection.page_memo_pending, set()
        _renew(renewed)

    connection.page_memo_flush = flush
    connection.execute_wrappers.append(watch_writes)


def settings_changed(**kwargs: Any) -> None:
    """setting_changed's receiver: a page built under other settings is out of date (tests)."""
    renew_generation()
