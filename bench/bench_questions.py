"""The cross-dossier question page at 10 dossiers' questions and 2,000 answers, on SQLite
and PostgreSQL.

Builds a « réfléchir avant de lire » cross question gathering one dossier's question with one
answer, then another gathering 10 dossiers' questions with 2,000 answers (200 each, one in
five a reply) by 50 members; prints, for the page as read by a member who has answered (every
discussion shown) and by one who has not (the answers hidden, their count shown), and for the
list `/questions/`, the median server time of 20 renders through the test client (after two
warm-ups) and the SQL query count beside the small one's, and the bare /healthz as the
floor of a request on the machine at that moment. Budgets (issue 12): ≤ 100 ms
median, query counts the same at both sizes.

    .venv/bin/python bench/bench_questions.py        (or `make bench`)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, run_on_each_database, timed  # noqa: E402

if TYPE_CHECKING:
    from django.test import Client

USERS = 50
RENDERS = 20
TEXT = (
    "Nous avons tenu avec les partenaires un journal des changements observés, relu chaque "
    "année avec eux : la contribution se raconte mieux qu’elle ne se compte."
)


def build(questions: int, answers: int, seed: int) -> tuple[str, Any, Any]:
    """A reflect-first cross question over `questions` dossiers' questions and `answers`
    answers in bulk; returns its slug, a member who answered and one who did not."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from discussions.models import Comment
    from dossiers.markdown import render_markdown
    from dossiers.models import Dossier, Question, Region
    from questions.models import CrossQuestion, GroupedQuestion

    rng = random.Random(seed)
    html = render_markdown(TEXT).html
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"q{seed}-{n}@example.org", display_name=f"Membre {n}", password=password)
        for n in range(USERS + 1)
    )
    region = Region.objects.create(name=f"Région {seed}", slug=f"region-{seed}")
    cross = CrossQuestion.objects.create(
        wording="Comment rendre compte ?", slug=f"rendre-compte-{seed}", reflect_first=True
    )
    for n in range(questions):
        dossier = Dossier.objects.create(
            title=f"Dossier {seed}-{n}",
            slug=f"d{seed}-{n}",
            summary="Résumé",
            status="published",
            period_start=2000,
            period_end=2010,
        )
        dossier.regions.add(region)
        question = Question.objects.create(dossier=dossier, order=1, title=f"Question {n}")
        GroupedQuestion.objects.create(cross_question=cross, question=question, order=n)
        made: list[Any] = []
        for k in range(answers // questions):
            parent = rng.choice(made) if made and k % 5 == 4 else None
            made.append(
                Comment.objects.create(
                    dossier=dossier,
                    question=question,
                    parent=parent,
                    body=TEXT,
                    body_html=html,
                    # users[0] answers first: the page shows them every discussion.
                    author=users[0] if n == k == 0 else users[rng.randrange(USERS)],
                )
            )
    return cross.slug, users[0], users[USERS]


def measure(client: Client, url: str) -> tuple[float, int]:
    from django.db import connection

    for _ in range(2):
        assert client.get(url).status_code == 200, url
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.get(url)
    return median(timed(lambda: client.get(url), RENDERS)), len(queries)


def pages(slug: str, answered: Any, waiting: Any) -> dict[str, tuple[str, Any]]:
    from django.urls import reverse

    page = reverse("questions:detail", args=[slug])
    return {
        "page, member who answered": (page, answered),
        "page, answers hidden": (page, waiting),
        "list /questions/": (reverse("questions:list"), answered),
    }


def run(slug: str, answered: Any, waiting: Any) -> dict[str, tuple[float, int]]:
    from django.test import Client

    figures = {}
    for name, (url, user) in pages(slug, answered, waiting).items():
        client = Client()
        client.force_login(user)
        figures[name] = measure(client, url)
    return figures


def main() -> None:
    from django.test import Client

    small = run(*build(questions=1, answers=1, seed=1))
    large = run(*build(questions=10, answers=2_000, seed=2))
    # The floor of a request on this machine now: on a loaded one every figure grows with it.
    floor = median(timed(lambda: Client().get("/healthz"), RENDERS))
    print(f"{'floor: /healthz':<28} {floor:7.1f} ms median", flush=True)
    for name, (ms, count) in large.items():
        same = "same" if count == small[name][1] else "DIFFERENT"
        print(
            f"{name:<28} {ms:7.1f} ms median, {count:>2} queries"
            f"  (1 question, 1 answer: {small[name][1]:>2} queries, {same})",
            flush=True,
        )


if __name__ == "__main__":
    run_on_each_database(main)
