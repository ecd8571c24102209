"""The page memo: a member's page, asked for again while nothing was written, is served as it
was built the first time instead of being built again.

A signed-in member's GET of an HTML page is kept in the cache under its address, the member's
session and CSRF cookie, the language and the current minute, together with the site's *write
generation* read before the page was built (ccfd_community/write_generations.py: any write
renews it, at once and again after its transaction commits). A kept page is served only while
the generation is the one it was built under, so it never misses a change committed since it
was built; the minute in its key keeps « il y a 3 minutes » true and lets a date reached show
what it reveals.

What is never kept: htmx fragments, another method than GET, anonymous visitors, the admin and
the account pages, answers that are not a 200 HTML page or that set a cookie, change the
session or say no-store, and pages that show a flash message (or a request that has one to
show). Off unless the cache is shared by every process (Redis; `PAGE_MEMO`, env
DJANGO_PAGE_MEMO): with one memory cache per process, a worker would not see another's writes.
While Redis does not answer (FallbackRedisCache.degraded), nothing is kept or served.

A view marked `shared_page(reader)` builds a page that every member it would show the same
thing to may be served, not only its first reader: `reader(request, **kwargs)` says what of the
member the page depends on (their role, the questions locked to them, …) and is part of the
key. What still differs is put back for each member: their menu (name, unread counter:
`reader_nav`) and their form token; and a page is never shared from a member the
view names as seeing it otherwise (`personal_to`), nor with one unless the view gave the few
pieces they see otherwise (the authors of the messages on it: their own edit buttons), put
back for them. docs/architecture.md, « Shared pages », says what is checked.

A shared view may also name its *scope* (`shared_page(reader, scope=…)`: a dossier's pages).
Its shared copies then follow, instead of the site's generation, the pages' generation and
the scope's, which a write inside `writes_within(scope)` renews instead (write_generations).
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_TOKEN_LENGTH,
    _unmask_cipher_token,
    get_token,
)
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe

from ccfd_community.write_generations import (
    GENERATION_KEY,
    NOTICES_KEY,
    PAGES_KEY,
    member_scope,
    renew_generation,
    scope_key,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")
# What _lookup finds when nothing was kept under the current generation (None may be kept).
_MISSING = object()

# Kept pages are keyed by the minute; two minutes is enough for the cache to drop them.
TIMEOUT = 120
SKIPPED_PREFIXES = ("/admin/", "/accounts/")
# A form token as a page shows it (django.middleware.csrf: the secret masked, 64 letters and
# digits). Found in a page's bytes with every letter and digit made "a", everything else " ":
# a run of exactly 64 "a" (translate and find run in C; a regular expression took 25 times as
# long on a dossier page).
_TOKEN_CHARS = frozenset(CSRF_ALLOWED_CHARS.encode())
_LETTERS = bytes(ord("a") if byte in _TOKEN_CHARS else ord(" ") for byte in range(256))
_RUN = b"a" * CSRF_TOKEN_LENGTH
READER_NAV_TEMPLATE = "_reader_nav.html"
# Where a member's own form token goes in the pieces `personal_to` puts back for them (the
# views' own markup, which holds no NUL).
TOKEN_SLOT = "\x00token\x00"  # noqa: S105 a placeholder, not a secret
_TOKEN_PATTERN = rb"[%s]{%d}" % (CSRF_ALLOWED_CHARS.encode(), CSRF_TOKEN_LENGTH)
# member pk → ((the piece the page shows, the member's own), …)
OwnPieces = dict[int, tuple[tuple[str, str], ...]]


def keeps_values() -> bool:
    """Whether values are kept across requests now (`remembered`, `remembered_for_pages`):
    with the memo on and Redis answering; else each is computed every time it is asked."""
    return settings.PAGE_MEMO and not getattr(cache, "degraded", False)


def remembered(member_pk: int, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, or the member's value kept under `name` (and the minute) while the
    generations it follows are those it was computed under: the pages', the notifications'
    and the member's scope (write_generations). For what of a member changes only with a
    write of those and costs queries to work out: their header's unread counter, the
    questions « réfléchir avant de lire » locks for them."""
    follows = [PAGES_KEY, NOTICES_KEY, scope_key(member_scope(member_pk))]
    return _remembered(f"{name}:{member_pk}", compute, follows)


