from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from discussions.models import Notification


def notifications(request: HttpRequest) -> dict[str, Callable[[], int]]:
    """The header's unread counter, counted only when a template shows it (one query)."""
    user = request.user
    if not user.is_authenticated:
        return {}

    @cache
    def unread_notification_count() -> int:
        return Notification.objects.for_recipient(user).filter(read_at__isnull=True).count()

    return {"unread_notification_count": unread_notification_count}
