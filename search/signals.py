"""Receivers that keep the search index current when indexed content is saved or deleted.

The index is derived data, not domain logic: these receivers only copy text, visibility
and facets into `SearchEntry` rows (search.index), and `manage.py rebuild_search_index`
recreates the same rows from scratch. They are connected in `SearchConfig.ready()`.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from dossiers.models import Dossier, Region, Theme
from search.index import INDEXED_FIELDS, MODEL_KINDS, index_object, refresh_dossier, unindex_object


def entry_saved(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
) -> None:
    if raw:  # loaddata: related rows may not exist yet; rebuild the index afterwards
        return
    update_fields = kwargs.get("update_fields")
    indexed = INDEXED_FIELDS.get(sender)
    if update_fields is not None and indexed is not None and indexed.isdisjoint(update_fields):
        # e.g. re-anchoring moved or orphaned an annotation: nothing searchable changed.
        return
    index_object(instance)


def entry_deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    unindex_object(instance)


def dossier_links_changed(
    sender: type[models.Model],
    instance: models.Model,
    action: str,
    reverse: bool,
    pk_set: set[int] | None,
    **kwargs: Any,
) -> None:
    """A dossier's regions, themes or tags changed: its entries' facets follow."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, Dossier):
        refresh_dossier(instance)
    elif reverse and isinstance(instance, Region | Theme):
        # region.dossiers.add(...) or .clear(): the dossiers named, or all it had.
        dossiers = Dossier.objects.filter(pk__in=pk_set) if pk_set else Dossier.objects.all()
        for dossier in dossiers:
            refresh_dossier(dossier)


def vocabulary_saved(sender: type[models.Model], instance: Region | Theme, **kwargs: Any) -> None:
    """A region's or theme's slug is part of its dossiers' facet keys."""
    for dossier in instance.dossiers.all():
        refresh_dossier(dossier)


def connect() -> None:
    for model in MODEL_KINDS:
        post_save.connect(entry_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(
            entry_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    for through in (Dossier.regions.through, Dossier.themes.through, Dossier.tags.through):
        m2m_changed.connect(
            dossier_links_changed, sender=through, dispatch_uid=f"search-links-{through.__name__}"
        )
    for model in (Region, Theme):
        post_save.connect(
            vocabulary_saved, sender=model, dispatch_uid=f"search-vocabulary-{model.__name__}"
        )
