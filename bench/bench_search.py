"""Search latency and relevance at 100,000 searchable items, on SQLite and PostgreSQL.

Generates the corpus (`manage.py generate_corpus`: long dossier bodies of 5,000–10,000 words
among the others, case studies, comments, annotations, and the relevance set's known items),
then times `search.query.search` — every SQL query of the results page: candidates with their
features, the ranking, the page with its snippets, the facets — for 56 varied queries as a
member, REPEAT runs each after a warm-up. Prints p50, p95 and p99 per class of query against
the budgets (p95 ≤ 30 ms, p99 ≤ 50 ms); then the relevance set: each known item must come
first, each frequent word's first ten must share at least 9 with the oracle's (every match
ranked); then the whole page through the test client, and on PostgreSQL the plain approach
(GIN + ts_rank over every match) for comparison. At the end the parent process compares the
two databases' first ten of every query (overlap ≥ 9/10).

    .venv/bin/python bench/bench_search.py        (or `make bench`)
    BENCH_SEARCH_SCALE=0.1 ...                    a tenth of the corpus, for a quick look
    DATABASE_URL=… BENCH_SEARCH_KEEP=1 ...        on that database, kept: the corpus is
                                                  built on the first run, reused after
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, percentile, run_on_each_database, timed  # noqa: E402

if TYPE_CHECKING:
    from accounts.models import User
    from search.query import SearchResults

SCALE = float(os.environ.get("BENCH_SEARCH_SCALE", "1"))
REPEAT = 5
BUDGET_P95, BUDGET_P99 = 30.0, 50.0
# Where each database's first ten of each query are written, for the comparison at the end.
TOPS_DIR = "BENCH_SEARCH_TOPS"
# Run on DATABASE_URL itself and keep it, its corpus reused by the next run (profiling).
KEEP = "BENCH_SEARCH_KEEP"

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
        ("formation", {"kind": "case_study"}),
        ("projet", {"theme": "plaidoyer"}),
        ("réseau", {"region": "europe"}),
        ("développement", {"period": "1990-1999"}),
    ],
}


def build_corpus() -> User:
    """The corpus at SCALE, and the member who searches it."""
    from django.core.management import call_command

    from accounts.models import User
    from search.models import SearchEntry

    started = time.perf_counter()
    member = User.objects.filter(email__startswith="corpus").first()
    if os.environ.get(KEEP) and member is not None:
        print(f"corpus reused: {SearchEntry.objects.count()} searchable items", flush=True)
        return member
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


def run(member: User, text: str, params: dict[str, str], **options: Any) -> SearchResults:
    from dossiers.forms import DossierFilterForm
    from dossiers.models import Dossier
    from search.parsing import parse_query
    from search.query import search

    filters = DossierFilterForm({k: v for k, v in params.items() if k != "kind"}, user=member)
    filters.is_valid()
    wanted = any(filters.cleaned_data.get(k) for k in ("region", "theme", "tag", "period"))
    dossiers = filters.filter(Dossier.objects.all()) if wanted else None
    return search(member, parse_query(text), kind=params.get("kind"), dossiers=dossiers, **options)


def measure_search(member: User) -> dict[str, list[tuple[str, int]]]:
    """Latency per class of query; returns each query's first ten as (kind, object id)."""
    everything: list[float] = []
    tops: dict[str, list[tuple[str, int]]] = {}
    for label, queries in QUERIES.items():
        times: list[float] = []
        cpu: list[float] = []  # per query, the mean of its runs
        counts = []
        for text, params in each_query(queries):
            found = run(member, text, params)  # warm-up
            tops[f"{text} {params}"] = _top(found)
            counts.append(f"{found.total}{'+' if found.capped else ''}")
            cpu_started = time.process_time()
            times += timed(lambda text=text, params=params: run(member, text, params), REPEAT)
            cpu.append((time.process_time() - cpu_started) * 1000 / REPEAT)
        everything += times
        p95, p99 = percentile(times, 95), percentile(times, 99)
        verdict = "ok" if p95 <= BUDGET_P95 and p99 <= BUDGET_P99 else "OVER BUDGET"
        print(
            f"  {label:<14} {len(queries):>2} queries  p50 {median(times):6.1f}"
            f"  p95 {p95:6.1f}  p99 {p99:6.1f} ms  {verdict}{_cpu(cpu)}"
        )
        print(f"  {'':<14} results: {' '.join(counts)}")
    total = sum(len(q) for q in QUERIES.values())
    print(
        f"  ALL {total} queries x{REPEAT}: p50 {median(everything):.1f} ms, "
        f"p95 {percentile(everything, 95):.1f} ms, p99 {percentile(everything, 99):.1f} ms"
        f" (search: SQL of the results page); load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    return tops


def _cpu(per_query: list[float]) -> str:
    """On SQLite, which runs in this process, the CPU time of a search: what it costs whatever
    the machine's load (the wall-clock times above include waiting for a CPU)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return ""
    return (
        f"  (CPU: mean {sum(per_query) / len(per_query):.1f}, worst query {max(per_query):.1f} ms)"
    )


def _top(found: SearchResults) -> list[tuple[str, int]]:
    return [(entry.kind, entry.object_id) for entry in found.page.object_list[:10]]


def measure_relevance(member: User, tops: dict[str, list[tuple[str, int]]]) -> bool:
    """The relevance set: known items first, frequent words' overlap@10 with the oracle."""
    from search.management.commands.generate_corpus import (
        FREQUENT_WORDS,
        KNOWN_ITEMS,
        is_known_item,
    )
    from search.models import SearchEntry

    passed = True
    for text, kind, mark, what in KNOWN_ITEMS:
        found = run(member, text, {})
        first = found.page.object_list[0] if found.page.object_list else None
        ok = first is not None and is_known_item(first, kind, mark)
        passed &= ok
        tops[f"{text} {{}}"] = _top(found)
        print(f"  known item  {'#1 ' if ok else 'NOT #1'}  {text!r} ({what})")
    overlaps = []
    for word in FREQUENT_WORDS:
        app = _top(run(member, word, {}))
        started = time.perf_counter()
        oracle = _top(run(member, word, {}, limits=None))
        took = (time.perf_counter() - started) * 1000
        overlaps.append(len(set(app) & set(oracle)))
        tops[f"{word} {{}}"] = app
        print(
            f"  oracle      {overlaps[-1]}/10  {word!r} (oracle ranks every match: {took:.0f} ms)"
        )
    passed &= min(overlaps) >= 9
    print(
        f"  relevance set: {'PASS' if passed else 'FAIL'} (known items first; frequent words"
        f" overlap@10 with the oracle: min {min(overlaps)}/10, mean"
        f" {sum(overlaps) / len(overlaps):.1f}); {SearchEntry.objects.count()} items",
        flush=True,
    )
    return passed


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

    from ccfd_community.collector import freeze_loaded

    # As in production: no query log (bench/common.py runs with DJANGO_DEBUG on).
    settings.DEBUG = False
    print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    member = build_corpus()
    # As a web worker does once the site is loaded (ccfd_community/wsgi.py).
    freeze_loaded()
    tops = measure_search(member)
    measure_relevance(member, tops)
    measure_page(member)
    if connection.vendor == "postgresql":
        measure_plain_postgresql(member)
    if os.environ.get(TOPS_DIR):
        path = Path(os.environ[TOPS_DIR]) / f"{connection.vendor}.json"
        path.write_text(json.dumps(tops))


def compare_databases(folder: Path) -> None:
    """The same query's first ten on both databases: overlap ≥ 9/10."""
    files = {path.stem: json.loads(path.read_text()) for path in folder.glob("*.json")}
    if len(files) < 2:
        print("--- databases compared: only one ran")
        return
    sqlite, postgresql = files["sqlite"], files["postgresql"]
    overlaps = {
        query: len({tuple(hit) for hit in top} & {tuple(hit) for hit in postgresql[query]})
        for query, top in sqlite.items()
        if query in postgresql
    }
    expected = {query: min(10, len(sqlite[query]), len(postgresql[query])) for query in overlaps}
    short = {query: n for query, n in overlaps.items() if n < min(9, expected[query])}
    print(
        f"--- SQLite and PostgreSQL agree: {len(overlaps) - len(short)} of {len(overlaps)}"
        f" queries share ≥ 9 of their first ten (or all when fewer);"
        f" mean overlap {sum(overlaps.values()) / len(overlaps):.1f}"
    )
    for query, n in sorted(short.items()):
        print(f"    {n}/{expected[query]}  {query}")


if __name__ == "__main__":
    import tempfile

    if os.environ.get(KEEP):
        from bench.common import _setup_django

        _setup_django()
        main()
        if os.environ.get(TOPS_DIR):  # both databases run this way into one folder
            compare_databases(Path(os.environ[TOPS_DIR]))
    elif os.environ.get("CCFD_BENCH_CHILD"):
        run_on_each_database(main)
    else:
        with tempfile.TemporaryDirectory() as folder:
            os.environ[TOPS_DIR] = folder
            run_on_each_database(main)
            compare_databases(Path(folder))
