"""Queue the learning digest of every member whose digest is due; run daily by cron.

Weekly digests fall due a week after the last one, daily ones a day after, so one daily run
serves both. The emails themselves leave from the task worker (`manage.py db_worker`), one
task per batch of members (`learning.digest_batch`, what their digests share read once),
which builds each digest at sending time and sends nothing when there is nothing to tell.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from learning.digest import users_due
from learning.digest_batch import BATCH_SIZE, learning_digests_send


class Command(BaseCommand):
    help = "Queue the learning digest email of each member whose weekly or daily digest is due."

    def handle(self, *args: Any, **options: Any) -> None:
        pks = list(users_due(timezone.now()).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH_SIZE):
            learning_digests_send.enqueue(pks[start : start + BATCH_SIZE])
        self.stdout.write(f"{len(pks)} learning digest(s) queued.")
