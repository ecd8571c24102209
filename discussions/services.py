"""Writes that span several models or have side effects: comments, flags, follows,
notifications. Each is atomic; emails leave through a background task once the transaction
has committed, so no request waits on SMTP.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discussions.mentions import users_mentioned_in
from discussions.models import (
    Annotation,
    Comment,
    CommentRevision,
    Flag,
    Follow,
    Notification,
)
from discussions.threads import (
    Target,
    target_comments,
    target_dossier,
    target_fields,
    target_is_readable,
    target_of,
)
from dossiers.models import Dossier

if TYPE_CHECKING:
    from accounts.models import User

# The same text by the same person on the same discussion within this delay is a double
# submit: it is stored once.
DUPLICATE_WINDOW = timedelta(minutes=1)

Kind = Notification.Kind


# --- Comments -------------------------------------------------------------------------


@transaction.atomic
def comment_create(
    *, author: User, target: Target, body: str, parent: Comment | None = None
) -> Comment:
    """Post a comment (a reply when `parent` is given) and tell who should know.

    The author follows the dossier from their first contribution on it. Returns the
    existing comment when the same text was just posted (a double submit).
    """
    from accounts.models import User

    # Serialise one author's posts (PostgreSQL) so two identical submits cannot both pass
    # the duplicate check.
    User.objects.select_for_update().filter(pk=author.pk).exists()
    if parent is not None:
        if not target_comments(target).filter(pk=parent.pk).exists():
            raise ValidationError(_("The message you reply to is not in this discussion."))
        if not parent.is_visible:
            raise ValidationError(_("This message was deleted or hidden: it takes no replies."))
    duplicate = (
        target_comments(target)
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
    first_contribution = not Comment.objects.filter(author=author, dossier=dossier).exists()
    comment = Comment(author=author, body=body, parent=parent, **target_fields(target))
    comment.mentioned_users = users_mentioned_in(body)
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
    mentioned = [user for user in comment.mentioned_users if user.pk not in notified]
    notified |= _pks(notify(recipients=mentioned, kind=Kind.MENTION, actor=author, comment=comment))
    followers = User.objects.filter(follows__dossier=dossier).exclude(pk__in=notified)
    notify(recipients=followers, kind=Kind.NEW_CONTRIBUTION, actor=author, comment=comment)
    return comment


@transaction.atomic
def comment_edit(*, comment: Comment, body: str) -> Comment:
    """Replace the text, keeping the previous one; newly mentioned members are told."""
    if body == comment.body:
        return comment
    CommentRevision.objects.create(
        comment=comment, body=comment.body, written_at=comment.edited_at or comment.created_at
    )
    comment.body = body
    comment.edited_at = timezone.now()
    comment.mentioned_users = users_mentioned_in(body)
    comment.save(update_fields=["body", "edited_at"])
    already = set(
        Notification.objects.filter(
            comment=comment, kind__in=[Kind.REPLY, Kind.MENTION]
        ).values_list("recipient_id", flat=True)
    )
    fresh = [
        user
        for user in comment.mentioned_users
        if user.pk not in already and user.pk != comment.author_id
    ]
    notify(recipients=fresh, kind=Kind.MENTION, actor=comment.author, comment=comment)
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment) -> Comment:
    """The author withdraws the comment; it stays as a tombstone if it has replies."""
    comment.state = Comment.State.DELETED
    comment.save(update_fields=["state"])
    return comment


@transaction.atomic
def comment_hide(*, comment: Comment, moderator: User, note: str = "") -> Comment:
    """A moderator hides the comment; open flags on it are settled and the author told."""
    comment.state = Comment.State.HIDDEN
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.moderation_note = note
    comment.save(update_fields=["state", "moderated_at", "moderated_by", "moderation_note"])
    flags_resolve(comment=comment, moderator=moderator, resolution=Flag.Resolution.HIDDEN)
    notify(recipients=[comment.author], kind=Kind.MODERATION, actor=moderator, comment=comment)
    return comment


@transaction.atomic
def comment_restore(*, comment: Comment, moderator: User, note: str = "") -> Comment:
    """A moderator shows a hidden comment again; the author is told."""
    if comment.state != Comment.State.HIDDEN:
        raise ValidationError(_("Only a hidden message can be restored."))
    comment.state = Comment.State.VISIBLE
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.moderation_note = note
    comment.save(update_fields=["state", "moderated_at", "moderated_by", "moderation_note"])
    notify(recipients=[comment.author], kind=Kind.MODERATION, actor=moderator, comment=comment)
    return comment


# --- Flags ----------------------------------------------------------------------------


def flag_create(
    *,
    reporter: User,
    reason: str,
    details: str = "",
    comment: Comment | None = None,
    annotation: Annotation | None = None,
) -> Flag:
    """Report a comment or an annotation; a second report by the same person while one is
    open is the same."""
    contribution = {"comment": comment, "annotation": annotation}
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
def flags_dismiss(
    *, moderator: User, comment: Comment | None = None, annotation: Annotation | None = None
) -> int:
    """A moderator found nothing wrong: the open reports on the contribution are closed."""
    return flags_resolve(
        moderator=moderator,
        resolution=Flag.Resolution.DISMISSED,
        comment=comment,
        annotation=annotation,
    )


def flags_resolve(
    *,
    moderator: User,
    resolution: str,
    comment: Comment | None = None,
    annotation: Annotation | None = None,
) -> int:
    flags = list(
        Flag.objects.filter(comment=comment, annotation=annotation, resolution=Flag.Resolution.OPEN)
    )
    now = timezone.now()
    for flag in flags:
        flag.resolution = resolution
        flag.resolved_at = now
        flag.resolved_by = moderator
        flag.save(update_fields=["resolution", "resolved_at", "resolved_by"])
    return len(flags)


# --- Follows --------------------------------------------------------------------------


def follow_create(*, user: User, dossier: Dossier) -> Follow:
    follow, _created = Follow.objects.get_or_create(user=user, dossier=dossier)
    return follow


def follow_delete(*, user: User, dossier: Dossier) -> None:
    Follow.objects.filter(user=user, dossier=dossier).delete()


# --- Notifications --------------------------------------------------------------------


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    actor: User | None = None,
    dossier: Dossier | None = None,
    comment: Comment | None = None,
    annotation: Annotation | None = None,
) -> list[Notification]:
    """Notify each recipient once, if they may read what it is about.

    What it is about is the comment, else the annotation, else the dossier. The actor is
    never notified of their own act. Replies and mentions are emailed at once to those who
    asked for it (after the transaction commits); the rest waits for the daily digest.
    """
    if comment is not None:
        target: Target = target_of(comment)
        annotation = comment.annotation if comment.annotation_id else annotation
    elif annotation is not None:
        target = annotation
    elif dossier is not None:
        target = dossier
    else:
        raise ValueError("A notification is about a comment, an annotation or a dossier.")
    dossier = target_dossier(target)
    seen: set[int] = set()
    created: list[Notification] = []
    for recipient in recipients:
        if recipient.pk in seen or (actor is not None and recipient.pk == actor.pk):
            continue
        seen.add(recipient.pk)
        if not target_is_readable(recipient, target):
            continue
        created.append(
            Notification.objects.create(
                recipient=recipient,
                actor=actor,
                kind=kind,
                dossier=dossier,
                comment=comment,
                annotation=annotation,
            )
        )
    for notification in created:
        if notification_emails_at_once(notification):
            _email_on_commit(notification.pk)
    return created


def notification_create(
    *,
    recipient: User,
    kind: str,
    actor: User | None = None,
    dossier: Dossier | None = None,
    comment: Comment | None = None,
    annotation: Annotation | None = None,
) -> Notification | None:
    """`notify` for one recipient: the notification, or None when they may not read it."""
    created = notify(
        recipients=[recipient],
        kind=kind,
        actor=actor,
        dossier=dossier,
        comment=comment,
        annotation=annotation,
    )
    return created[0] if created else None


def notification_emails_at_once(notification: Notification) -> bool:
    recipient = notification.recipient
    if notification.kind == Kind.REPLY:
        return recipient.email_replies
    if notification.kind == Kind.MENTION:
        return recipient.email_mentions
    return False


@transaction.atomic
def notifications_mark_read(*, user: User, pks: Iterable[int] | None = None) -> int:
    """Mark the user's unread notifications read (only `pks` when given)."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pks is not None:
        unread = unread.filter(pk__in=list(pks))
    return unread.update(read_at=timezone.now())


def _email_on_commit(notification_pk: int) -> None:
    from discussions.tasks import notification_email_send

    transaction.on_commit(lambda: notification_email_send.enqueue(notification_pk))


def _pks(notifications: list[Notification]) -> set[int]:
    return {notification.recipient_id for notification in notifications}