def remembered_for_pages(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, or its value kept under `name` (and the minute) while the pages'
    generation is the one it was computed under: for rows that a scoped page still reads
    after a message on it and that only writes renewing that generation change (a dossier's
    parts, which discussions have a synthesis: a write to their tables renews it even
    inside a scope, write_generations.KEPT_UNDER_PAGES)."""
    return _remembered(name, compute, [PAGES_KEY])


def _remembered(name: str, compute: Callable[[], T], follows: list[str]) -> T:
    if not keeps_values():
        return compute()
    key = f"page-memo:value:{_minute()}:{name}"
    generation, stored = _generations(follows, key)
    kept = _kept_under(stored.get(key), generation)
    if kept is not _MISSING:
        return kept
    value = compute()
    cache.set(key, (generation, value), TIMEOUT)
    return value


def _generations(names: list[str], *keys: str) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The current values of the generations named, and what `keys` hold, in one read. One
    lost, or never renewed, is started afresh with a value never met before, only if still
    absent: setting it over a writer's renewal made meanwhile would hide that write."""
    stored = cache.get_many([*keys, *names])
    for name in names:
        if stored.get(name) is None:
            started = secrets.token_hex(8)
            stored[name] = started if cache.add(name, started, None) else cache.get(name)
    return tuple(stored[name] or secrets.token_hex(8) for name in names), stored


def _lookup(key: str) -> tuple[str | None, Any]:
    """The site's write generation and what `key` holds if it was kept under it, else
    _MISSING. A lost generation is started again, and nothing is served under it until
    then."""
    stored = cache.get_many([GENERATION_KEY, key])
    generation = stored.get(GENERATION_KEY)
    if generation is None:
        renew_generation()
        return None, _MISSING
    return generation, _kept_under(stored.get(key), generation)


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
            kept = {key: (generation, (response.content, list(response.items())))}
            shared_key, shared_generation = getattr(request, "page_memo_shared", (None, None))
            shared = SharedPage.of(request, response) if shared_key else None
            if shared is not None:
                kept[shared_key] = (shared_generation, shared)
            cache.set_many(kept, TIMEOUT)
        return response

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., HttpResponse],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
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
            return _response(content, headers)
        reader = getattr(view, "shared_page", None)
        if reader is not None:
            shared = _shared_for(request, view, reader, generation, view_args, view_kwargs)
            if shared is not None:
                return shared
        request.page_memo = (key, generation)  # type: ignore[attr-defined]
        return None


