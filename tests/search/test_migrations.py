"""The search migrations upgrade a database that already holds entries, as a site being
deployed does (a new database has nothing to migrate and hides such failures).

Run in a database of its own, through manage.py as a deploy runs it, so that going back and
forth through migrations leaves the test database alone."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

BEFORE_RANKING = ["search", "0008_field_reports"]


def manage(database_url: str, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 our own manage.py, with our arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


@pytest.fixture
def database_url(tmp_path: Path):
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    params = connection.get_connection_params()
    name = f"ccfd_upgrade_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(**{**params, "dbname": "postgres"})
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    user, host, port = params.get("user", ""), params.get("host", ""), params.get("port", 5432)
    try:
        yield f"postgres://{user}@{host}:{port}/{name}"
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_database_with_entries_upgrades_through_the_ranking_migrations(database_url) -> None:
    manage(database_url, "migrate", "--noinput")
    manage(database_url, "load_demo")
    # Back to before the ranking migrations, the demo's entries in the table (but for the
    # kinds that came later), then forward again as a deploy would.
    manage(
        database_url,
        "shell",
        "-c",
        "from search.models import SearchEntry as E; E.objects.filter(kind='synthesis').delete()",
    )
    manage(database_url, "migrate", "--noinput", *BEFORE_RANKING)
    manage(database_url, "migrate", "--noinput")
    found = manage(
        database_url,
        "shell",
        "-c",
        "from search.models import SearchEntry as E; "
        "print(E.objects.count(), E.objects.filter(title_key__isnull=True).count())",
    )
    entries, without_key = (int(n) for n in found.split()[-2:])
    assert entries > 50 and without_key == 0
