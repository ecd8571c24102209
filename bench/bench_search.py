"""Search latency at 100,000 searchable items, on SQLite and PostgreSQL.

Generates the corpus (`manage.py generate_corpus`), then times `search.query.search` — every
SQL query of the results page: candidates with their rank, the page with its snippets, the
facets — for 56 varied queries as a member, three runs each after a warm-up. Prints p50 and
p95 per kind of query and overall, with result counts; then the whole page through the test
client, and on PostgreSQL the plain approach (GIN + ts_rank over every match) for comparison.

    .venv/bin/python bench/bench_search.py        (or `make bench`)
    BENCH_SEARCH_SCALE=0.1 ...                    a tenth of the corpus, for a quick look
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, percentile, run_on_each_database, timed  # noqa: E402

if TYPE_CHECKING:
    from accounts.models import User
    from search.query import SearchResults

SCALE = float(os.environ.get("BENCH_SEARCH_SCALE", "1"))
REPEAT = 3

QUERIES: dict[str, list[str | tuple[str, dict[str, str]]]] = {
    "frequent word": [
        "partenaires",
        "partenariat",
        "plaidoyer",
        "accompagnement",
        "organisations",
        "développement",
        "projet",
        "soutien",
        "formation",
        "réseau",
    ],
    "rare word": [
        "adivasies",
        "karité",
        "parajuristes",
        "caféière",
        "tontine",
        "mangrove",
        "jumelage",
        "transhumance",
        "warrantage",
        "introuvablissime",
    ],
    "two words": [
        "filières agricoles",
        "sociétés civiles",
        "droits femmes",
        "sécurité alimentaire",
        "économie solidaire",
        "partenaires plaidoyer",
        "karité coopératives",
        "migrations frontières",
        "gouvernance évaluation",
        "agroécologie transition",
    ],
    "phrase": [
        '"sociétés civiles"',
        '"plaidoyer politique"',
        '"économie solidaire"',
        '"filières agricoles"',
        '"partenaires de la"',
        '"accès aux services"',
        '"changement social"',
        '"mise en relation"',
    ],
    "-word": [
        "plaidoyer -conflit",
        "partenariat -financement",
        "réseau -fédération",
        "femmes -jeunes",
        "migrations -frontières",
        "karité -coopératives",
    ],
    "unaccented": [
        "reciprocite",
        "societes civiles",
        "economie solidaire",
        "securite alimentaire",
        "filieres",
        "evaluation",
        "developpement",
        "souverainete",
    ],
    "with a facet": [
        ("plaidoyer", {"kind": "comment"}),
        ("partenaires", {"region": "asie"}),
        ("réciprocité", {"theme": "plaidoyer"}),
        ("semences", {"period": "2000-2009"}),
    ],
}


def build_corpus() -> User:
    """The corpus at SCALE, and the member who searches it."""
    from django.core.management import call_command

    from accounts.models import User
    from search.models import SearchEntry

    started = time.perf_counter()
    call_command(
        "generate_corpus",
        dossiers=int(2000 * SCALE),
        comments=int(77500 * SCALE),
        annotations=int(7000 * SCALE),
    )
    print(
        f"corpus ready in {time.perf_counter() - started:.0f} s: "
        f"{SearchEntry.objects.count()} searchable items",
        flush=True,
    )
    return User.objects.filter(email__startswith="corpus").first()


def each_query(queries: list[str | tuple[str, dict[str, str]]]) -> list[tuple[str, dict[str, str]]]:
    """The queries as (text, facet parameters)."""
    return [(query, {}) if isinstance(query, str) else query for query in queries]


def run(member: User, text: str, params: dict[str, str]) -> SearchResults:
    from dossiers.forms import DossierFilterForm
    from dossiers.models import Dossier
    from search.parsing import parse_query
    from search.query import search

    filters = DossierFilterForm({k: v for k, v in params.items() if k != "kind"})
    filters.is_valid()
    wanted = any(filters.cleaned_data.get(k) for k in ("region", "theme", "tag", "period"))
    dossiers = filters.filter(Dossier.objects.all()) if wanted else None
    return search(member, parse_query(text), kind=params.get("kind"), dossiers=dossiers)


def measure_search(member: User) -> None:
    everything: list[float] = []
    rows = []
    for label, queries in QUERIES.items():
        times: list[float] = []
        counts = []
        for text, params in each_query(queries):
            found = run(member, text, params)  # warm-up
            counts.append(f"{found.total}{'+' if found.capped else ''}")
            times += timed(lambda text=text, params=params: run(member, text, params), REPEAT)
        everything += times
        rows.append((label, len(queries), median(times), percentile(times, 95), counts))
    for label, n, p50, p95, counts in rows:
        print(f"  {label:<14} {n:>2} queries  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
        print(f"  {'':<14} results: {' '.join(counts)}")
    total = sum(len(q) for q in QUERIES.values())
    print(
        f"  ALL {total} queries x{REPEAT}: p50 {median(everything):.1f} ms, "
        f"p95 {percentile(everything, 95):.1f} ms (search: SQL of the results page)",
        flush=True,
    )


def measure_page(member: User) -> None:
    from django.test import Client

    client = Client()
    client.force_login(member)
    page_times: list[float] = []
    for queries in QUERIES.values():
        for text, params in each_query(queries):
            page_times += timed(
                lambda t=text, p=params: client.get("/recherche/", {"q": t, **p}), 1
            )
    print(
        f"  whole page through the test client: p50 {median(page_times):.1f} ms, "
        f"p95 {percentile(page_times, 95):.1f} ms",
        flush=True,
    )


def measure_plain_postgresql(member: User) -> None:
    """For comparison: GIN + ts_rank over every match, without the bounded candidates."""
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.db.models import F

    from search.models import SearchEntry

    def plain(text: str) -> list[int]:
        query = SearchQuery(text, config="french_unaccent", search_type="websearch")
        matches = SearchEntry.objects.readable_by(member).filter(vector=query)
        ranked = matches.annotate(rank=SearchRank(F("vector"), query)).order_by("-rank")
        return list(ranked.values_list("pk", flat=True)[:20])

    plain_times: list[float] = []
    for query in QUERIES["frequent word"] + QUERIES["rare word"]:
        plain(str(query))
        plain_times += timed(lambda q=str(query): plain(q), REPEAT)
    print(
        f"  for comparison, plain GIN + ts_rank over every match (frequent and rare words):"
        f" p50 {median(plain_times):.1f} ms, p95 {percentile(plain_times, 95):.1f} ms"
    )


def main() -> None:
    from django.conf import settings
    from django.db import connection

    # As in production: no query log (bench/common.py runs with DJANGO_DEBUG on).
    settings.DEBUG = False
    member = build_corpus()
    measure_search(member)
    measure_page(member)
    if connection.vendor == "postgresql":
        measure_plain_postgresql(member)


if __name__ == "__main__":
    run_on_each_database(main)
