"""The learning digests of 1,000 members, built and sent by one worker, on SQLite and PostgreSQL.

A week's news on a busy site: 40 dossiers (two of eight themes, one of four regions each),
10 recommendations each, 1,000 members who declare a theme and a region and follow two
dossiers; 400 field reports and 200 status changes, 120 questions with 3,000 answers, 30
syntheses of those questions, 2,000 annotations re-anchored by an edit of their text, and
3,000 unread notifications (replies, one per answer). Then runs the task
`learning_digests_send` for every batch of 100 members in one process (what one `db_worker`
does: build the digests, render their text and HTML, send them to the test mailbox, mark
what they carried) and prints the total time, the median and 95th percentile per digest
(each batch's time divided by its size), the emails sent, and the SQL queries per digest
(each batch's divided by its size). Budgets (issue 12): 1,000 digests ≤ 30 s on one worker, queries per digest the same
whatever it holds.

    .venv/bin/python bench/bench_digest.py        (or `make bench`)
"""

from __future__ import annotations

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, percentile, run_on_each_database  # noqa: E402

MEMBERS = 1_000
DOSSIERS = 40
REPORTS = 400
SYNTHESES = 30
TEXT = (
    "Nous avons revu chaque partenariat à mi-parcours avec trois questions simples : base "
    "sociale, autonomie, place dans le programme. Le dialogue y a gagné."
)


def _topics_and_dossiers(rng: random.Random) -> tuple[list[Any], list[Any], list[Any]]:
    """Published dossiers, each saved twice (so its history has a text version after the
    one its annotations were made on)."""
    from dossiers.models import Dossier, Region, Theme

    themes = [Theme.objects.create(slug=f"t{n}", name=f"Thème {n}") for n in range(8)]
    regions = [Region.objects.create(slug=f"r{n}", name=f"Région {n}") for n in range(4)]
    dossiers = []
    for n in range(DOSSIERS):
        dossier = Dossier.objects.create(
            title=f"Dossier {n}",
            slug=f"d{n}",
            summary=TEXT,
            body=f"## Contexte\n\n{TEXT}\n",
            status="published",
            published_on=None,
            period_start=2010,
            period_end=2020,
        )
        dossier.themes.add(themes[n % 8], themes[(n + 3) % 8])
        dossier.regions.add(regions[n % 4])
        dossiers.append(dossier)
    return themes, regions, dossiers


def _members(
    themes: list[Any], regions: list[Any], dossiers: list[Any], rng: random.Random
) -> list[Any]:
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from discussions.models import Follow

    password = make_password("bench")
    members = User.objects.bulk_create(
        User(
            email=f"m{n}@example.org",
            display_name=f"Membre {n}",
            password=password,
            learning_digest="weekly",
        )
        for n in range(MEMBERS)
    )
    themed = User.themes.through
    themed.objects.bulk_create(
        themed(user_id=m.pk, theme_id=rng.choice(themes).pk) for m in members
    )
    placed = User.regions.through
    placed.objects.bulk_create(
        placed(user_id=m.pk, region_id=rng.choice(regions).pk) for m in members
    )
    Follow.objects.bulk_create(
        Follow(user=m, dossier=d) for m in members for d in rng.sample(dossiers, 2)
    )
    return members


def _learning(dossiers: list[Any], members: list[Any], html: str, rng: random.Random) -> None:
    from dossiers.models import Question, Recommendation
    from learning.models import FieldReport, StatusChange

    recs = Recommendation.objects.bulk_create(
        Recommendation(dossier=d, order=o, title=f"Recommandation {o}", body=TEXT, body_html=html)
        for d in dossiers
        for o in range(1, 11)
    )
    authors = members[:50]
    FieldReport.objects.bulk_create(
        FieldReport(
            recommendation=r,
            dossier_id=r.dossier_id,
            author=rng.choice(authors),
            title="Un essai",
            year_start=2020,
            body=TEXT,
            body_html=html,
            outcome="partial",
        )
        for r in (rng.choice(recs) for _ in range(REPORTS))
    )
    StatusChange.objects.bulk_create(
        StatusChange(
            recommendation=r, previous="proposed", status="discussed", changed_by=authors[0]
        )
        for r in recs[::2]
    )
    Question.objects.bulk_create(
        Question(dossier=d, order=o, title=f"Question {o} ?") for d in dossiers for o in (1, 2, 3)
    )


