"""Queue the daily digest of every member who wants one; run daily by cron.

The emails themselves leave from the task worker (`manage.py db_worker`).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.models import User
from discussions.tasks import DIGEST_PERIOD, digest_send


class Command(BaseCommand):
    help = "Queue the daily digest email of each member with unsent notifications."

    def handle(self, *args: Any, **options: Any) -> None:
        users = (
            User.objects.filter(
                is_active=True,
                email_digest=True,
                # The others receive the learning digest (send_learning_digests) instead.
                learning_digest=User.LearningDigest.OFF,
                notifications__read_at__isnull=True,
                notifications__emailed_at__isnull=True,
                notifications__created_at__gte=timezone.now() - DIGEST_PERIOD,
            )
            .distinct()
            .values_list("pk", flat=True)
        )
        count = 0
        for pk in users:
            digest_send.enqueue(pk)
            count += 1
        self.stdout.write(f"{count} digest(s) queued.")
