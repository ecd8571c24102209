from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from discussions.models import Notification


def notifications(request: HttpRequest) -> dict[str, Callable[[], int]]:
    """The header's unread counter, counted only when a template shows it (one query).

    A request refused before authentication ran (a bad Host header) has no user: its error
    page renders as an anonymous one.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def unread_notification_count() -> int:
        return Notification.objects.for_recipient(user).filter(read_at__isnull=True).count()

    return {"unread_notification_count": unread_notification_count}
