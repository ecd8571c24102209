from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite's search_fts triggers index Snowball-stemmed text (migration 0009).

    `search_light_stem` is the name migrations 0006 and 0008 call: 0009 replaces their
    triggers and re-indexes everything, so it may stem as search_stem does."""
    if connection.vendor == "sqlite":
        from search.parsing import stem_text

        for name in ("search_stem", "search_light_stem"):
            connection.connection.create_function(name, 1, stem_text, deterministic=True)


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
