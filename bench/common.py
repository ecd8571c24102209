"""What every benchmark script shares: run a `main()` once on SQLite and once on PostgreSQL.

A script calls `run_on_each_database(main)`. The parent process starts one child per database
with DATABASE_URL set; each child sets Django up, creates a throw-away test database, calls
`main()`, prints its figures and drops the database. PostgreSQL is skipped (with a line saying
so) when the server does not answer.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD_FLAG = "CCFD_BENCH_CHILD"
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/ccfd_bench")


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccfd_community.settings")
    os.environ.setdefault("DJANGO_DEBUG", "true")
    import django

    django.setup()


def _postgres_answers() -> bool:
    try:
        import psycopg2

        psycopg2.connect(
            "host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3
        ).close()
        return True
    except Exception:
        return False


def run_on_each_database(main: Callable[[], None]) -> None:
    if os.environ.get(CHILD_FLAG):
        _setup_django()
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()
        if connection.vendor == "sqlite":
            # A file, as in production, not the in-memory database tests use.
            connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}-bench"
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            print(f"--- {connection.vendor} ({name})", flush=True)
            main()
        finally:
            connection.creation.destroy_test_db(name, verbosity=0)
        return

    script = os.path.abspath(sys.argv[0])
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{tmp}/bench.sqlite3")]
        if _postgres_answers():
            targets.append(("postgresql", POSTGRES_URL))
        else:
            print("--- postgresql: server not reachable on 127.0.0.1:5432, skipped")
        for _label, url in targets:
            env = {**os.environ, CHILD_FLAG: "1", "DATABASE_URL": url}
            # Our own script, re-run with another DATABASE_URL.
            subprocess.run([sys.executable, script], env=env, check=True, cwd=ROOT)  # noqa: S603


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of `repeat` calls of fn."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]
