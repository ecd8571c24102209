"""Writes that span several models or have side effects: comments, flags, follows,
notifications. Each is atomic; emails leave through a background task once the transaction
has committed, so no request waits on SMTP.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ccfd_community import write_generations
from discussions.access import target_is_readable
from discussions.mentions import users_mentioned_in
from discussions.models import (
    Annotation,
    Comment,
    CommentRevision,
    Flag,
    Follow,
    Notification,
)
from discussions.retry import retry_once_on_conflict
from discussions.targets import kind_of, target_dossier, target_fields
from discussions.tasks import notification_email_send
from dossiers.models import Dossier, Region, Theme

if TYPE_CHECKING:
    from accounts.models import User

# The same text by the same person on the same discussion within this delay is a double
# submit: it is stored once.
DUPLICATE_WINDOW = timedelta(minutes=1)

Kind = Notification.Kind


# --- Comments -------------------------------------------------------------------------


# Safe to run twice: a repeat finds the first run's comment through the duplicate check.
@retry_once_on_conflict
@transaction.atomic
def comment_create(
    *, author: User, target: models.Model, body: str, parent: Comment | None = None
) -> Comment:
    """Post a comment (a reply when `parent` is given) and tell who should know.

    The author follows the dossier from their first contribution on it. Returns the
    existing comment when the same text was just posted (a double submit).
    """
    from accounts.models import User

    # Serialise one author's posts (PostgreSQL) so two identical submits cannot both pass
    # the duplicate check. FOR NO KEY UPDATE, not FOR UPDATE: the foreign-key checks of
    # other members' posts (author, recipient, actor) take FOR KEY SHARE on this row at
    # COMMIT, which FOR UPDATE blocks, so two members notifying each other deadlocked.
    # FOR NO KEY UPDATE lets them through and still queues this author's own posts.
    User.objects.select_for_update(no_key=True).filter(pk=author.pk).exists()
    if parent is not None:
        _check_parent(parent, target)
    duplicate = (
        Comment.objects.on_target(target)
        .filter(
            author=author,
            parent=parent,
            body=body,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        )
        .first()
    )
    if duplicate is not None:
        return duplicate

    dossier = target_dossier(target)
    # A new message shows on its dossier's page only (and the pages of the whole site:
    # lists, search, home, notifications): the other dossiers' pages stay shared. It may
    # unlock answers « réfléchir avant de lire » to its author: their reader changes.
    scopes = (dossier.page_scope, write_generations.member_scope(author.pk))
    with write_generations.writes_within(*scopes):
        return _comment_post(author, target, dossier, body, parent)


def _comment_post(
    author: User, target: models.Model, dossier: Dossier, body: str, parent: Comment | None
) -> Comment:
    first_contribution = not Comment.objects.filter(author=author, dossier=dossier).exists()
    comment = Comment(author=author, parent=parent, **target_fields(target))
    mentioned = users_mentioned_in(body)
    comment.set_body(body, mentions=mentioned)
    comment.save()
    if first_contribution:
        follow_create(user=author, dossier=dossier)

    notified: set[int] = {author.pk}
    answered = parent.author if parent is not None else None
    if answered is None and isinstance(target, Annotation):
        answered = target.author  # a first reply answers the annotation's author
    if answered is not None:
        notified |= _pks(
            notify(recipients=[answered], kind=Kind.REPLY, actor=author, comment=comment)
        )
    mentioned = [user for user in mentioned if user.pk not in notified]
    notified |= _pks(notify(recipients=mentioned, kind=Kind.MENTION, actor=author, comment=comment))
    followers = followers_of(dossier).exclude(pk__in=notified)
    notify(recipients=followers, kind=Kind.NEW_CONTRIBUTION, actor=author, comment=comment)
    return comment


def _check_parent(parent: Comment, target: models.Model) -> None:
    """A reply answers a message of the same discussion that still takes replies."""
    if parent.discussion_kind is not kind_of(target) or parent.target_pk != target.pk:
        raise ValidationError(_("The message you reply to is not in this discussion."))
    if not parent.is_visible:
        raise ValidationError(_("This message was deleted or hidden: it takes no replies."))


@transaction.atomic
def comment_edit(*, comment: Comment, body: str, version: int | None = None) -> Comment:
    """Replace the text, keeping the previous one; newly mentioned members are told.

    `version` is the one the author's form was built from: StaleEdit if the comment was
    saved since (another tab), so that edit is not silently replaced. None (a form from
    before versions) checks nothing.
    """
    if body == comment.body:
        return comment
    comment.claim_version(version)
    if version is None:  # the text in hand may predate an edit that the claim waited for
        comment.refresh_from_db(fields=["body", "edited_at"])
    CommentRevision.objects.create(
        comment=comment, body=comment.body, written_at=comment.edited_at or comment.created_at
    )
    mentioned = users_mentioned_in(body)
    comment.set_body(body, mentions=mentioned)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at", "version"])
    already = set(
        Notification.objects.filter(
            comment=comment, kind__in=[Kind.REPLY, Kind.MENTION]
        ).values_list("recipient_id", flat=True)
    )
    fresh = [user for user in mentioned if user.pk not in already and user.pk != comment.author_id]
    notify(recipients=fresh, kind=Kind.MENTION, actor=comment.author, comment=comment)
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment) -> Comment:
    """The author withdraws the comment; it stays as a tombstone if it has replies."""
    comment.state = Comment.State.DELETED
    comment.save(update_fields=["state"])
    return comment


@transaction.atomic
def contribution_moderate(
    *, contribution: Comment | Annotation, moderator: User, hide: bool, note: str = ""
) -> Comment | Annotation:
    """A moderator hides a message or an annotation (its open reports are then settled) or
    shows it again; its author is told either way, with the note.

    A hidden annotation stays readable by its author only; a hidden message stays a
    tombstone if it has replies.
    """
    if contribution.is_hidden == hide or not contribution.is_moderatable:
        raise ValidationError(_("This contribution is not in a state this action applies to."))
    contribution.moderate(moderator=moderator, hide=hide, note=note)
    about = _about(contribution)
    if hide:
        flags_resolve(moderator=moderator, resolution=Flag.Resolution.HIDDEN, **about)
    notify(recipients=[contribution.author], kind=Kind.MODERATION, actor=moderator, **about)
    return contribution


# --- Flags ----------------------------------------------------------------------------


def flag_create(
    *,
    reporter: User,
    reason: str,
    details: str = "",
    comment: Comment | None = None,
    annotation: Annotation | None = None,
    field_report: models.Model | None = None,
) -> Flag:
    """Report a comment, an annotation or a field report; a second report by the same
    person while one is open is the same."""
    contribution = {"comment": comment, "annotation": annotation, "field_report": field_report}
    try:
        with transaction.atomic():
            flag, _created = Flag.objects.get_or_create(
                **contribution,
                reporter=reporter,
                resolution=Flag.Resolution.OPEN,
                defaults={"reason": reason, "details": details},
            )
    except IntegrityError:  # the same report, posted twice at once
        flag = Flag.objects.get(**contribution, reporter=reporter, resolution=Flag.Resolution.OPEN)
    return flag


@transaction.atomic
def flags_dismiss(*, moderator: User, contribution: Comment | Annotation) -> int:
    """A moderator found nothing wrong: the open reports on the contribution are closed."""
    return flags_resolve(
        moderator=moderator, resolution=Flag.Resolution.DISMISSED, **_about(contribution)
    )


def _about(contribution: models.Model) -> dict[str, models.Model]:
    """The contribution under the name of its field on a flag and a notification
    ("comment", "annotation", "field_report")."""
    field = next(
        field.name
        for field in Flag._meta.get_fields()
        if field.many_to_one and field.related_model is type(contribution)
    )
    return {field: contribution}


def flags_resolve(
    *,
    moderator: User,
    resolution: str,
    comment: Comment | None = None,
    annotation: Annotation | None = None,
    field_report: models.Model | None = None,
) -> int:
    """Settle the open reports on one contribution (one UPDATE)."""
    return Flag.objects.filter(
        comment=comment,
        annotation=annotation,
        field_report=field_report,
        resolution=Flag.Resolution.OPEN,
    ).update(resolution=resolution, resolved_at=timezone.now(), resolved_by=moderator)


# --- Follows --------------------------------------------------------------------------


def follow_create(
    *,
    user: User,
    dossier: Dossier | None = None,
    theme: Theme | None = None,
    region: Region | None = None,
) -> Follow:
    """Follow a dossier, a theme or a region (exactly one)."""
    follow, _created = Follow.objects.get_or_create(
        user=user, dossier=dossier, theme=theme, region=region
    )
    return follow


def follow_delete(
    *,
    user: User,
    dossier: Dossier | None = None,
    theme: Theme | None = None,
    region: Region | None = None,
) -> None:
    Follow.objects.filter(user=user, dossier=dossier, theme=theme, region=region).delete()


def followers_of(dossier: Dossier) -> models.QuerySet[User]:
    """Who hears of new contributions on `dossier`: its followers and those of its themes
    and regions (whether each may read it is `notify`'s check)."""
    from accounts.models import User

    return User.objects.filter(pk__in=Follow.objects.of_dossier(dossier).values("user_id"))


# --- Notifications --------------------------------------------------------------------


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    actor: User | None = None,
    dossier: Dossier | None = None,
    comment: Comment | None = None,
    annotation: Annotation | None = None,
    field_report: models.Model | None = None,
    recommendation: models.Model | None = None,
    synthesis: models.Model | None = None,
) -> list[Notification]:
    """Notify each recipient once, if they may read what it is about.

    What it is about is the comment, else the annotation, else the field report, else the
    recommendation, else the dossier. The actor is never notified of their own act. Replies and mentions are emailed at once to those who
    asked for it (after the transaction commits); the rest waits for the daily digest.
    """
    about = Notification(
        comment=comment,
        annotation=annotation,
        field_report=field_report,
        recommendation=recommendation,
        synthesis=synthesis,
        dossier=dossier,
    )
    if comment is not None and comment.annotation_id:
        about.annotation = comment.annotation
    if not any((comment, annotation, field_report, recommendation, dossier)):
        raise ValueError("A notification is about a contribution, a recommendation or a dossier.")
    target = about.target()
    dossier = target_dossier(target)
    seen: set[int] = set()
    created: list[Notification] = []
    for recipient in recipients:
        if recipient.pk in seen or (actor is not None and recipient.pk == actor.pk):
            continue
        seen.add(recipient.pk)
        if not target_is_readable(recipient, target):
            continue
        # Their counter is counted again; nobody else's, no page (write_generations).
        scope = write_generations.member_scope(recipient.pk)
        with write_generations.writes_within(scope):
            created.append(
                Notification.objects.create(
                    recipient=recipient,
                    actor=actor,
                    kind=kind,
                    dossier=dossier,
                    comment=comment,
                    annotation=about.annotation,
                    field_report=field_report,
                    recommendation=recommendation,
                    synthesis=synthesis,
                )
            )
    for notification in created:
        if notification.emails_at_once():
            _email_on_commit(notification.pk)
    return created


@transaction.atomic
def notifications_mark_read(*, user: User, pks: Iterable[int] | None = None) -> int:
    """Mark the user's unread notifications read (only `pks` when given)."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pks is not None:
        unread = unread.filter(pk__in=list(pks))
    with write_generations.writes_within(write_generations.member_scope(user.pk)):
        return unread.update(read_at=timezone.now())


def _email_on_commit(notification_pk: int) -> None:
    transaction.on_commit(lambda: notification_email_send.enqueue(notification_pk))


def _pks(notifications: list[Notification]) -> set[int]:
    return {notification.recipient_id for notification in notifications}
