"""The search migrations upgrade a database that already holds entries, as a site being
deployed does (a new database has nothing to migrate and hides such failures)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.models import SearchEntry
from tests.factories import CaseStudyFactory, DossierFactory

BEFORE_RANKING = ("search", "0008_field_reports")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_with_entries_upgrades_through_the_ranking_migrations() -> None:
    dossier = DossierFactory(title="Partenaires", slug="partenaires", body="Des partenaires.")
    CaseStudyFactory(dossier=dossier, title="Au Sénégal", body="Une coopérative.")
    entries = SearchEntry.objects.count()
    assert entries >= 2

    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_RANKING])
    # Forward to the latest migrations again, entries in the table, as on a live site.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert SearchEntry.objects.count() == entries
    assert not SearchEntry.objects.filter(title_key__isnull=True).exists()
