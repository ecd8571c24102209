"""Running a search: what was typed, what the user may read, the ranked page, the facets.

Both databases follow the same plan (docs/search.md):

1. the matches the user may read, filtered by the facets, enter a candidate set in a cheap
   order (dossier content first, then the newest), at most CANDIDATE_LIMIT of them — the
   permission filter is part of that SQL;
2. only the candidates are ranked (PostgreSQL `ts_rank` on the stored vector, SQLite FTS5
   `bm25`), in the same query, and facets are counted over them;
3. the page's rows are fetched with their snippets.

A frequent word therefore costs about as much as a rare one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import CharField, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from discussions.models import Comment
from discussions.targets import COMMENT_FIELDS
from dossiers.models import Dossier, Region, Theme
from search.models import MARK_END, MARK_START, SearchEntry
from search.parsing import ParsedQuery, fts5_query
from search.snippets import make_snippet, query_pattern

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 20
# How many matches get ranked at most (docs/search.md).
CANDIDATE_LIMIT = 500
# The PostgreSQL text search configuration made by search/migrations/0002.
PG_CONFIG = "french_unaccent"
# search_fts rowids: priority * SQLITE_ROWID_SPAN + entry id (migration 0003).
SQLITE_ROWID_SPAN = 2**40
# A dossier outranks a question or comment that matches as well: bm25 and ts_rank favour
# short texts, and the dossier is what the reader came to find.
KIND_BOOST = {SearchEntry.Kind.DOSSIER: 1.5}
# FTS5 bm25 weights of the title, summary and body columns, as A, B and C on PostgreSQL.
BM25_WEIGHTS = (10.0, 4.0, 1.0)


def highlight(snippet: str) -> SafeString:
    """The snippet escaped whole, then its match marks turned into <mark> elements."""
    html = escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):  # a mark cut by the fragment's end
        html = html.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(html)  # noqa: S308 escaped above; only our own <mark> added


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    # Set by the view: the link that selects this value, or removes it when `active`.
    url: str = ""
    active: bool = False


@dataclass
class SearchResults:
    page: Page
    # Matches counted: all of them, or CANDIDATE_LIMIT when there are more (`capped`).
    total: int
    capped: bool
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def search(
    user: User,
    parsed: ParsedQuery,
    *,
    kind: str | None = None,
    dossiers: QuerySet[Dossier] | None = None,
    page_number: Any = 1,
) -> SearchResults:
    """The page `page_number` of what `user` may read matching `parsed`, with facets.

    `dossiers` restricts the search to entries of those dossiers: the dossier list's
    region, theme, tag and period filters (dossiers.forms.DossierFilterForm.filter).
    """
    readable = SearchEntry.objects.readable_by(user)
    if kind:
        readable = readable.filter(kind=kind)
    if dossiers is not None:
        # A list of ids rather than a subquery: PostgreSQL estimates it well and picks the
        # right plan; a join per candidate row is slow on frequent words (docs/bench.md).
        dossier_ids = list(dossiers.order_by().values_list("pk", flat=True))
        readable = readable.filter(dossier_id__in=dossier_ids) if dossier_ids else readable.none()
    candidates = [] if readable.query.is_empty() else _candidates(readable, parsed)
    # Best first; among equals, the newest.
    candidates.sort(key=lambda row: (-row[3] * KIND_BOOST.get(row[1], 1.0), -row[0]))
    page = Paginator(candidates, PAGE_SIZE).get_page(page_number)
    page.object_list = _page_entries([row[0] for row in page.object_list], parsed)
    return SearchResults(
        page=page,
        total=len(candidates),
        capped=len(candidates) >= CANDIDATE_LIMIT,
        facets=_facets(candidates),
    )


def _candidates(readable: QuerySet[SearchEntry], parsed: ParsedQuery) -> list[Candidate]:
    if connection.vendor == "postgresql":
        return _postgresql_candidates(readable, parsed)
    return _sqlite_candidates(readable, parsed)


# --- Candidates ------------------------------------------------------------------------------

# (id, kind, dossier id, score — higher is better, facet keys, period start, period end)
Candidate = tuple[int, str, int, float, str | None, int | None, int | None]
FACET_COLUMNS = ("facet_keys", "period_start", "period_end")


def _postgresql_query(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.text, config=PG_CONFIG, search_type="websearch")


def _postgresql_candidates(readable: QuerySet[SearchEntry], parsed: ParsedQuery) -> list[Candidate]:
    # ts_rank runs in the outer query, so only the (at most CANDIDATE_LIMIT) rows the
    # inner one returns are ranked, whatever plan PostgreSQL picks for the inner one.
    inner = (
        readable.filter(vector=_postgresql_query(parsed))
        .order_by("-priority", "-id")
        .values("id", "kind", "dossier_id", "vector", *FACET_COLUMNS)[:CANDIDATE_LIMIT]
    )
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.kind, c.dossier_id,"  # noqa: S608 inner SQL is Django's, parametrised
            " ts_rank(c.vector, websearch_to_tsquery(%s::regconfig, %s)),"
            " c.facet_keys, c.period_start, c.period_end"
            f" FROM ({sql}) AS c",
            [PG_CONFIG, parsed.text, *params],
        )
        return list(cursor.fetchall())


def _sqlite_candidates(readable: QuerySet[SearchEntry], parsed: ParsedQuery) -> list[Candidate]:
    # search_fts's rowid is priority * 2**40 + the entry's id (migration 0003), so FTS5 yields
    # matches in the candidate order itself and stops after CANDIDATE_LIMIT of them: bm25 is
    # computed for those rows only.
    sql, params = readable.values(
        "id", "kind", "dossier_id", *FACET_COLUMNS
    ).query.sql_with_params()
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id, e.kind, e.dossier_id, -bm25(search_fts, {weights}),"  # noqa: S608
            " e.facet_keys, e.period_start, e.period_end"
            f" FROM search_fts JOIN ({sql}) AS e ON e.id = search_fts.rowid %% {SQLITE_ROWID_SPAN}"
            " WHERE search_fts MATCH %s"
            " ORDER BY search_fts.rowid DESC LIMIT %s",
            [*params, fts5_query(parsed), CANDIDATE_LIMIT],
        )
        return list(cursor.fetchall())


# --- The page -----------------------------------------------------------------------------


def _page_entries(ids: list[int], parsed: ParsedQuery) -> list[SearchEntry]:
    """The page's entries in rank order, each with `snippet` (safe HTML) set."""
    if not ids:
        return []
    entries = SearchEntry.objects.filter(pk__in=ids).select_related("dossier")
    entries = entries.only(
        "kind",
        "object_id",
        "title",
        "summary",
        "body",
        "dossier__title",
        "dossier__slug",
        "dossier__status",
    )
    by_id = {entry.pk: entry for entry in entries}
    pattern = query_pattern(parsed)
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    for entry in ordered:
        text = f"{entry.summary}\n{entry.body}" if entry.summary else entry.body
        entry.snippet = highlight(make_snippet(text, pattern))  # type: ignore[attr-defined]
    _describe_comments(ordered)
    return ordered


