"""Recreate the search index from the content (after a bulk import, or to repair it)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from search.index import after_bulk_load, rebuild_index


class Command(BaseCommand):
    help = "Recreate every search entry from the dossiers, discussions and annotations."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_index()
        after_bulk_load()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
