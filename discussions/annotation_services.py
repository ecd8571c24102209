"""Writes on annotations: create, change, delete. Gates are in discussions.access,
re-anchoring after an edit of the text in discussions.reanchoring, moderation in
discussions.services (one shape for messages and annotations).
"""

from __future__ import annotations

from django.db import models, transaction

from accounts.models import User
from ccfd_community import write_generations
from discussions.access import body_of
from discussions.anchoring import Selector, validate
from discussions.mentions import users_mentioned_in
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
    and store the annotation anchored to it; a shared note tells the colleagues it
    mentions."""
    anchored = validate(body.body_text, selector)
    annotation = Annotation(
        **target_fields(body, ANNOTATION_FIELDS),
        author=author,
        visibility=visibility,
        exact=anchored.exact,
        prefix=anchored.prefix,
        suffix=anchored.suffix,
        start=anchored.start,
        end=anchored.end,
        state=Annotation.State.ANCHORED,
        text_version=text_version(body),
    )
    mentioned = users_mentioned_in(note)
    annotation.set_body(note, mentions=mentioned)
    # A new note shows on its dossier's page only (and the pages of the whole site).
    scopes = (annotation.dossier.page_scope, write_generations.member_scope(author.pk))
    with write_generations.writes_within(*scopes):
        annotation.save()
        if tags:
            annotation.tags.set(tags)
        _announce(annotation, mentioned)
    return annotation


def _announce(annotation: Annotation, mentioned: list[User]) -> None:
    """Its author follows the dossier from now on; a shared annotation reaches the
    colleagues it mentions, then the followers (each once)."""
    follow_create(user=annotation.author, dossier=annotation.dossier)
    if annotation.visibility == Annotation.Visibility.SHARED:
        told = {annotation.author_id} | _mention(annotation, mentioned)
        followers = User.objects.filter(follows__dossier_id=annotation.dossier_id).exclude(
            pk__in=told
        )
        notify(
            recipients=followers,
            kind=Notification.Kind.NEW_CONTRIBUTION,
            actor=annotation.author,
            annotation=annotation,
        )


def _mention(annotation: Annotation, mentioned: list[User]) -> set[int]:
    """Tell the colleagues a shared note mentions, unless they were already told of it or
    wrote it; the pks of those told."""
    if annotation.visibility != Annotation.Visibility.SHARED:
        return set()
    told = set(
        Notification.objects.filter(
            annotation=annotation, kind=Notification.Kind.MENTION
        ).values_list("recipient_id", flat=True)
    )
    fresh = [user for user in mentioned if user.pk not in told and user.pk != annotation.author_id]
    notified = notify(
        recipients=fresh,
        kind=Notification.Kind.MENTION,
        actor=annotation.author,
        annotation=annotation,
    )
    return {notification.recipient_id for notification in notified}


@transaction.atomic
def annotation_update(
    *,
    annotation: Annotation,
    note: str | None = None,
    visibility: str | None = None,
    tags: list[str] | None = None,
    selector: Selector | None = None,
    version: int | None = None,
) -> Annotation:
    """Change the note, visibility or tags; with a selector, re-attach it to a passage of
    the same body (how an author rescues an orphan).

    `version` is the one the author's page was built from: StaleEdit if the annotation was
    saved since (another tab, the admin); None (an older client) checks nothing. Claimed
    first, so a re-attach reads the body only once a re-anchoring in progress has committed.
    """
    annotation.claim_version(version)
    fields = ["updated_at", "version"]
    mentioned = None
    if note is not None:
        mentioned = users_mentioned_in(note)
        annotation.set_body(note, mentions=mentioned)
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
    if mentioned is not None:
        _mention(annotation, mentioned)  # those newly named, once it is shared
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
