"""Long discussions, paged, at 1,000 and 10,000 comments, on SQLite and PostgreSQL.

Builds a dossier whose own discussion holds N comments by 50 members: about a third start a
thread, half answer a recent comment (nested up to depth 5), the rest answer one long
thread (2,000 replies at 10,000). Prints, for each response a reader can ask for, the median
server time of 20 requests (test client, middleware included, after two warm-ups; wall clock
and this process's CPU time, which a loaded machine does not inflate), its size
in bytes and its SQL query count: the dossier page (and the size of its discussion's
section), the thread fragment, the discussion's first and second pages, the older threads
loaded in place (htmx), the long thread's replies loaded in place (htmx) and on a page of
their own, and the permalink of a reply deep in the long thread (a redirect).
Budgets (issue 15): no response over 500 KB at 10,000 comments, the dossier page ≤ 100 ms;
query counts the same at 1,000 and 10,000.

    .venv/bin/python bench/bench_discussions.py        (or `make bench`)
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, run_on_each_database  # noqa: E402

USERS = 50
MAX_DEPTH = 5
RENDERS = 20
COUNTS = (1_000, 10_000)
SENTENCES = [
    "Le partenariat s’est construit pas à pas avec les organisations paysannes.",
    "Au Burkina Faso, nous avons observé la même tension entre base et structures faîtières.",
    "Comment avez-vous associé les partenaires à l’évaluation ?",
    "Le plaidoyer a demandé des compétences que l’équipe n’avait pas encore.",
    "Merci pour ce retour, c’est **très** utile pour préparer la mission de mars.",
    "Voir aussi la recommandation sur la contractualisation pluriannuelle.",
]
HTMX = {"HTTP_HX_REQUEST": "true"}


def build(title: str, count: int, users: list) -> tuple[object, int, int]:
    """The dossier, the first comment of its long thread and a reply deep in it. Made in
    bulk with the pks given, so that replies can name parents not yet saved."""
    from discussions.models import Comment
    from dossiers.markdown import render_markdown
    from tests.factories import DossierFactory

    rng = random.Random(count)
    dossier = DossierFactory(title=title)
    first = (Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    html: dict[str, str] = {}
    rows: list[Comment] = []
    depths: list[int] = []
    for index in range(count):
        pk, parent, depth = first + index, None, 0
        draw = rng.random()
        if index and draw < 0.2:  # the long thread: an answer to its first message
            parent, depth = first, 1
        elif index and draw < 0.7:
            recent = [n for n in range(max(0, index - 60), index) if depths[n] < MAX_DEPTH]
            if recent:
                chosen = rng.choice(recent)
                parent, depth = first + chosen, depths[chosen] + 1
        body = " ".join(rng.sample(SENTENCES, 2))
        if body not in html:
            html[body] = render_markdown(body).html
        rows.append(
            Comment(
                pk=pk,
                dossier=dossier,
                author=users[index % len(users)],
                parent_id=parent,
                body=body,
                body_html=html[body],
            )
        )
        depths.append(depth)
    Comment.objects.bulk_create(rows, batch_size=500)
    long_replies = [row.pk for row in rows if row.parent_id == first]
    return dossier, first, long_replies[len(long_replies) * 2 // 3]


def measure(client, url: str, headers: dict | None = None) -> tuple[float, float, int, int, bytes]:
    """Median ms (wall clock, and CPU of this process), bytes, queries and the body of a
    GET of `url`. On a loaded machine the wall clock counts the time waiting for a core; the
    CPU time does not (on SQLite it includes the database's work, on PostgreSQL not)."""
    from django.db import connection

    headers = headers or {}
    for _ in range(2):
        response = client.get(url, **headers)
        assert response.status_code in (200, 302), (url, response.status_code)
    # Counted with a wrapper: the request_started signal clears connection.queries.
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url, **headers)
    times, cpu = [], []
    for _ in range(RENDERS):
        started, used = time.perf_counter(), time.process_time()
        client.get(url, **headers)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return median(times), median(cpu), len(response.content), len(queries), response.content


def section(html: bytes, dom_id: str) -> int:
    """Bytes of the discussion's section in a page."""
    match = re.search(rf'<section class="thread" id="{dom_id}".*?</section>'.encode(), html, re.S)
    return len(match.group(0)) if match else 0


def rows_for(dossier, root: int, deep: int) -> list[tuple[str, str, dict]]:
    from django.urls import reverse

    page = reverse("discussions:thread-page", args=["dossier", dossier.pk])
    replies = reverse("discussions:comment-replies", args=[root])
    return [
        ("dossier page", dossier.get_absolute_url(), {}),
        ("thread fragment", reverse("discussions:thread", args=["dossier", dossier.pk]), {}),
        ("discussion page 1", page, {}),
        ("discussion page 2", f"{page}?page=2", {}),
        ("older threads (htmx)", f"{page}?page=2", HTMX),
        ("more replies (htmx)", f"{replies}?debut=5", HTMX),
        ("replies page", f"{replies}?debut=50", {}),
        ("permalink, deep reply", reverse("discussions:comment", args=[deep]), {}),
    ]


def main() -> None:
    from django.contrib.auth.hashers import make_password
    from django.test import Client

    from accounts.models import User

    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"membre{n}@example.org", display_name=f"Membre {n}", password=password)
        for n in range(USERS)
    )
    client = Client()
    client.force_login(users[0])
    for count in COUNTS:
        dossier, root, deep = build(f"Dossier à {count} commentaires", count, users)
        print(f"{count:>6} comments", flush=True)
        for name, url, headers in rows_for(dossier, root, deep):
            ms, cpu, size, queries, body = measure(client, url, headers)
            extra = ""
            if name == "dossier page":
                extra = f"  (its discussion: {section(body, f'thread-dossier-{dossier.pk}'):,} B)"
            print(
                f"    {name:<22} {ms:7.1f} ms median ({cpu:5.1f} ms CPU)  {size:>9,} B"
                f"  {queries:>2} queries{extra}",
                flush=True,
            )


if __name__ == "__main__":
    run_on_each_database(main)