def _discussions(dossiers: list[Any], members: list[Any], html: str, rng: random.Random) -> None:
    from django.utils import timezone

    from discussions.models import Annotation, Comment, Notification
    from dossiers.models import Question

    questions = list(Question.objects.all())
    Comment.objects.bulk_create(
        (
            Comment(dossier_id=q.dossier_id, question=q, body=TEXT, body_html=html, author=a)
            for q, a in ((rng.choice(questions), rng.choice(members)) for _ in range(3_000))
        ),
        batch_size=2_000,
    )
    latest = {
        d.pk: d.history.order_by("-history_id").values_list("history_id", flat=True)[0]
        for d in dossiers
    }
    Annotation.objects.bulk_create(
        (
            Annotation(
                dossier=d,
                author=rng.choice(members),
                exact="Contexte",
                start=0,
                end=8,
                text_version=latest[d.pk],
                body="Une note.",
                body_html=html,
            )
            for d in (rng.choice(dossiers) for _ in range(2_000))
        ),
        batch_size=2_000,
    )
    # Made before the latest version of their text: re-anchored since.
    Annotation.objects.update(created_at=timezone.now() - timedelta(days=30))
    replies = Comment.objects.filter(question__isnull=False).order_by("pk")[:4_000]
    Notification.objects.bulk_create(
        (
            Notification(
                recipient=rng.choice(members),
                actor=c.author,
                kind="reply",
                dossier_id=c.dossier_id,
                comment=c,
            )
            for c in replies
        ),
        batch_size=2_000,
    )


def build() -> list[Any]:
    from dossiers.markdown import render_markdown

    rng = random.Random(12)
    html = render_markdown(TEXT).html
    themes, regions, dossiers = _topics_and_dossiers(rng)
    members = _members(themes, regions, dossiers, rng)
    _learning(dossiers, members, html, rng)
    for dossier in dossiers:  # a second version of each text, after its annotations
        dossier.body += "\nUne phrase ajoutée.\n"
        dossier.save()
    _discussions(dossiers, members, html, rng)
    _syntheses()
    return members


def _syntheses() -> None:
    """Syntheses of the first questions, by a curator: their answerers took part."""
    from accounts.models import User
    from dossiers.models import Question
    from syntheses.services import synthesis_save

    curator = User.objects.create_user("curatrice@example.org", is_staff=True, is_superuser=True)
    for question in Question.objects.order_by("pk")[:SYNTHESES]:
        synthesis_save(writer=curator, target=question, body=TEXT)


def send_all(members: list[Any]) -> tuple[list[float], list[tuple[int, int]]]:
    """The members' digests through the batch task, 100 a task as `send_learning_digests`
    queues them, timed, with (emails sent, queries) of each batch."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learning.digest_batch import BATCH_SIZE, learning_digests_send

    times, sizes = [], []
    for start in range(0, len(members), BATCH_SIZE):
        pks = [member.pk for member in members[start : start + BATCH_SIZE]]
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            sent = learning_digests_send.call(pks)
        times.append((time.perf_counter() - began) * 1000 / len(pks))
        sizes.append((sent, len(queries)))
        connection.queries_log.clear()
    return times, sizes


def main() -> None:
    from django.core import mail

    from learning.digest_batch import BATCH_SIZE

    start = time.perf_counter()
    members = build()
    print(f"content built in {time.perf_counter() - start:.1f} s", flush=True)
    mail.outbox = []
    start, cpu = time.perf_counter(), time.process_time()
    times, sizes = send_all(members)
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{len(members)} digests on one worker, {BATCH_SIZE} a task: {total:.1f} s "
        f"(budget 30 s), of which {cpu:.1f} s of this process's CPU; per digest (each batch's time / {BATCH_SIZE}): median "
        f"{median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    items = [len(email.body.splitlines()) for email in mail.outbox]
    print(f"  {len(mail.outbox)} emails sent ({min(items)}–{max(items)} lines of text each)")
    queries = [q / BATCH_SIZE for _sent, q in sizes]
    print(f"  queries per digest (a batch's / {BATCH_SIZE}): {min(queries):.1f}–{max(queries):.1f}")


if __name__ == "__main__":
    run_on_each_database(main)
