"""Queue the learning digest of every member whose digest is due; run daily by cron.

Weekly digests fall due a week after the last one, daily ones a day after, so one daily run
serves both. The emails themselves leave from the task worker (`manage.py db_worker`), which
builds each digest at sending time and sends nothing when there is nothing to tell.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from learning.digest import learning_digest_send, users_due


class Command(BaseCommand):
    help = "Queue the learning digest email of each member whose weekly or daily digest is due."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for pk in users_due(timezone.now()).values_list("pk", flat=True).iterator():
            learning_digest_send.enqueue(pk)
            count += 1
        self.stdout.write(f"{count} learning digest(s) queued.")
