"""The load test's database side, run with the production environment of `loadtest/run.py`.

    python loadtest/django_side.py prepare OUT.json --members 40
        creates the verified members (idempotent) and writes what the clients need:
        members, discussion targets, annotatable texts.
    python loadtest/django_side.py check --run RUN --writes W.jsonl --maildir DIR
        waits for the task queue to drain, then counts each tagged write in the database
        and each notification email in the SMTP sink; prints a JSON report.

It goes through the models, never the HTTP side, so what it counts is what was stored.
"""

from __future__ import annotations

import argparse
import json
import mailbox
import os
import re
import sys
import time
from collections import Counter
from email.message import Message
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ccfd_community.settings")

import django  # noqa: E402 the path and settings module come first

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_tasks.base import TaskResultStatus  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from accounts.models import User  # noqa: E402
from discussions.models import Annotation, Comment, Notification  # noqa: E402
from discussions.targets import BODY_KINDS, KINDS, target_dossier  # noqa: E402
from discussions.tasks import notification_may_be_emailed  # noqa: E402

MEMBER_EMAIL = "loadtest-{n:03d}@loadtest.example"
MEMBER_NAME = "Membre Essai {n:03d}"
# The link at the end of a notification email is the comment's permalink.
COMMENT_LINK = re.compile(
    re.escape(reverse("discussions:comment", kwargs={"pk": 0})).replace("0", r"(\d+)", 1)
)


def members_create(count: int, password: str) -> list[dict[str, str]]:
    """`count` verified members who log in by email; one password hash for all, since
    hashing is deliberately slow and says nothing about the site under load."""
    hashed = make_password(password)
    members = []
    for n in range(1, count + 1):
        email = MEMBER_EMAIL.format(n=n)
        user, _created = User.objects.update_or_create(
            email=email, defaults={"display_name": MEMBER_NAME.format(n=n), "password": hashed}
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"primary": True, "verified": True}
        )
        members.append({"email": email, "name": user.display_name, "pk": user.pk})
    return members