def _describe_comments(entries: list[SearchEntry]) -> None:
    """Give each comment entry its author's name and profile, the part it was written on and
    the author of the visible message it answers (`author_name`, `author_url`, `place`,
    `reply_to`): one query for the page, whatever its number of comments."""
    ids = [entry.object_id for entry in entries if entry.kind == SearchEntry.Kind.COMMENT]
    if not ids:
        return
    comments = Comment.objects.filter(pk__in=ids).select_related(
        "author", "dossier", "parent__author", *COMMENT_FIELDS
    )
    by_pk = {comment.pk: comment for comment in comments}
    for entry in entries:
        comment = by_pk.get(entry.object_id) if entry.kind == SearchEntry.Kind.COMMENT else None
        if comment is None:
            continue
        entry.author_name = comment.author.get_display_name()  # type: ignore[attr-defined]
        entry.author_url = comment.author.get_absolute_url()  # type: ignore[attr-defined]
        entry.place = comment.discussion_kind.name(comment.target)  # type: ignore[attr-defined]
        parent = comment.parent
        entry.reply_to = (  # type: ignore[attr-defined]
            parent.author.get_display_name() if parent is not None and parent.is_visible else ""
        )


# --- Facets, counted over the candidates ---------------------------------------------------


def _facets(candidates: list[Candidate]) -> dict[str, list[FacetValue]]:
    """Counts by kind, region, theme, tag and decade, from the candidate rows themselves."""
    kinds = Counter(row[1] for row in candidates)
    keys: Counter[str] = Counter()
    decades: Counter[int] = Counter()
    for _id, _kind, _dossier, _score, facet_keys, start, end in candidates:
        if facet_keys:
            keys.update(facet_keys.split())
        start, end = start or end, end or start
        if start is not None and end is not None:
            for decade in range(start // 10 * 10, end // 10 * 10 + 1, 10):
                decades[decade] += 1
    labels = dict(SearchEntry.Kind.choices)
    facets = {
        "kind": [
            FacetValue(value, str(labels[value]), count)
            for value, count in sorted(kinds.items(), key=lambda item: -item[1])
        ],
        "period": [
            FacetValue(f"{decade}-{decade + 9}", f"{decade}–{decade + 9}", decades[decade])
            for decade in sorted(decades)
        ],
    }
    counts: dict[str, dict[str, int]] = {"region": {}, "theme": {}, "tag": {}}
    for key, count in keys.items():
        facet, _sep, slug = key.partition(":")
        if facet in counts:
            counts[facet][slug] = count
    names = _vocabulary_names(counts)
    for facet, by_slug in counts.items():
        facets[facet] = sorted(
            (
                FacetValue(slug, names[facet, slug], count)
                for slug, count in by_slug.items()
                if (facet, slug) in names
            ),
            key=lambda value: (-value.count, value.label),
        )
    facets["tag"] = facets["tag"][:15]
    return facets


def _vocabulary_names(slugs: dict[str, dict[str, int]]) -> dict[tuple[str, str], str]:
    """{(facet, slug): name} of the regions, themes and tags named, in one query."""
    queries = [
        # Model columns come before annotations in the SQL: this order keeps every branch's.
        manager.filter(slug__in=list(slugs[facet]))
        .order_by()
        .annotate(facet=Value(facet, output_field=CharField()))
        .values_list("slug", "name", "facet")
        for facet, manager in (
            ("region", Region.objects),
            ("theme", Theme.objects),
            ("tag", Tag.objects),
        )
        if slugs[facet]
    ]
    if not queries:
        return {}
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    return {(facet, slug): name for slug, name, facet in rows}
