"""Running a search: what was typed, what the user may read, the ranked page, the facets.

Both databases follow the same plan (docs/search.md):

1. the matches the user may read, filtered by the facets, enter a candidate set in three
   tiers — the exact title, the best title and summary matches, the first matches in the
   cheap index order — at most 501 of them; the permission filter is part of that SQL, and
   the same query brings how often each searched stem occurs in each field;
2. the candidates are scored in Python by one function (search.ranking), the same on both
   databases, and facets are counted over them;
3. the page's rows are fetched with their snippets.

A frequent word therefore costs about as much as a rare one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import CharField, Prefetch, QuerySet, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from discussions.models import Comment
from discussions.targets import COMMENT_FIELDS
from dossiers.models import Dossier, Region, Theme
from search.candidates import EXACT_TITLE_LIMIT, TIER_LIMITS, TierLimits, query_key, select
from search.models import MARK_END, MARK_START, SearchEntry
from search.parsing import ParsedQuery
from search.ranking import Candidate, rank
from search.snippets import make_snippet, query_pattern

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 20
# At most this many candidates (docs/search.md): the tiers' limits and the exact titles.
CANDIDATE_LIMIT = sum(TIER_LIMITS) + EXACT_TITLE_LIMIT


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
    limits: TierLimits | None = TIER_LIMITS,
) -> SearchResults:
    """The page `page_number` of what `user` may read matching `parsed`, with facets.

    `dossiers` restricts the search to entries of those dossiers: the dossier list's
    region, theme, tag and period filters (dossiers.forms.DossierFilterForm.filter).
    `limits=None` ranks every match instead of the candidate tiers: the oracle the
    relevance set compares with (tests/search/test_relevance.py, bench/bench_search.py).
    """
    readable = SearchEntry.objects.readable_by(user)
    if kind:
        readable = readable.filter(kind=kind)
    if dossiers is not None:
        # A list of ids rather than a subquery: PostgreSQL estimates it well and picks the
        # right plan; a join per candidate row is slow on frequent words (docs/bench.md).
        dossier_ids = list(dossiers.order_by().values_list("pk", flat=True))
        readable = readable.filter(dossier_id__in=dossier_ids) if dossier_ids else readable.none()
    candidates, capped = [], False
    if parsed.has_words and not readable.query.is_empty():
        candidates, capped = select(readable, parsed, limits)
    candidates = rank(candidates, query_key(parsed))
    page = Paginator(candidates, PAGE_SIZE).get_page(page_number)
    page.object_list = _page_entries([row.id for row in page.object_list], parsed)
    return SearchResults(
        page=page, total=len(candidates), capped=capped, facets=_facets(candidates)
    )


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
    `reply_to`): at most seven queries for the page, whatever its number of comments."""
    ids = [entry.object_id for entry in entries if entry.kind == SearchEntry.Kind.COMMENT]
    if not ids:
        return
    # The targets by prefetching, a query for each kind present: one join of the six of them
    # took PostgreSQL 10 ms to plan for a page of 6 comments (0.2 ms to run).
    comments = (
        Comment.objects.filter(pk__in=ids)
        .select_related("author", "parent__author")
        .prefetch_related(
            # A dossier is named by its title: not its 10,000-word body.
            Prefetch("dossier", queryset=Dossier.objects.only("title", "slug", "status")),
            *COMMENT_FIELDS,
        )
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
    kinds = Counter(row.kind for row in candidates)
    keys: Counter[str] = Counter()
    decades: Counter[int] = Counter()
    for row in candidates:
        if row.facet_keys:
            keys.update(row.facet_keys.split())
        start, end = row.period_start or row.period_end, row.period_end or row.period_start
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
