"""The learning loop's pages at 1,000 recommendations, on SQLite and PostgreSQL.

Builds 100 dossiers (10 recommendations each, themes and regions among 6 and 4), 5,000 field
reports by 50 members, 20,000 comments (on the recommendations and the reports), status
histories on a third of the recommendations; then prints, for the overview (default order,
and filtered by a theme), a theme page, a region page and the busiest recommendation's page,
the median server time of 20 renders through the test client (after two warm-ups) and the
SQL query count, beside the same counts on a site of one dossier; and the time of the CSV
of all 1,000 recommendations. Budgets (issue 11): each page ≤ 100 ms median, query counts
the same at both sizes, the CSV ≤ 500 ms.

    .venv/bin/python bench/bench_learning.py        (or `make bench`)
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
    "Nous avons revu chaque partenariat à mi-parcours avec trois questions simples : base "
    "sociale, autonomie, place dans le programme. Le dialogue y a gagné."
)


def build(dossiers: int, per_dossier: int, reports: int, comments: int, seed: int) -> int:
    """Content in bulk (no history, no search index: neither is read by these pages);
    returns the busiest recommendation's pk."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from dossiers.markdown import render_markdown

    rng = random.Random(seed)
    html = render_markdown(TEXT).html
    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"m{seed}-{n}@example.org", display_name=f"Membre {n}", password=password)
        for n in range(USERS)
    )
    recs = _recommendations(_dossiers(dossiers, seed), per_dossier, html)
    _histories(recs, users[0], rng)
    return _contributions(recs, users, reports, comments, html, rng)


def _dossiers(count: int, seed: int) -> list[Any]:
    """Published dossiers, each with two of six themes and one of four regions."""
    from dossiers.models import Dossier, Region, Theme

    themes = [Theme.objects.get_or_create(slug=f"t{n}", name=f"Thème {n}")[0] for n in range(6)]
    regions = [Region.objects.get_or_create(slug=f"r{n}", name=f"Région {n}")[0] for n in range(4)]
    made = Dossier.objects.bulk_create(
        Dossier(
            title=f"Dossier {seed}-{n}",
            slug=f"d{seed}-{n}",
            summary=TEXT,
            status="published",
            period_start=2000 + n % 10,
            period_end=2010 + n % 10,
        )
        for n in range(count)
    )
    for n, dossier in enumerate(made):
        dossier.themes.add(themes[n % 6], themes[(n + 1) % 6])
        dossier.regions.add(regions[n % 4])
    return made


def _recommendations(dossiers: list[Any], per_dossier: int, html: str) -> list[Any]:
    from dossiers.models import Recommendation

    return Recommendation.objects.bulk_create(
        Recommendation(
            dossier=d,
            order=o,
            title=f"Recommandation {o} de {d.title}",
            body=TEXT,
            body_html=html,
            body_text=TEXT,
        )
        for d in dossiers
        for o in range(1, per_dossier + 1)
    )


def _histories(recs: list[Any], curator: Any, rng: random.Random) -> None:
    """A status change on every third recommendation."""
    from learning.models import FollowUp, Status, StatusChange

    statuses = [Status.DISCUSSED, Status.ADOPTED, Status.IMPLEMENTED]
    StatusChange.objects.bulk_create(
        StatusChange(
            recommendation=r, previous="proposed", status=rng.choice(statuses), changed_by=curator
        )
        for r in recs[::3]
    )
    FollowUp.objects.bulk_create(
        FollowUp(recommendation=r, status=Status.DISCUSSED) for r in recs[::3]
    )


def _contributions(
    recs: list[Any], users: list[Any], reports: int, comments: int, html: str, rng: random.Random
) -> int:
    """Field reports, and comments half on them, half on the recommendations; the first
    recommendation is the busiest, so its page is measured at its worst."""
    from discussions.models import Comment
    from learning.models import FieldReport

    outcomes = [value for value, _label in FieldReport.Outcome.choices]
    targets = [recs[0]] * min(reports, 100)
    targets += [rng.choice(recs) for _ in range(reports - len(targets))]
    made = FieldReport.objects.bulk_create(
        FieldReport(
            recommendation=r,
            dossier_id=r.dossier_id,
            author=rng.choice(users),
            title="Un essai",
            year_start=2020,
            body=TEXT,
            body_html=html,
            outcome=rng.choice(outcomes),
        )
        for r in targets
    )
    on_recs = [targets[0]] * min(comments // 2, 200)
    on_recs += [rng.choice(recs) for _ in range(comments // 2 - len(on_recs))]
    on_reports = [rng.choice(made) for _ in range(comments - len(on_recs))]
    Comment.objects.bulk_create(
        [
            *(
                Comment(
                    dossier_id=report.dossier_id,
                    field_report=report,
                    body=TEXT,
                    body_html=html,
                    author=rng.choice(users),
                )
                for report in on_reports
            ),
            *(
                Comment(
                    dossier_id=rec.dossier_id,
                    recommendation=rec,
                    body=TEXT,
                    body_html=html,
                    author=rng.choice(users),
                )
                for rec in on_recs
            ),
        ],
        batch_size=2000,
    )
    return targets[0].pk


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


def pages(busiest: int) -> dict[str, str]:
    from django.urls import reverse

    return {
        "overview": reverse("learning:overview"),
        "overview, one theme": reverse("learning:overview") + "?theme=t1&sort=status",
        "theme page": reverse("learning:theme", args=["t1"]),
        "region page": reverse("learning:region", args=["r0"]),
        "recommendation page": reverse("learning:recommendation", args=[busiest]),
    }


def csv_time(client: Client) -> tuple[float, int]:
    from django.urls import reverse

    def download() -> int:
        response = client.get(reverse("learning:overview-csv"))
        return sum(1 for _line in response.streaming_content)

    lines = download()
    return median(timed(download, 5)), lines - 1


def main() -> None:
    from django.test import Client

    from accounts.models import User

    client = Client()
    busiest = build(dossiers=1, per_dossier=1, reports=1, comments=2, seed=1)
    client.force_login(User.objects.first())
    small: dict[str, Any] = {name: measure(client, url) for name, url in pages(busiest).items()}
    # The full site beside the small one (the overview and CSV then hold 1,001 rows).
    busiest = build(dossiers=100, per_dossier=10, reports=5_000, comments=20_000, seed=2)
    for name, url in pages(busiest).items():
        ms, count = measure(client, url)
        print(
            f"{name:<22} {ms:7.1f} ms median, {count:>2} queries"
            f"  (one-dossier site: {small[name][1]:>2} queries)",
            flush=True,
        )
    ms, rows = csv_time(client)
    print(f"{'CSV export':<22} {ms:7.1f} ms median for {rows} recommendations", flush=True)


if __name__ == "__main__":
    run_on_each_database(main)
