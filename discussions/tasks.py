"""Background tasks: notification emails, at once or in a daily digest.

Each task re-reads its notifications and sends only what the recipient may still read at
sending time: a draft's discussion, a private note, a withdrawn message never leak by email.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.models import User
from discussions.access import target_is_readable
from discussions.models import Notification

# A digest covers at most this much: older unsent notifications are no news any more.
DIGEST_PERIOD = timedelta(days=7)

_RELATED = (
    "recipient",
    "actor",
    "dossier",
    "comment__author",
    "comment__dossier",
    "comment__case_study",
    "comment__recommendation",
    "comment__question",
    "comment__annotation",
    "comment__field_report",
    "annotation",
    "field_report__dossier",
    "recommendation__dossier",
    "synthesis",
)


def notification_is_sendable(notification: Notification) -> bool:
    """Whether the recipient may still read what the notification is about and it is still
    to be told. Ask it of a notification read through `Notification.objects.
    for_recipient(recipient)`, which leaves out those about what the recipient may not read
    in the database (a draft's discussion, another member's private note, an answer
    « réfléchir avant de lire » hides from them); this asks the rest of the loaded rows."""
    if not target_is_readable(notification.recipient, notification.target()):
        return False
    # A message or report withdrawn since is not sent, except to tell its author it was
    # moderated.
    contribution = notification.comment or notification.field_report
    return not (
        contribution is not None
        and not contribution.is_visible
        and notification.kind != Notification.Kind.MODERATION
    )


def notification_may_be_emailed(notification: Notification) -> bool:
    """Whether the email about `notification` may go now: its recipient still reads it
    through `Notification.objects.for_recipient` (not about an answer « réfléchir avant de
    lire » hides from them) and `notification_is_sendable` lets it go. The at-once email's
    check (and the load test's, which counts the others as rightly withheld)."""
    return Notification.objects.for_recipient(notification.recipient).filter(
        pk=notification.pk
    ).exists() and notification_is_sendable(notification)


def notification_link(notification: Notification) -> str:
    """The absolute link of what the notification is about: a comment's permalink, which
    still finds it after it moved (a thread paged, a discussion merged)."""
    if notification.comment_id:
        path = notification.comment.get_absolute_url()
    else:
        path = notification.get_absolute_url()
    return settings.SITE_URL.rstrip("/") + path


def notifications_sendable(user: User, notifications: list[Notification]) -> list[Notification]:
    """Those of `notifications`, `user`'s as `Notification.objects.for_recipient` reads them,
    that `notification_is_sendable` lets go, each given the one `user` object as recipient:
    its permissions (curator or not) are read once, not per row. The daily digest's and
    the learning digest's (learning.digest)."""
    for notification in notifications:
        notification.recipient = user
    return [n for n in notifications if notification_is_sendable(n)]


@task()
def notification_email_send(notification_pk: int) -> bool:
    """Email one reply or mention at once; False when it is no longer to be sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related(*_RELATED)
            .filter(pk=notification_pk, emailed_at__isnull=True)
            .first()
        )
        if (
            notification is None
            or not notification.emails_at_once()  # the preference may have changed
            or not notification_may_be_emailed(notification)
        ):
            return False
        with translation.override(settings.LANGUAGE_CODE):
            context = {"notification": notification, "link": notification_link(notification)}
            # One line: the text may quote a passage with line breaks, which a mail header
            # refuses (BadHeaderError, and the email was never sent).
            subject = " ".join(
                render_to_string("discussions/email/notification_subject.txt", context).split()
            )
            body = render_to_string("discussions/email/notification.txt", context)
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body,
            None,
            [notification.recipient.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


@task()
def digest_send(user_pk: int) -> int:
    """Email a user the unread notifications of the last days not emailed yet; returns
    how many it held."""
    recipient = User.objects.filter(
        pk=user_pk,
        is_active=True,
        email_digest=True,
        # The learning digest (learning.digest) carries them instead, unless off.
        learning_digest=User.LearningDigest.OFF,
    ).first()
    if recipient is None:
        return 0
    with transaction.atomic():
        pending = list(
            Notification.objects.for_recipient(recipient)
            .select_for_update(of=("self",))
            .select_related(*_RELATED)
            .filter(
                read_at__isnull=True,
                emailed_at__isnull=True,
                created_at__gte=timezone.now() - DIGEST_PERIOD,
            )
            .order_by("dossier_id", "created_at")
        )
        sendable = notifications_sendable(recipient, pending)
        if not sendable:
            return 0
        with translation.override(settings.LANGUAGE_CODE):
            items = [{"notification": n, "link": notification_link(n)} for n in sendable]
            body = render_to_string(
                "discussions/email/digest.txt",
                {"recipient": recipient, "items": items, "site_url": settings.SITE_URL},
            )
            subject = _("Your daily digest: %(count)s new items") % {"count": len(sendable)}
        send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [recipient.email])
        Notification.objects.filter(pk__in=[n.pk for n in sendable]).update(
            emailed_at=timezone.now()
        )
    return len(sendable)