def _shared_for(
    request: HttpRequest,
    view: Any,
    reader: Callable[..., Any],
    generation: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> HttpResponse | None:
    """The shared copy for the member, if one is kept under the generation it follows: the
    site's, or for a scoped page the pages' and its scope's. What the reader says of the
    member is worked out once per generation; a scoped page's reader follows the member's
    own scope too (their messages: an answer unlocks « réfléchir avant de lire »)."""
    scope = view.page_scope(*args, **kwargs) if view.page_scope else None
    reader_key = _reader_key(request, reader, args, kwargs)
    if scope is None:
        reader_generation = shared_generation = generation
        stored = {reader_key: cache.get(reader_key)}
    else:
        names = [PAGES_KEY, scope_key(scope), scope_key(member_scope(request.user.pk))]
        reader_generation, stored = _generations(names, reader_key)
        shared_generation = reader_generation[:2]
    value = _kept_under(stored.get(reader_key), reader_generation)
    if value is _MISSING:
        value = reader(request, *args, **kwargs)
        cache.set(reader_key, (reader_generation, value), TIMEOUT)
    request.page_memo_reader = value  # type: ignore[attr-defined]
    shared_key = _shared_key(request, value)
    shared = _kept_under(cache.get(shared_key), shared_generation)
    if shared is not _MISSING and request.user.pk not in shared.personal_to:
        # Not kept again for this session: one copy serves every such member.
        return shared.response(request)
    request.page_memo_shared = (shared_key, shared_generation)  # type: ignore[attr-defined]
    return None


def _kept_under(kept: Any, generation: Any) -> Any:
    return kept[1] if kept is not None and kept[0] == generation else _MISSING


# --- Pages shared by the members they show the same thing to -----------------------------


def shared_page(
    reader: Callable[..., Any], scope: Callable[..., str] | None = None
) -> Callable[[T], T]:
    """Mark a view whose page may be served to every member for whom `reader(request,
    *args, **kwargs)` gives the same value (the view's arguments; a value with a stable
    repr, sets sorted), once the view has named with `personal_to` who sees it otherwise.
    The value holds whatever of the member, besides their menu and form token, the page
    shows; tests/test_shared_pages.py checks that each demo member gets the page they would
    have got built. `scope(*args, **kwargs)`, if given, names the scope whose writes
    (`writes_within`) are the only scoped ones the shared copies follow."""

    def mark(view: T) -> T:
        view.shared_page = reader  # type: ignore[attr-defined]
        view.page_scope = scope  # type: ignore[attr-defined]
        return view

    return mark


def reader_of(request: HttpRequest, reader: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """What `reader` says of `request`'s member, for the view to use rather than ask again:
    the value the memo worked out for this request, else (the memo off or not consulted)
    worked out now."""
    value = getattr(request, "page_memo_reader", _MISSING)
    return reader(request, *args, **kwargs) if value is _MISSING else value


def personal_to(
    request: HttpRequest, members: Iterable[int], own: Callable[[], OwnPieces] | None = None
) -> None:
    """The members (pks) `request`'s page shows otherwise than to others of the same
    `reader` value: it is not shared with them, nor with anyone when one of them built it.
    `own()` names members who see only a few pieces otherwise (the buttons of their own
    messages): the page is shared with them, each piece the others see replaced by theirs
    (which holds TOKEN_SLOT where their form token goes); built by one of them, it is shared
    with their pieces replaced by the others'. It is called only if the page is to be kept
    shared. A shared view that does not call `personal_to` is not shared."""
    request.page_memo_personal = frozenset(members)  # type: ignore[attr-defined]
    request.page_memo_own = own  # type: ignore[attr-defined]


def reader_nav(request: HttpRequest, context: Context | None = None) -> SafeString:
    """The header's part that is the member's own (unread counter, name), rendered for
    `request`: written into the page by `{% reader_nav %}` (in the page's `context`, as an
    include is), and again for each member a shared page is served to."""
    if context is None:
        html = render_to_string(READER_NAV_TEMPLATE, request=request)
    else:
        html = get_template(READER_NAV_TEMPLATE).template.render(context)
    request.page_memo_nav = html  # type: ignore[attr-defined]
    return mark_safe(html)  # noqa: S308 a template's output, escaped by it


@dataclass(frozen=True)
class SharedPage:
    """A page cut where each member's own parts go: the pieces before and after their menu,
    each cut at every form token (joined again with the member's own), and the pieces some
    members see otherwise (`own`: the piece shown, and theirs cut at their token's place)."""

    before: tuple[bytes, ...]
    after: tuple[bytes, ...]
    personal_to: frozenset[int]
    headers: tuple[tuple[str, str], ...]
    own: dict[int, tuple[tuple[bytes, tuple[bytes, ...]], ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, request: HttpRequest, response: HttpResponse) -> SharedPage | None:
        """The page `request`'s member was given, cut; None when it cannot be shared: the
        view named nobody (`personal_to`), the member sees it as their own, their menu is
        not in it once, or it holds their token's secret in another form than a token. A
        member whose pieces are not each in it once is not shared with."""
        personal = getattr(request, "page_memo_personal", None)
        nav = getattr(request, "page_memo_nav", None)
        if personal is None or nav is None or request.user.pk in personal:
            return None
        own_pieces = getattr(request, "page_memo_own", None)
        own_pieces = own_pieces() if own_pieces is not None else {}
        charset = response.charset
        content, nav = response.content, nav.encode(charset)
        if request.user.pk in own_pieces:
            content = _as_others_see(content, own_pieces[request.user.pk], charset)
        if content is None or content.count(nav) != 1:
            return None
        secret = request.META["CSRF_COOKIE"]
        before, after = (_cut_at_tokens(part, secret) for part in content.split(nav))
        cut = (*before, *after)
        if any(secret.encode() in piece for piece in cut):
            return None
        own = {}
        for member, pieces in own_pieces.items():
            encoded = tuple(
                (shown.encode(charset), tuple(p.encode(charset) for p in theirs.split(TOKEN_SLOT)))
                for shown, theirs in pieces
            )
            # Each once, whole in one of the page's pieces (not across a token or the menu).
            if all(sum(part.count(shown) for part in cut) == 1 for shown, _ in encoded):
                own[member] = encoded
            else:
                personal |= {member}
        return cls(before, after, personal, tuple(response.items()), own)

    def response(self, request: HttpRequest) -> HttpResponse:
        """The page as `request`'s member gets it: their menu, their token, their pieces."""
        token = get_token(request).encode()
        nav = reader_nav(request).encode()
        content = token.join(self.before) + nav + token.join(self.after)
        for shown, theirs in self.own.get(request.user.pk, ()):
            content = content.replace(shown, token.join(theirs), 1)
        return _response(content, self.headers)


def _as_others_see(content: bytes, pieces: Iterable[tuple[str, str]], charset: str) -> bytes | None:
    """The builder's page with their own pieces (holding a form token where TOKEN_SLOT is)
    replaced by the ones the others see; None unless each is found once."""
    for shown, theirs in pieces:
        parts = [re.escape(part.encode(charset)) for part in theirs.split(TOKEN_SLOT)]
        pattern = re.compile(_TOKEN_PATTERN.join(parts))
        around = pattern.split(content)
        if len(around) != 2:
            return None
        content = shown.encode(charset).join(around)
    return content


def _cut_at_tokens(content: bytes, secret: str) -> tuple[bytes, ...]:
    """`content` cut at each form token made from `secret` (a token is masked afresh each
    time a template asks for it: every one is found by unmasking)."""
    letters = content.translate(_LETTERS)
    pieces, start, at = [], 0, letters.find(_RUN)
    while at != -1:
        end = letters.find(b" ", at)
        end = len(letters) if end == -1 else end
        alone = end - at == CSRF_TOKEN_LENGTH and (at == 0 or letters[at - 1] == ord(" "))
        if alone and _unmask_cipher_token(content[at:end].decode()) == secret:
            pieces.append(content[start:at])
            start = end
        at = letters.find(_RUN, end)
    pieces.append(content[start:])
    return tuple(pieces)


def _reader_key(
    request: HttpRequest, reader: Callable[..., Any], args: tuple[Any, ...], kwargs: dict
) -> str:
    """Where what `reader` says of the member for these view arguments is kept."""
    described = (
        request.user.pk,
        reader.__module__,
        reader.__qualname__,
        args,
        sorted(kwargs.items()),
    )
    return f"page-memo:reader:{_minute()}:" + hashlib.sha256(repr(described).encode()).hexdigest()


def _shared_key(request: HttpRequest, reader: Any) -> str:
    parts = (
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", ""),
        _minute(),
        repr(reader),
    )
    return "page-memo:shared:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _response(content: bytes, headers: Iterable[tuple[str, str]]) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response.headers[name] = value
    return response


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