def targets_list(member: User) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every discussion `member` may read except annotations' (those are made during the
    run), each with the « réfléchir avant de lire » cross question it is gathered under (its
    answers hidden from a member until they answer one: `reflect_first`), and every
    annotatable text with its `body_text`."""
    from questions.models import GroupedQuestion

    reflect_first = dict(
        GroupedQuestion.objects.filter(cross_question__reflect_first=True).values_list(
            "question_id", "cross_question_id"
        )
    )
    targets: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = []
    for kind in KINDS:
        if kind.own_page:
            continue
        for row in kind.model.objects.readable_by(member):
            dossier = target_dossier(row)
            where = {"slug": dossier.slug, "pk": dossier.pk}
            cross = reflect_first.get(row.pk) if kind.slug == "question" else None
            targets.append(
                {"kind": kind.slug, "pk": row.pk, "dossier": where, "reflect_first": cross}
            )
            if kind in BODY_KINDS and row.body_text:
                bodies.append({"ref": kind.ref(row.pk), "dossier": where, "text": row.body_text})
    return targets, bodies


def prepare(out: Path, members: int) -> None:
    password = os.environ["LOADTEST_PASSWORD"]
    created = members_create(members, password)
    targets, bodies = targets_list(User.objects.get(pk=created[0]["pk"]))
    data = {
        "members": created,
        "targets": targets,
        "bodies": bodies,
    }
    out.write_text(json.dumps(data, ensure_ascii=False))
    print(
        f"prepared {len(data['members'])} members, {len(targets)} discussions, "
        f"{len(bodies)} annotatable texts"
    )


# --- Check -------------------------------------------------------------------------------


def queue_drain(run_start: float, dead_workers: set[str], timeout: float) -> dict[str, int]:
    """Wait until no task of the run is waiting and every running one belongs to a worker
    that was killed (it will never finish); then the tasks by status."""
    tasks = DBTaskResult.objects.filter(enqueued_at__gte=_aware(run_start))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = tasks.filter(status=TaskResultStatus.READY).count()
        running = [
            t.worker_ids[-1] if t.worker_ids else ""
            for t in tasks.filter(status=TaskResultStatus.RUNNING).only("worker_ids")
        ]
        if not ready and all(worker in dead_workers for worker in running):
            break
        time.sleep(1)
    counts = Counter(tasks.values_list("status", flat=True))
    orphaned = sum(
        1
        for t in tasks.filter(status=TaskResultStatus.RUNNING).only("worker_ids")
        if t.worker_ids and t.worker_ids[-1] in dead_workers
    )
    return {
        **{status: counts.get(status, 0) for status in TaskResultStatus.values},
        "orphaned": orphaned,
    }


def _aware(timestamp: float) -> Any:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(timestamp, tz=UTC)


def writes_count(run: str, writes: list[dict[str, Any]]) -> dict[str, Any]:
    """How many times each tagged write is stored, by acknowledged or not."""
    marker = re.compile(r"\[" + re.escape(run) + r"-\d{6}\]")
    stored: Counter[str] = Counter()
    tag = f"[{run}-"
    for body in Comment.objects.filter(body__contains=tag).values_list("body", flat=True):
        stored.update(marker.findall(body))
    for note in Annotation.objects.filter(body__contains=tag).values_list("body", flat=True):
        stored.update(marker.findall(note))
    report: dict[str, Any] = {}
    for acked in (True, False):
        group = [w for w in writes if w["acked"] is acked]
        found = Counter(min(stored.get(w["marker"], 0), 2) for w in group)
        report["acknowledged" if acked else "unacknowledged"] = {
            "writes": len(group),
            "stored_once": found.get(1, 0),
            "missing": found.get(0, 0),
            "duplicated": found.get(2, 0),
        }
    sent = {w["marker"] for w in writes}
    report["stored_but_never_sent"] = len(set(stored) - sent)
    report["lost"] = [w for w in writes if w["acked"] and stored.get(w["marker"], 0) == 0][:10]
    report["duplicates"] = [w for w in writes if stored.get(w["marker"], 0) > 1][:10]
    # Stored although the answer was an error: the member saw a failure for a post that exists.
    report["unacknowledged_stored"] = [
        w for w in writes if not w["acked"] and stored.get(w["marker"], 0) == 1
    ][:10]
    return report


def _text(message: Message) -> str:
    if message.is_multipart():
        return "\n".join(_text(part) for part in message.get_payload())
    payload = message.get_payload(decode=True) or b""
    return payload.decode(message.get_content_charset() or "utf-8", errors="replace")


def emails_count(run: str, maildir: Path) -> dict[str, Any]:
    """Each reply or mention of the run that is to be emailed at once, against the
    messages the SMTP sink received: (recipient, comment) pairs, each expected once."""
    received: Counter[tuple[str, int]] = Counter()
    for message in mailbox.Maildir(maildir, create=False):
        body = _text(message)
        link = COMMENT_LINK.search(body)
        if f"[{run}-" in body and link:
            received[(message["To"], int(link.group(1)))] += 1
    at_once = Q(kind=Notification.Kind.REPLY, recipient__email_replies=True) | Q(
        kind=Notification.Kind.MENTION, recipient__email_mentions=True
    )
    notifications = Notification.objects.filter(
        at_once, comment__body__contains=f"[{run}-"
    ).values_list("pk", "recipient__email", "comment_id", "emailed_at")
    expected = Counter()
    for pk, email, comment_pk, emailed_at in notifications:
        got = received.get((email, comment_pk), 0)
        if emailed_at is None and not got and _withheld(pk):
            expected["withheld"] += 1
        elif emailed_at is None:
            expected["never_sent" if not got else "received_but_not_marked_sent"] += 1
        elif got == 0:
            expected["marked_sent_but_not_received"] += 1
        elif got == 1:
            expected["received_once"] += 1
        else:
            expected["received_twice_or_more"] += 1
    return {
        "to_send": len(notifications),
        "received": sum(received.values()),
        **expected,
    }


def _withheld(notification_pk: int) -> bool:
    """Whether the email task rightly sent nothing: the recipient may not read what it is
    about (a mention in an answer « réfléchir avant de lire » hides from them, a reply on
    another member's private note): the task's own check."""
    notification = Notification.objects.select_related("recipient").get(pk=notification_pk)
    return not notification_may_be_emailed(notification)


def check(run: str, writes_file: Path, maildir: Path, run_start: float, dead: set[str]) -> None:
    writes = [json.loads(line) for line in writes_file.read_text().splitlines() if line]
    tasks = queue_drain(run_start, dead, timeout=180)
    report = {
        "writes": writes_count(run, writes),
        "tasks": tasks,
        "emails": emails_count(run, maildir),
    }
    print(json.dumps(report, ensure_ascii=False, default=str))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prepare_parser = commands.add_parser("prepare")
    prepare_parser.add_argument("out", type=Path)
    prepare_parser.add_argument("--members", type=int, default=40)
    check_parser = commands.add_parser("check")
    check_parser.add_argument("--run", required=True)
    check_parser.add_argument("--writes", type=Path, required=True)
    check_parser.add_argument("--maildir", type=Path, required=True)
    check_parser.add_argument("--since", type=float, required=True, help="run start, epoch")
    check_parser.add_argument("--dead-workers", default="", help="comma-separated ids")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.out, args.members)
    else:
        dead = {worker for worker in args.dead_workers.split(",") if worker}
        check(args.run, args.writes, args.maildir, args.since, dead)


if __name__ == "__main__":
    main()
