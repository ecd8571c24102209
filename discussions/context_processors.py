from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from ccfd_community.page_memo import remembered
from discussions.models import Notification


def notifications(request: HttpRequest) -> dict[str, Callable[[], int]]:
    """The header's unread counter, counted only when a template shows it (one query), and
    not again while nothing was written (ccfd_community.page_memo.remembered).

    A request refused before authentication ran (a bad Host header) has no user: its error
    page renders as an anonymous one.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count() -> int:
        return Notification.objects.for_recipient(user).filter(read_at__isnull=True).count()

    @cache
    def unread_notification_count() -> int:
        return remembered(user.pk, "unread-notifications", count)

    return {"unread_notification_count": unread_notification_count}
