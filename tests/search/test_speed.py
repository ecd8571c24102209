"""What keeps a frequent word's search fast (docs/search.md), checked where it is a plan."""

from __future__ import annotations

import pytest
from django.db import connection

from search.candidates import HEAD_COLUMNS
from search.ranking import head_score_sql

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a SQLite index (migration 0012)")
def test_sqlite_has_an_index_covering_what_the_tiers_read() -> None:
    # At 100,000 items the planner reads the tier from it (bench/bench_search.py): every
    # column the tiers read must be in it, or SQLite walks the long bodies again.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pragma_index_info('search_entry_head_columns')")
        covered = {row[0] for row in cursor.fetchall()}
    readable = ("published", "owner_id", "kind", "dossier_id", "object_id")
    assert {*HEAD_COLUMNS, *readable} <= covered


def test_the_tier_order_in_sql_counts_each_field_once() -> None:
    sql, params = head_score_sql(["partenair", "plaidoi"])
    # One REPLACE per stem and field: the count is not repeated in the formula.
    assert sql.count("REPLACE(") == 4
    assert params == [" partenair ", " partenair ", " plaidoi ", " plaidoi "]
