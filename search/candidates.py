"""The candidates of a search: three tiers chosen in one SQL query, on either database.

0. the entries whose title is the query (title_key, a B-tree lookup), EXACT_TITLE_LIMIT at
   most;
1. the best TIER_LIMITS[0] matches in the title or summary, by the title-and-summary part of
   the score itself (search.ranking.head_score_sql), computed in SQL over those matches only
   (PostgreSQL: the GIN index on head_vector; SQLite: search_fts's title and summary columns);
2. only when tier 1 is not full — few titles and summaries match — the first TIER_LIMITS[1]
   matches anywhere, in the cheap index order (dossier content first, then the newest).

A match outside tier 1 when it is full can only rank above its last row by what its text
adds, at most FIELD_WEIGHTS[2] × (k1 + 1) per word (× the dossier's boost): docs/search.md
says why that is rarely enough, and the relevance set measures it. The same query brings, for
each candidate, how often each searched stem occurs in its text (PostgreSQL: read back from
ts_rank over the text's positions; SQLite: from the entry's text_counts).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from search.models import SearchEntry
from search.parsing import STOPWORDS, ParsedQuery, Term, fts5_query, stem, title_key
from search.ranking import MAX_OCCURRENCES, Candidate, head_score_sql, occurrences_in

# How many matches the title-and-summary tier and the cheap-order tier take at most.
TierLimits = tuple[int, int]
TIER_LIMITS: TierLimits = (300, 100)
EXACT_TITLE_LIMIT = 20
# The PostgreSQL text search configuration made by search/migrations/0002.
PG_CONFIG = "french_unaccent"
# search_fts rowids: priority * SQLITE_ROWID_SPAN + entry id (migration 0003).
SQLITE_ROWID_SPAN = 2**40

CANDIDATE_COLUMNS = ("id", "kind", "dossier_id", "facet_keys", "period_start", "period_end",
                     "title_key", "title_words", "summary_words", "body_words", "title_stems",
                     "summary_stems")  # fmt: skip
# What the SQLite tiers read of the readable entries.
HEAD_COLUMNS = ("id", "kind", "priority", "title_key", "title_stems", "summary_stems",
                "title_words", "summary_words")  # fmt: skip


def positive_terms(parsed: ParsedQuery) -> list[Term]:
    return [term for term in parsed.terms if not term.exclude]


def query_key(parsed: ParsedQuery) -> str:
    """The title key (search.parsing.title_key) of what was typed, exclusions left out."""
    return title_key(" ".join(t for t in parsed.text.split() if not t.startswith("-")))


def query_words(parsed: ParsedQuery) -> dict[str, str]:
    """{stem: a word typed with it}: what the ranking counts, phrases word by word."""
    words = [w for term in positive_terms(parsed) for w in term.words if w not in STOPWORDS]
    return {stem(word): word for word in reversed(words)}


def query_stems(parsed: ParsedQuery) -> list[str]:
    return list(query_words(parsed))


def select(
    readable: QuerySet[SearchEntry], parsed: ParsedQuery, limits: TierLimits | None
) -> tuple[list[Candidate], bool]:
    """The candidates, and whether a tier was full (more matches were left out).

    `limits=None` takes every match: the oracle of the relevance set."""
    if connection.vendor == "postgresql":
        return _postgresql(readable, parsed, limits)
    return _sqlite(readable, parsed, limits)


def _tiers_sql(first: str, cheap: str, exact: str, limits: TierLimits | None) -> tuple[str, str]:
    """The WITH clause naming the candidates `c`, and the SQL saying whether a tier was full."""
    if limits is None:
        return f"WITH c AS ({cheap})", "0 = 1"
    needed = f"(SELECT count(*) FROM t1) < {limits[0]:d}"  # noqa: S608 a number
    # Django's parametrised SQL and numbers only.
    tiers = (
        f"WITH t1 AS MATERIALIZED ({first}), t2 AS MATERIALIZED ({cheap}),"  # noqa: S608
        f" c AS (SELECT id FROM ({exact}) AS t0 UNION SELECT id FROM t1"
        f" UNION SELECT id FROM t2 WHERE {needed})"
    )
    return tiers, f"(NOT {needed} OR (SELECT count(*) FROM t2) >= {limits[1]:d})"  # noqa: S608


def _postgresql(
    readable: QuerySet[SearchEntry], parsed: ParsedQuery, limits: TierLimits | None
) -> tuple[list[Candidate], bool]:
    query = SearchQuery(parsed.text, config=PG_CONFIG, search_type="websearch")
    words = query_words(parsed)
    cheap = readable.filter(vector=query).order_by("-priority", "-id").values("id")
    head_sql, head_params = head_score_sql(list(words))
    head = readable.filter(head_vector=query)
    if any(term.exclude for term in parsed.terms):
        head = head.filter(vector=query)  # an excluded word may be in the text
    head = head.annotate(
        head_score=RawSQL(head_sql, head_params)  # noqa: S611 parametrised
    )
    parts = [
        head.order_by("-head_score", "-id").values("id")[: limits[0] if limits else 1],
        cheap[: limits[1]] if limits else cheap,
        readable.filter(vector=query, title_key=query_key(parsed)).values("id")[:EXACT_TITLE_LIMIT],
    ]
    (first, p1), (cheap_sql, p2), (exact, p0) = (part.query.sql_with_params() for part in parts)
    with_sql, full = _tiers_sql(first, cheap_sql, exact, limits)
    # ts_rank over the text's positions alone (weight C) of one lexeme, with weight 1 and no
    # normalisation, is Σ 1/j² for j = 1…occurrences over ζ(2): read back by _from_rank.
    in_text = ", ".join(
        "ts_rank('{0,1,0,0}', ts_filter(e.vector, '{c}'), plainto_tsquery(%s::regconfig, %s), 0)"
        for _word in words
    )
    columns = ", ".join(f"e.{column}" for column in CANDIDATE_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{with_sql} SELECT {columns}, {full}{', ' if words else ''}{in_text}"  # noqa: S608
            " FROM search_searchentry AS e WHERE e.id IN (SELECT id FROM c)",
            [
                *(p2 if limits is None else [*p1, *p2, *p0]),
                *(param for word in words.values() for param in (PG_CONFIG, word)),
            ],
        )
        rows = cursor.fetchall()
    stems = list(words)
    width = len(CANDIDATE_COLUMNS) + 1
    candidates = [_candidate(row, stems, [_from_rank(r) for r in row[width:]]) for row in rows]
    return candidates, bool(rows) and bool(rows[0][width - 1])


# Σ 1/j² for j = 1…n, n = 0…MAX_OCCURRENCES, and PostgreSQL's ζ(2) (tsrank.c).
_SQUARES = [0.0]
for _n in range(1, MAX_OCCURRENCES + 1):
    _SQUARES.append(_SQUARES[-1] + 1 / _n**2)
_ZETA_2 = 1.64493406685


def _from_rank(rank: float | None) -> int:
    """The occurrences whose ts_rank (see _postgresql) is `rank`: the gaps between two counts
    (at least 1/256²) are far wider than a float4's error."""
    if not rank:
        return 0
    return min(bisect_left(_SQUARES, rank * _ZETA_2 - 5e-6), MAX_OCCURRENCES)


