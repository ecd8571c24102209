from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite's search_fts triggers index light-stemmed text (migration 0006)."""
    if connection.vendor == "sqlite":
        from search.parsing import light_stem_text

        connection.connection.create_function(
            "search_light_stem", 1, light_stem_text, deterministic=True
        )


def fill_empty_index(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """After migrate: an empty index beside existing content (the search app was just
    installed, or the table was emptied) is built at once, so search never silently finds
    nothing. Otherwise a no-op costing one query."""
    from django.db import DEFAULT_DB_ALIAS

    from dossiers.models import Dossier
    from search.index import after_bulk_load, rebuild_index
    from search.models import SearchEntry

    if using != DEFAULT_DB_ALIAS or SearchEntry.objects.exists():
        return
    if Dossier.objects.exists():
        rebuild_index()
        after_bulk_load()


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from search import signals

        signals.connect()
        connection_created.connect(sqlite_functions, dispatch_uid="search-sqlite-functions")
        post_migrate.connect(fill_empty_index, sender=self, dispatch_uid="search-fill-empty")
