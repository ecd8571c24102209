"""Re-anchoring annotations whenever a body is saved.

Why a post_save receiver, against the house rule of no domain logic in signals: bodies are
saved from many places (the admin's change form and its case-study and recommendation
inlines, the demo loader, the shell, a future PDF import), and an annotation must never
drift because one of them forgot to call the service. post_save is the one point all of them
pass through; it only delegates to `annotation_reanchor`, which decides by comparing the
saved `body_text` with the text each annotation was last anchored on (the body_text of its
`text_version` history record), so a save that does not change the text writes nothing.

It is connected after django-simple-history's own post_save receiver (models connect theirs
when they are prepared, apps' ready() runs later), so the history record of this very save
exists and becomes the annotations' new `text_version`. Bulk `QuerySet.update()` on bodies
bypasses signals, as it bypasses `RenderedBody.save()` and its rendering: nothing in the
project changes a body that way.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import post_save

from discussions.reanchoring import annotation_reanchor
from discussions.targets import BODY_KINDS


def reanchor_after_body_save(
    sender: type,
    instance: models.Model,
    created: bool,
    raw: bool = False,
    update_fields: frozenset[str] | None = None,
    **kwargs: Any,
) -> None:
    if created or raw:
        return  # a new body has no annotation yet; fixtures load rows as they are
    if update_fields is not None and not {"body", "body_text"} & set(update_fields):
        return
    annotation_reanchor(body=instance)


def connect() -> None:
    for model in (kind.model for kind in BODY_KINDS):
        post_save.connect(
            reanchor_after_body_save,
            sender=model,
            dispatch_uid=f"discussions.reanchor.{model.__name__}",
        )
