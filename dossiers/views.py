from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.roles import role_of
from ccfd_community import page_memo
from discussions.models import Comment, Follow, Notification
from discussions.rendering import own_buttons
from discussions.threads import Thread, dossier_threads
from dossiers.access import dossier_for
from dossiers.forms import DossierFilterForm
from dossiers.models import Dossier, Question, Region, Theme, long_columns, page_scope
from dossiers.page_cache import (
    dossier_cards,
    dossier_page_parts,
    filter_fields_html,
    page_parts,
)
from questions.models import locked_questions

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 12


def _listed(request: HttpRequest):
    """The dossiers a list may show `request.user`, without the bodies no card shows (their
    regions and themes are read for the cards not already cached, see `dossier_cards`)."""
    return Dossier.objects.visible_to(request.user).defer("body", "body_html", "body_text", "toc")


ACTIVITY_SIZE = 5


def _followed_ids(user: User) -> list[int]:
    # The followed dossiers' ids first: behind a subquery PostgreSQL could not tell how few
    # they are, and read the newest comments of every dossier backwards until five matched
    # (docs/bench.md, « Evening run »).
    return sorted(Dossier.objects.followed_by(user).values_list("pk", flat=True))


def _unread_ids(user: User, size: int) -> list[int]:
    # The ids first: with the joins of with_places() in the same query (over a dozen
    # tables) PostgreSQL spent 14 to 110 ms planning it; on five ids, 3 ms.
    return list(
        Notification.objects.for_recipient(user)
        .filter(read_at__isnull=True)
        .values_list("pk", flat=True)[:size]
    )


def _news(user: User, followed: list[int]) -> QuerySet[Comment]:
    return (
        Comment.objects.readable_by(user)
        .filter(dossier__in=followed, state=Comment.State.VISIBLE)
        .order_by("-created_at")
    )


def home_activity(
    user: User, followed: list[int], unread: list[int], *, size: int = ACTIVITY_SIZE
) -> dict[str, Any]:
    """The home page's activity block, in a few queries whatever the content: what is new in
    the `followed` dossiers (`_followed_ids`), the `unread` notifications (`_unread_ids`),
    questions nobody has answered yet."""
    news = (
        _news(user, followed)
        .exclude(author=user)
        .select_related("author", "dossier")
        .defer(*long_columns("dossier__"))[:size]
    )
    unread = Notification.objects.filter(pk__in=unread).with_places()
    open_questions = (
        Question.objects.readable_by(user)
        .annotate(answers=Count("comments", filter=Q(comments__state=Comment.State.VISIBLE)))
        .filter(answers=0)
        .order_by("-dossier__published_on", "dossier", "order")[:size]
    )
    return {"news": news, "unread": unread, "open_questions": open_questions}


class HomeReader(NamedTuple):
    """What of the member the home page shows, besides their menu and their own messages
    (the page memo shares it among the members for whom it is the same): their role, the
    answers « réfléchir avant de lire » hides from them, the dossiers they follow and their
    unread notifications (which only they receive: a member with any has a page of their
    own)."""

    role: tuple[Any, ...]
    locked: list[int] | None
    followed: list[int]
    unread: list[int]


def home_reader(request: HttpRequest) -> HomeReader:
    user = request.user
    locked = locked_questions(user)
    return HomeReader(
        role_of(user),
        None if locked is None else sorted(locked),
        _followed_ids(user),
        _unread_ids(user, ACTIVITY_SIZE),
    )


@require_GET
@page_memo.shared_page(home_reader)
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    reader = page_memo.reader_of(request, home_reader)
    followed = reader.followed
    # The news leave out the reader's own messages: the page differs for the authors of the
    # newest messages of the dossiers followed, and only for them.
    newest = _news(user, followed).values_list("author", flat=True)[:ACTIVITY_SIZE]
    page_memo.personal_to(request, newest)
    latest = list(_listed(request).order_by("-published_on", "title")[:6])
    return render(
        request,
        "dossiers/home.html",
        {
            "activity": home_activity(user, followed, reader.unread),
            "latest": latest,
            "latest_cards": dossier_cards(latest),
            "regions": Region.objects.all(),
            "themes": Theme.objects.all(),
        },
    )


@require_GET
def dossier_list(request: HttpRequest) -> HttpResponse:
    form = DossierFilterForm(request.GET or None, user=request.user)
    if form.is_bound:
        form.is_valid()  # errors are shown beside the filters; valid ones still apply
    dossiers = form.filter(_listed(request))
    page = Paginator(dossiers, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "dossiers/list.html",
        {
            "form": form,
            "filter_fields": filter_fields_html(form),
            "page": page,
            "cards": dossier_cards(page.object_list),
            "query": query.urlencode(),
        },
    )


class DossierReader(NamedTuple):
    """What of the member a dossier page shows, besides their menu and their own messages
    (the page memo shares the page among the members for whom it is the same): their role
    (drafts, moderation, « écrire une synthèse »), the answers « réfléchir avant de lire »
    hides from them, and whether they follow the dossier."""

    role: tuple[Any, ...]
    locked: list[int] | None
    following: bool


def dossier_reader(request: HttpRequest, slug: str) -> DossierReader:
    user = request.user
    locked = locked_questions(user)  # kept on the user: a page built next reads it again
    return DossierReader(
        role_of(user),
        None if locked is None else sorted(locked),
        Follow.objects.filter(user=user, dossier__slug=slug).exists(),
    )


def _seen_otherwise_by(threads: Iterable[Thread]) -> set[int]:
    """The members who see these threads as their own page: the authors of the
    contributions the syntheses above them cite (a cited note made private since shows to
    its author only). The authors of the messages shown see only their edit buttons
    otherwise (`own_buttons`: the pieces the page memo puts back)."""
    members: set[int] = set()
    for thread in threads:
        if thread.synthesis is not None:
            members |= thread.synthesis.cited_authors
    return members


@require_GET
@page_memo.shared_page(dossier_reader, scope=page_scope)
def dossier_detail(request: HttpRequest, slug: str) -> HttpResponse:
    dossier = dossier_for(request.user, slug)
    parts = page_parts(dossier)
    # Every discussion of the page in two queries, whatever their size.
    threads = dossier_threads(request.user, dossier, parts, expanded=request.GET.get("fil", ""))
    page_memo.personal_to(
        request,
        _seen_otherwise_by(threads.values()),
        own=lambda: own_buttons(threads.values()),
    )
    return render(
        request,
        "dossiers/detail.html",
        {
            "dossier": dossier,
            # Title, facts, contents and the parts' texts: the same for every reader.
            "shared": dossier_page_parts(dossier, parts),
            "parts": parts,
            "threads": threads,
            "following": page_memo.reader_of(request, dossier_reader, slug).following,
        },
    )


@require_GET
def dossier_original(request: HttpRequest, slug: str) -> FileResponse:
    """The original PDF, served behind the same gate as the dossier."""
    dossier = dossier_for(request.user, slug)
    if not dossier.original_file:
        raise Http404("Ce dossier n'a pas de fichier original.")
    return FileResponse(
        dossier.original_file.open("rb"),
        as_attachment=False,
        filename=f"{dossier.slug}.pdf",
        content_type="application/pdf",
    )