def _candidate(row: tuple[Any, ...], stems: list[str], in_text: list[int]) -> Candidate:
    """A candidate from a row of CANDIDATE_COLUMNS and its stems' occurrences in the text."""
    pk, kind, dossier_id, facet_keys, start, end, key, title, summary, body = row[:10]
    in_title, in_summary = occurrences_in(stems, row[10]), occurrences_in(stems, row[11])
    return Candidate(
        pk, kind, dossier_id, facet_keys, start, end, key,
        (title or 0, summary or 0, body or 0),
        list(zip(in_title, in_summary, in_text, strict=True)),
    )  # fmt: skip


def _sqlite(
    readable: QuerySet[SearchEntry], parsed: ParsedQuery, limits: TierLimits | None
) -> tuple[list[Candidate], bool]:
    # search_fts's rowid is priority * 2**40 + the entry's id (migration 0003), so FTS5 yields
    # matches in the cheap order itself and stops after the tier's limit.
    sql, params = readable.values(*HEAD_COLUMNS).query.sql_with_params()
    params = list(params)
    match = fts5_query(parsed)
    stems = query_stems(parsed)
    head_sql, head_params = head_score_sql(stems)
    join = f"FROM search_fts JOIN ({sql}) AS e ON e.id = search_fts.rowid %% {SQLITE_ROWID_SPAN}"
    first = (
        f"SELECT e.id {join} WHERE search_fts MATCH %s"  # noqa: S608
        f" ORDER BY {head_sql} DESC, e.id DESC LIMIT %s"
    )
    cheap = f"SELECT e.id {join} WHERE search_fts MATCH %s ORDER BY search_fts.rowid DESC"
    # From the title key's index to the match of that one row (an excluded word applies).
    exact = (
        f"SELECT e.id FROM ({sql}) AS e JOIN search_fts"  # noqa: S608
        f" ON search_fts.rowid = e.priority * {SQLITE_ROWID_SPAN} + e.id"
        " WHERE e.title_key = %s AND search_fts MATCH %s LIMIT %s"
    )
    with_sql, full = _tiers_sql(first, cheap + (" LIMIT %s" if limits else ""), exact, limits)
    tier_params = [*params, match]
    if limits is not None:
        tier_params = [
            *params, f"{{title summary}} : {match}", *head_params, limits[0],
            *params, match, limits[1],
            *params, query_key(parsed), match, EXACT_TITLE_LIMIT,
        ]  # fmt: skip
    # Occurrences in the text, from its stored counts (" stem:count ", search.parsing).
    in_text = "".join(
        ", CASE WHEN instr(e.text_counts, %s) > 0 THEN CAST(substr(e.text_counts,"
        f" instr(e.text_counts, %s) + {len(s) + 2}, 6) AS INTEGER) ELSE 0 END"
        for s in stems
    )
    columns = ", ".join(f"e.{column}" for column in CANDIDATE_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{with_sql} SELECT {columns}, {full}{in_text} FROM c"  # noqa: S608
            " JOIN search_searchentry AS e ON e.id = c.id",
            [*tier_params, *(f" {s}:" for s in stems for _twice in range(2))],
        )
        rows = cursor.fetchall()
    width = len(CANDIDATE_COLUMNS) + 1
    candidates = [_candidate(row, stems, list(row[width:])) for row in rows]
    return candidates, bool(rows) and bool(rows[0][width - 1])
