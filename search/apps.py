from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite's search_fts triggers index light-stemmed text (migration 0006)."""
    if connection.vendor == "sqlite":
        from search.parsing import light_stem_text

        connection.connection.create_function(
            "search_light_stem", 1, light_stem_text, deterministic=True
        )


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from search import signals

        signals.connect()
        connection_created.connect(sqlite_functions, dispatch_uid="search-sqlite-functions")
