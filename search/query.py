"""Running a search: what was typed, what the user may read, the ranked page, the facets.

Both databases follow the same plan (README, "Search design"):

1. the matches the user may read, filtered by the facets, enter a candidate set in a cheap
   order (dossier content first, then the newest), at most CANDIDATE_LIMIT of them — the
   permission filter is part of that SQL;
2. only the candidates are ranked (PostgreSQL `ts_rank` on the stored vector, SQLite FTS5
   `bm25`), in the same query, and facets are counted over them;
3. the page's rows are fetched with their snippets.

A frequent word therefore costs about as much as a rare one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from dossiers.models import Dossier
from search.models import MARK_END, MARK_START, SearchEntry

if TYPE_CHECKING:
    from accounts.models import User

PAGE_SIZE = 20
# How many matches get ranked at most (README, "Search design").
CANDIDATE_LIMIT = 1000
# Words beyond this many are ignored: a pasted paragraph is not a better query.
MAX_TERMS = 12
# The PostgreSQL text search configuration made by search/migrations/0002.
PG_CONFIG = "french_unaccent"
# FTS5 bm25 weights of the title, summary and body columns, as A, B and C on PostgreSQL.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
# Words too common to narrow anything; PostgreSQL's french configuration drops them too.
STOPWORDS = frozenset(
    """
    a à au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me
    même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta
    te tes toi ton tu un une vos votre vous c d j l m n s t y été être est sont cette cet
    """.split()  # noqa: SIM905 a paragraph of words reads better than a list of strings
)

# A token of the query: an optional minus, then a "quoted phrase" or a run of non-spaces.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """A word, or a phrase when it has several words; excluded when typed with a minus."""

    words: tuple[str, ...]
    exclude: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    # What was typed, cleaned: PostgreSQL's websearch_to_tsquery reads this.
    text: str
    # The same, as terms: the SQLite FTS5 query is built from these.
    terms: tuple[Term, ...]

    @property
    def has_words(self) -> bool:
        return any(not term.exclude for term in self.terms)


def parse_query(text: str) -> ParsedQuery:
    """Words, "phrases" and -exclusions, the way web search engines read them.

    Only runs of letters and digits survive, so no operator of either database's query
    syntax can come from what was typed.
    """
    text = text.replace("\x00", "")
    terms: list[Term] = []
    for match in _TOKEN.finditer(text):
        if match.group(2) is not None:
            exclude, words = match.group(1) == "-", _WORD.findall(match.group(2).lower())
            if len(words) > 1:
                terms.append(Term(tuple(words), exclude))
                continue
        else:
            exclude, words = match.group(3) == "-", _WORD.findall(match.group(4).lower())
        terms.extend(
            Term((word,), exclude) for word in words if len(word) > 1 and word not in STOPWORDS
        )
    return ParsedQuery(text=text, terms=tuple(terms[:MAX_TERMS]))


def light_stem(word: str) -> str:
    """French plurals, lightly: "partenariats" → "partenariat" (then searched as a prefix)."""
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression: words as prefixes of their light stem, phrases exact."""

    def expression(term: Term) -> str:
        if len(term.words) == 1:
            return f'"{light_stem(term.words[0])}"*'
        return '"' + " ".join(term.words) + '"'

    positive = " AND ".join(expression(t) for t in parsed.terms if not t.exclude)
    negative = "".join(f" NOT {expression(t)}" for t in parsed.terms if t.exclude)
    return f"({positive}){negative}"


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

    `dossiers` restricts the search to entries of those dossiers (region, theme, tag or
    period chosen in the facets or the dossier list).
    """
    readable = SearchEntry.objects.readable_by(user)
    if kind:
        readable = readable.filter(kind=kind)
    if dossiers is not None:
        readable = readable.filter(dossier__in=dossiers.order_by().values("pk"))
    if connection.vendor == "postgresql":
        candidates = _postgresql_candidates(readable, parsed)
    else:
        candidates = _sqlite_candidates(readable, parsed)
    # Best first; among equals, the newest.
    candidates.sort(key=lambda row: (-row[3], -row[0]))
    page = Paginator(candidates, PAGE_SIZE).get_page(page_number)
    page.object_list = _page_entries([row[0] for row in page.object_list], parsed)
    return SearchResults(
        page=page,
        total=len(candidates),
        capped=len(candidates) >= CANDIDATE_LIMIT,
        facets=_facets(candidates),
    )


# --- Candidates: (id, kind, dossier_id, score), higher score better ----------------------

Candidate = tuple[int, str, int, float]


def _postgresql_query(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(parsed.text, config=PG_CONFIG, search_type="websearch")


def _postgresql_candidates(readable: QuerySet[SearchEntry], parsed: ParsedQuery) -> list[Candidate]:
    # ts_rank runs in the outer query, so only the (at most CANDIDATE_LIMIT) rows the
    # inner one returns are ranked, whatever plan PostgreSQL picks for the inner one.
    inner = (
        readable.filter(vector=_postgresql_query(parsed))
        .order_by("-priority", "-id")
        .values("id", "kind", "dossier_id", "vector")[:CANDIDATE_LIMIT]
    )
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.kind, c.dossier_id,"  # noqa: S608 inner SQL is Django's, parametrised
            " ts_rank(c.vector, websearch_to_tsquery(%s::regconfig, %s))"
            f" FROM ({sql}) AS c",
            [PG_CONFIG, parsed.text, *params],
        )
        return list(cursor.fetchall())


def _sqlite_candidates(readable: QuerySet[SearchEntry], parsed: ParsedQuery) -> list[Candidate]:
    sql, params = readable.values("id", "kind", "dossier_id", "priority").query.sql_with_params()
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.id, e.kind, e.dossier_id, -bm25(search_fts, {weights})"  # noqa: S608
            f" FROM search_fts JOIN ({sql}) AS e ON e.id = search_fts.rowid"
            " WHERE search_fts MATCH %s"
            " ORDER BY e.priority DESC, e.id DESC LIMIT %s",
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
        "kind", "object_id", "title", "dossier__title", "dossier__slug", "dossier__status"
    )
    if connection.vendor == "postgresql":
        entries = entries.annotate(
            raw_snippet=SearchHeadline(
                Concat(F("summary"), Value("\n"), F("body"), output_field=TextField()),
                _postgresql_query(parsed),
                config=PG_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        snippets = {}
    else:
        snippets = _sqlite_snippets(ids, parsed)
    by_id = {entry.pk: entry for entry in entries}
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    for entry in ordered:
        raw = getattr(entry, "raw_snippet", None) or snippets.get(entry.pk, "")
        entry.snippet = highlight(raw)  # type: ignore[attr-defined]
    return ordered


def _sqlite_snippets(ids: list[int], parsed: ParsedQuery) -> dict[int, str]:
    """The body's fragment with the matched words, else the summary's, else the body's."""
    placeholders = ", ".join(["%s"] * len(ids))
    marks = [MARK_START, MARK_END, "…"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, snippet(search_fts, 1, %s, %s, %s, 24),"  # noqa: S608
            " snippet(search_fts, 2, %s, %s, %s, 24)"
            f" FROM search_fts WHERE search_fts MATCH %s AND rowid IN ({placeholders})",
            [*marks, *marks, fts5_query(parsed), *ids],
        )
        snippets = {}
        for pk, summary, body in cursor.fetchall():
            if MARK_START in (body or "") or MARK_START not in (summary or ""):
                snippets[pk] = body or summary or ""
            else:
                snippets[pk] = summary
        return snippets


