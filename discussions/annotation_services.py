"""Writes on annotations: create, change, delete. Gates are in discussions.access,
re-anchoring after an edit of the text in discussions.reanchoring, moderation in
discussions.services (one shape for messages and annotations).
"""

from __future__ import annotations

from django.db import models, transaction

from accounts.models import User
from discussions.access import body_of
from discussions.anchoring import Selector, validate
from discussions.models import Annotation, Notification
from discussions.services import follow_create, notify
from discussions.targets import ANNOTATION_FIELDS, target_fields


def text_version(body: models.Model) -> int | None:
    """The history_id of the body's latest django-simple-history record."""
    return body.history.order_by("-history_id").values_list("history_id", flat=True).first()


@transaction.atomic
def annotation_create(
    *,
    author: User,
    body: models.Model,
    selector: Selector,
    note: str,
    visibility: str,
    tags: list[str],
) -> Annotation:
    """Check the selector against the body's text (SelectorError if it does not hold)
    and store the annotation anchored to it."""
    anchored = validate(body.body_text, selector)
    annotation = Annotation(
        **target_fields(body, ANNOTATION_FIELDS),
        author=author,
        body=note,
        visibility=visibility,
        exact=anchored.exact,
        prefix=anchored.prefix,
        suffix=anchored.suffix,
        start=anchored.start,
        end=anchored.end,
        state=Annotation.State.ANCHORED,
        text_version=text_version(body),
    )
    annotation.save()
    if tags:
        annotation.tags.set(tags)
    _announce(annotation)
    return annotation


def _announce(annotation: Annotation) -> None:
    """Its author follows the dossier from now on; a shared annotation reaches followers."""
    follow_create(user=annotation.author, dossier=annotation.dossier)
    if annotation.visibility == Annotation.Visibility.SHARED:
        followers = User.objects.filter(follows__dossier_id=annotation.dossier_id)
        notify(
            recipients=followers,
            kind=Notification.Kind.NEW_CONTRIBUTION,
            actor=annotation.author,
            annotation=annotation,
        )


@transaction.atomic
def annotation_update(
    *,
    annotation: Annotation,
    note: str | None = None,
    visibility: str | None = None,
    tags: list[str] | None = None,
    selector: Selector | None = None,
) -> Annotation:
    """Change the note, visibility or tags; with a selector, re-attach it to a passage of
    the same body (how an author rescues an orphan)."""
    fields = ["updated_at"]
    if note is not None:
        annotation.body = note
        fields.append("body")
    if visibility is not None:
        annotation.visibility = visibility
        fields.append("visibility")
    if selector is not None:
        body = body_of(annotation)
        anchored = validate(body.body_text, selector)
        annotation.exact, annotation.prefix, annotation.suffix = (
            anchored.exact,
            anchored.prefix,
            anchored.suffix,
        )
        annotation.start, annotation.end = anchored.start, anchored.end
        annotation.state = Annotation.State.ANCHORED
        annotation.text_version = text_version(body)
        fields += ["exact", "prefix", "suffix", "start", "end", "state", "text_version"]
    annotation.save(update_fields=fields)
    if tags is not None:
        annotation.tags.set(tags)
    return annotation


class AnnotationHasReplies(Exception):
    """Deleting it would lose its discussion."""


@transaction.atomic
def annotation_delete(*, annotation: Annotation) -> None:
    """Delete an annotation nobody answered; one with replies stays so they are not lost."""
    if annotation.replies.exists():
        raise AnnotationHasReplies
    annotation.tags.clear()
    annotation.delete()
