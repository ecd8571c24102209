"""The score of a match: the same function on both databases, computed in Python.

Each database gives, for each candidate, how often each of the query's stems occurs in its
title, summary and text (PostgreSQL from the stored tsvector's weighted positions, SQLite from
search_fts's stemmed columns), and the entry stores the three fields' lengths in words. The
score is BM25F-like (docs/search.md):

    for each stem of the query, for each field f:  W_f · tf·(k1+1) / (tf + k1·(1−b+b·len/avg_f))

— the occurrences saturate, a long field counts each occurrence less (length normalisation),
a title weighs 10, a summary 4, a text 1 — multiplied by 1.5 for a dossier, plus EXACT_TITLE
when the query's words are the title's (search.parsing.title_key). The averages are fixed, not
measured on each database, so that both give the very same scores.

`rank` sorts candidates by it; the oracle of the relevance set (tests/search, bench) is `rank`
over every match instead of the candidate tiers.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.models import SearchEntry

K1 = 1.2
B = 0.75
# Title, summary, text: their weights and typical lengths in words.
FIELD_WEIGHTS = (10.0, 4.0, 1.0)
AVERAGE_WORDS = (6.0, 30.0, 300.0)
# PostgreSQL keeps at most 256 positions of a word in a tsvector: SQLite counts as far.
MAX_OCCURRENCES = 256
EXACT_TITLE = 100.0
KIND_BOOST = {SearchEntry.Kind.DOSSIER: 1.5}


@dataclass
class Candidate:
    id: int
    kind: str
    dossier_id: int
    facet_keys: str | None
    period_start: int | None
    period_end: int | None
    title_key: str | None
    # Words in the title, summary and text.
    lengths: tuple[int, int, int]
    # For each stem of the query found in it: its occurrences in the title, summary and text.
    occurrences: list[tuple[int, int, int]]
    score: float = 0.0


def field_score(occurrences: int, length: int, field: int) -> float:
    if not occurrences:
        return 0.0
    occurrences = min(occurrences, MAX_OCCURRENCES)
    norm = 1 - B + B * length / AVERAGE_WORDS[field]
    return FIELD_WEIGHTS[field] * occurrences * (K1 + 1) / (occurrences + K1 * norm)


def score(candidate: Candidate, query_key: str) -> float:
    total = sum(
        field_score(count, candidate.lengths[field], field)
        for counts in candidate.occurrences
        for field, count in enumerate(counts)
    )
    total *= KIND_BOOST.get(candidate.kind, 1.0)
    if query_key and candidate.title_key == query_key:
        total += EXACT_TITLE
    return total


def head_score_sql(stems: list[str]) -> tuple[str, list[str]]:
    """The title and summary part of `score` (with the kind's boost), as an SQL expression over
    SearchEntry's columns that both databases read: the order of the title-and-summary tier
    (search.query), so that its best rows by this part are the candidates."""
    parts, params = [], []
    fields = (("title_stems", "title_words"), ("summary_stems", "summary_words"))
    for stem in stems:
        needle = f" {stem} "
        for field, (column, length) in enumerate(fields):
            text = f"COALESCE({column}, '')"
            count = f"(LENGTH({text}) - LENGTH(REPLACE({text}, %s, ''))) / {len(needle)}"
            # In floating point on both databases: PostgreSQL would compute in numeric, three
            # times slower over the thousands of rows of a frequent word's tier.
            occurrences = f"CAST({count} AS DOUBLE PRECISION)"
            weight = FIELD_WEIGHTS[field] * (K1 + 1)
            words = f"CAST(COALESCE({length}, 0) AS DOUBLE PRECISION)"
            norm = f"{K1 * (1 - B)!r} + {K1 * B / AVERAGE_WORDS[field]!r} * {words}"
            # W·o·(k1+1) / (o + norm) written with `o` once: REPLACE runs once per field and
            # row, half the cost of a frequent word's tier (the same value up to rounding: the
            # tier's order only, the score itself is `score`'s).
            parts.append(f"{weight!r} * (1.0 - ({norm}) / ({occurrences} + {norm}))")
            params.append(needle)
    boosts = " ".join(f"WHEN '{kind}' THEN {boost!r}" for kind, boost in KIND_BOOST.items())
    return f"(CASE kind {boosts} ELSE 1.0 END) * ({' + '.join(parts) or '0'})", params


def occurrences_in(stems: list[str], spaced: str | None) -> list[int]:
    """How often each stem occurs in a title's or summary's stored stems."""
    return [(spaced or "").count(f" {stem} ") for stem in stems]


def rank(candidates: list[Candidate], query_key: str) -> list[Candidate]:
    """Best first; among equals, the newest entry."""
    for candidate in candidates:
        candidate.score = score(candidate, query_key)
    return sorted(candidates, key=lambda c: (-c.score, -c.id))
