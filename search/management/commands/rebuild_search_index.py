"""Recreate the search index from the content (after a bulk import, or to repair it)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from search.index import rebuild_index


class Command(BaseCommand):
    help = "Recreate every search entry from the dossiers, discussions and annotations."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_index()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Fresh statistics, so the planner knows how frequent each word is.
                cursor.execute("ANALYZE search_searchentry")
        else:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
