"""Re-anchoring: after a body's text changed, every annotation on it is found again.

Position still matching → kept; else the quote found again with its context (fuzzy within a
bound, discussions.anchoring) → positions updated; else the annotation is marked orphaned,
never deleted, and its author told once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from django.db import connection, models, transaction

from accounts.models import User
from discussions.anchoring import Selector, TextChange, locate
from discussions.models import Annotation, Notification
from discussions.services import notify
from dossiers.models import Dossier


@dataclass
class ReanchorResult:
    kept: int = 0
    moved: int = 0
    orphaned: list[Annotation] = field(default_factory=list)
    unchanged: int = 0


# What re-anchoring may change without touching what anything else reads of an annotation.
ANCHOR_FIELDS = ["start", "end", "prefix", "suffix", "text_version"]


class Outcome(Enum):
    """What re-anchoring one annotation found."""

    UNCHANGED = "unchanged"  # its text version has this very text: nothing to do
    KEPT = "kept"  # same place, same words
    MOVED = "moved"  # found elsewhere, or its words changed
    ORPHANED = "orphaned"  # lost now: its author is told
    STILL_ORPHANED = "still orphaned"  # was lost and still is


@transaction.atomic
def annotation_reanchor(*, body: models.Model) -> ReanchorResult:
    """Re-anchor every annotation of `body` on its current text.

    Annotations whose text version has the very same text are left alone (a title edit
    costs three queries and no write). The others are located again (discussions.anchoring:
    position, then quote and context, then a bounded fuzzy match); those not found become
    orphaned, are never deleted, and their author is notified once, when that happens.
    Orphans are tried too: a text put back re-attaches them.

    Writes: an annotation whose quote or state changes is saved with
    `save(update_fields=…)`, so receivers (the search index) see it. One whose passage only
    moved (text inserted before it: the common edit, often every annotation of the body)
    changes nothing but ANCHOR_FIELDS, which no receiver reads (the search index holds the
    quote, the note and the visibility); those are written by `_write_anchors` in one
    statement (docs/annotations.md gives the figures).
    """
    result = ReanchorResult()
    # Locked until the body's save commits: an author's edit of one of them waits (its
    # version claim), so a re-attach is neither overwritten here nor checked against the
    # text being replaced. `version` is left alone: nothing written here is what the
    # author edits, so their edit made meanwhile stays valid (dossiers.versioning).
    annotations = list(
        Annotation.objects.on_body(body)
        .select_related("author")
        .select_for_update(of=("self",), no_key=True)
        .order_by("pk")
    )
    if not annotations:
        return result
    version, editor_id, old_texts = _text_versions(body, annotations)
    changes: dict[int, TextChange] = {}
    moved_only: list[Annotation] = []
    for annotation in annotations:
        outcome, anchor_only = reanchor_one(annotation, body.body_text, old_texts, changes, version)
        if outcome is Outcome.UNCHANGED:
            result.unchanged += 1
            continue
        if outcome is Outcome.KEPT:
            result.kept += 1
        elif outcome is Outcome.MOVED:
            result.moved += 1
        elif outcome is Outcome.ORPHANED:
            result.orphaned.append(annotation)
        if anchor_only:
            moved_only.append(annotation)
        else:
            annotation.save(update_fields=[*ANCHOR_FIELDS, "exact", "state"])
    _write_anchors(moved_only)
    if isinstance(body, Dossier):
        for annotation in result.orphaned:
            annotation.dossier = body
    _notify_orphaned(result.orphaned, editor_id)
    return result


def _text_versions(
    body: models.Model, annotations: list[Annotation]
) -> tuple[int | None, int | None, dict[int, str]]:
    """The body's latest history record and its editor, and the texts the annotations were
    last anchored to (two queries)."""
    history = body.history.model
    latest = (
        history.objects.filter(id=body.pk)
        .order_by("-history_id")
        .values_list("history_id", "history_user_id")
        .first()
    )
    version, editor_id = latest if latest else (None, None)
    versions = {a.text_version for a in annotations if a.text_version is not None}
    old_texts = dict(
        history.objects.filter(history_id__in=versions).values_list("history_id", "body_text")
    )
    return version, editor_id, old_texts


def reanchor_one(
    annotation: Annotation,
    text: str,
    old_texts: dict[int, str],
    changes: dict[int, TextChange],
    version: int | None,
) -> tuple[Outcome, bool]:
    """Locate one annotation in `text` and set its new anchor on it (unsaved): what was
    found, and whether nothing but ANCHOR_FIELDS changed (written without a save)."""
    old_text = old_texts.get(annotation.text_version)
    if old_text == text:
        return Outcome.UNCHANGED, False
    change = None
    if old_text is not None:
        change = changes.setdefault(annotation.text_version, TextChange(old_text, text))
    selector = Selector(
        exact=annotation.exact,
        start=annotation.start,
        end=annotation.end,
        prefix=annotation.prefix,
        suffix=annotation.suffix,
    )
    found = locate(text, selector, change)
    annotation.text_version = version
    was_anchored = annotation.state == Annotation.State.ANCHORED
    if found is None:
        annotation.state = Annotation.State.ORPHANED
        if was_anchored:
            return Outcome.ORPHANED, False
        return Outcome.STILL_ORPHANED, True
    outcome = Outcome.KEPT if found == selector and was_anchored else Outcome.MOVED
    anchor_only = found.exact == annotation.exact and was_anchored
    annotation.start, annotation.end = found.start, found.end
    annotation.prefix, annotation.suffix = found.prefix, found.suffix
    annotation.exact = found.exact
    annotation.state = Annotation.State.ANCHORED
    return outcome, anchor_only


def _write_anchors(annotations: list[Annotation]) -> None:
    """UPDATE the ANCHOR_FIELDS of these annotations, one parameter row each (executemany)."""
    if not annotations:
        return
    table = connection.ops.quote_name(Annotation._meta.db_table)
    columns = ", ".join(
        f"{connection.ops.quote_name(Annotation._meta.get_field(name).column)} = %s"
        for name in ANCHOR_FIELDS
    )
    rows = [[getattr(a, name) for name in ANCHOR_FIELDS] + [a.pk] for a in annotations]
    with connection.cursor() as cursor:
        pk = connection.ops.quote_name(Annotation._meta.pk.column)
        cursor.executemany(f"UPDATE {table} SET {columns} WHERE {pk} = %s", rows)  # noqa: S608


def _notify_orphaned(annotations: list[Annotation], editor_id: int | None) -> None:
    """Tell each author their passage is gone, so the note does not go unnoticed."""
    if not annotations:
        return
    editor = User.objects.filter(pk=editor_id).first() if editor_id else None
    for annotation in annotations:
        notify(
            recipients=[annotation.author],
            kind=Notification.Kind.ORPHANED,
            actor=editor,
            annotation=annotation,
        )
