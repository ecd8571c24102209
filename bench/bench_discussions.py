"""Discussion rendering at 1,000 comments, on SQLite and PostgreSQL.

Builds a dossier whose own discussion holds 1,000 comments by 50 members, replies nested up
to depth 5, and a second dossier with 10. Prints, for each, the median server time of 20
renders (through the test client, middleware included, after two warm-ups) and the SQL query
count of (a) the dossier page, which shows the latest messages of each discussion and loads
the rest on demand, and (b) the thread view, which renders all the comments at once.
Budget: (b) ≤ 100 ms median at 1,000 comments; query counts the same at 10 and 1,000.

    .venv/bin/python bench/bench_discussions.py        (or `make bench`)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, run_on_each_database, timed  # noqa: E402

USERS = 50
MAX_DEPTH = 5
RENDERS = 20
SENTENCES = [
    "Le partenariat s’est construit pas à pas avec les organisations paysannes.",
    "Au Burkina Faso, nous avons observé la même tension entre base et structures faîtières.",
    "Comment avez-vous associé les partenaires à l’évaluation ?",
    "Le plaidoyer a demandé des compétences que l’équipe n’avait pas encore.",
    "Merci pour ce retour, c’est **très** utile pour préparer la mission de mars.",
    "Voir aussi la recommandation sur la contractualisation pluriannuelle.",
]


def build(dossier_title: str, count: int, users: list) -> object:
    from discussions.models import Comment
    from tests.factories import DossierFactory

    rng = random.Random(count)
    dossier = DossierFactory(title=dossier_title)
    made: list[tuple[Comment, int]] = []
    for index in range(count):
        parent, depth = None, 0
        # About a third start a thread; the rest answer a comment above depth 5.
        if made and rng.random() > 0.3:
            candidates = [(c, d) for c, d in made[-60:] if d < MAX_DEPTH]
            if candidates:
                parent, parent_depth = rng.choice(candidates)
                depth = parent_depth + 1
        comment = Comment(
            dossier=dossier,
            author=users[index % len(users)],
            parent=parent,
            body=" ".join(rng.sample(SENTENCES, 2)),
        )
        comment.save()
        made.append((comment, depth))
    return dossier


def measure(client, url: str) -> tuple[float, int]:
    from django.db import connection

    for _ in range(2):
        assert client.get(url).status_code == 200
    # Counted with a wrapper: the request_started signal clears connection.queries.
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.get(url)
    return median(timed(lambda: client.get(url), RENDERS)), len(queries)


def main() -> None:
    from django.contrib.auth.hashers import make_password
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User

    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"membre{n}@example.org", display_name=f"Membre {n}", password=password)
        for n in range(USERS)
    )
    client = Client()
    client.force_login(users[0])
    for count in (10, 1000):
        dossier = build(f"Dossier à {count} commentaires", count, users)
        page = measure(client, dossier.get_absolute_url())
        thread = measure(client, reverse("discussions:thread", args=["dossier", dossier.pk]))
        print(
            f"{count:>5} comments  (a) dossier page {page[0]:7.1f} ms median, {page[1]:>2} queries"
            f"  |  (b) whole thread {thread[0]:7.1f} ms median, {thread[1]:>2} queries",
            flush=True,
        )


if __name__ == "__main__":
    run_on_each_database(main)
