"""Receivers that keep the search index current when indexed content is saved or deleted.

The index is derived data, not domain logic: these receivers only copy text and
visibility into `SearchEntry` rows (search.index), and `manage.py rebuild_search_index`
recreates the same rows from scratch. They are connected in `SearchConfig.ready()`.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save

from search.index import MODEL_KINDS, index_object, unindex_object


def entry_saved(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
) -> None:
    if raw:  # loaddata: related rows may not exist yet; rebuild the index afterwards
        return
    index_object(instance)


def entry_deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    unindex_object(instance)


def connect() -> None:
    for model in MODEL_KINDS:
        post_save.connect(entry_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(
            entry_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