# --- Facets, counted over the candidates ---------------------------------------------------


def _facets(candidates: list[Candidate]) -> dict[str, list[FacetValue]]:
    kinds = Counter(row[1] for row in candidates)
    per_dossier = Counter(row[2] for row in candidates)
    dossier_ids = list(per_dossier)
    labels = dict(SearchEntry.Kind.choices)
    facets = {
        "kind": [
            FacetValue(value, str(labels[value]), count)
            for value, count in sorted(kinds.items(), key=lambda item: -item[1])
        ]
    }
    if not dossier_ids:
        return {**facets, "region": [], "theme": [], "tag": [], "period": []}
    facets["region"] = _count_vocabulary(
        Dossier.regions.through.objects.filter(dossier_id__in=dossier_ids).values_list(
            "dossier_id", "region__slug", "region__name"
        ),
        per_dossier,
    )
    facets["theme"] = _count_vocabulary(
        Dossier.themes.through.objects.filter(dossier_id__in=dossier_ids).values_list(
            "dossier_id", "theme__slug", "theme__name"
        ),
        per_dossier,
    )
    facets["tag"] = _count_vocabulary(
        Dossier.tags.through.objects.filter(
            content_type=ContentType.objects.get_for_model(Dossier), object_id__in=dossier_ids
        ).values_list("object_id", "tag__slug", "tag__name"),
        per_dossier,
    )[:15]
    facets["period"] = _count_decades(
        Dossier.objects.filter(pk__in=dossier_ids).values_list("pk", "period_start", "period_end"),
        per_dossier,
    )
    return facets


def _count_vocabulary(rows: Any, per_dossier: Counter[int]) -> list[FacetValue]:
    counts: Counter[tuple[str, str]] = Counter()
    for dossier_id, slug, name in rows:
        counts[(slug, name)] += per_dossier[dossier_id]
    return [
        FacetValue(slug, name, count)
        for (slug, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][1]))
    ]


def _count_decades(rows: Any, per_dossier: Counter[int]) -> list[FacetValue]:
    """Decades the dossiers' periods overlap, as "2000-2009" (the dossier list's format)."""
    counts: Counter[int] = Counter()
    for dossier_id, start, end in rows:
        start, end = start or end, end or start
        if start is None:
            continue
        for decade in range(start // 10 * 10, end // 10 * 10 + 1, 10):
            counts[decade] += per_dossier[dossier_id]
    return [
        FacetValue(f"{decade}-{decade + 9}", f"{decade}–{decade + 9}", counts[decade])
        for decade in sorted(counts)
    ]
