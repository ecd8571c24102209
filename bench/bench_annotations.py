"""Annotations at scale: a dossier with 300 annotations (and replies) on a 10,000-word body.

Prints, on SQLite and PostgreSQL:
- the dossier page's query count with 1 annotation and with 300 (budget: equal);
- the median server time of the one request that lists the page's annotations (budget:
  50 ms), and its query count;
- the time to re-anchor the 300 annotations after an edit of the body (budget: 1 s), and
  what became of them.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, percentile, run_on_each_database, timed  # noqa: E402

if TYPE_CHECKING:
    from django.test import Client

    from accounts.models import User
    from discussions.models import Annotation
    from dossiers.models import Dossier

WORDS = 10_000
ANNOTATIONS = 300


def french_body(rng: random.Random) -> str:
    from faker import Faker

    fake = Faker("fr_FR")
    fake.seed_instance(rng.randint(0, 10**6))
    paragraphs, count, section = [], 0, 1
    while count < WORDS:
        if len(paragraphs) % 8 == 0:
            paragraphs.append(f"## Partie {section} : {fake.sentence(nb_words=4)}")
            section += 1
        paragraph = " ".join(fake.sentence(nb_words=rng.randint(8, 20)) for _ in range(5))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def passages(text: str, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """`count` passages of 3 to 12 words, starting and ending on word boundaries."""
    starts = [i + 1 for i, c in enumerate(text) if c == " "]
    found = []
    for start in rng.sample(starts, count * 2):
        if len(found) == count:
            break
        end = start
        for _ in range(rng.randint(3, 12)):
            next_space = text.find(" ", end + 1)
            if next_space == -1 or "\n" in text[end:next_space]:
                break
            end = next_space
        if end > start:
            found.append((start, end))
    return found


def annotate(authors: list[User], dossier: Dossier, start: int, end: int, n: int) -> Annotation:
    from discussions.anchoring import Selector
    from discussions.annotation_services import annotation_create

    return annotation_create(
        author=authors[n % len(authors)],
        body=dossier,
        selector=Selector(exact=dossier.body_text[start:end], start=start, end=end),
        note=f"Note {n} : *à discuter* avec les partenaires.",
        visibility="private" if n % 7 == 0 else "shared",
        tags=["plaidoyer"] if n % 3 == 0 else [],
    )


def build(rng: random.Random) -> tuple[list[User], Dossier, Dossier, list[tuple[int, int]]]:
    """Ten authors, a dossier with one annotation and one with 300 (and their replies), and
    the passages annotated on the second."""
    from discussions.models import Comment
    from tests.factories import DossierFactory, UserFactory

    authors = [UserFactory() for _ in range(10)]
    small = DossierFactory(body=french_body(rng))
    large = DossierFactory(body=small.body)
    spans = passages(large.body_text, rng, ANNOTATIONS)
    annotate(authors, small, *spans[0], 0)
    for n, (start, end) in enumerate(spans):
        annotation = annotate(authors, large, start, end, n)
        for r in range(n % 3):
            Comment.objects.create(
                dossier=large, annotation=annotation, author=authors[r], body=f"Réponse {r}."
            )
    return authors, small, large, spans


def print_dossier(large: Dossier) -> None:
    from discussions.models import Comment

    words = len(large.body.split())
    replies = Comment.objects.filter(annotation__dossier=large).count()
    print(
        f"dossier: {words} words, {len(large.body_text)} characters, "
        f"{large.annotations.count()} annotations, {replies} replies"
    )


def page_queries(client: Client, dossier: Dossier) -> int:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # DEBUG keeps a log of 9,000 queries, full after the setup
    with CaptureQueriesContext(connection) as queries:
        assert client.get(dossier.get_absolute_url()).status_code == 200
    return len(queries)


def measure_page(client: Client, small: Dossier, large: Dossier) -> None:
    page_queries(client, small)
    one, many = page_queries(client, small), page_queries(client, large)
    verdict = "equal" if one == many else "DIFFERENT"
    print(f"page queries: 1 annotation {one}, {ANNOTATIONS} annotations {many} ({verdict})")


def measure_list(client: Client, large: Dossier) -> None:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    list_url = reverse("discussions:annotation-list") + f"?dossier={large.pk}"
    response = client.get(list_url)
    listed = len(response.json()["annotations"])
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(list_url)
    times = timed(lambda: client.get(list_url), repeat=30)
    # CPU time of this process too: wall time swings when other jobs share the machine.
    cpu = []
    for _ in range(30):
        start = time.process_time()
        client.get(list_url)
        cpu.append((time.process_time() - start) * 1000)
    print(
        f"list request ({listed} annotations, {len(response.content) // 1024} KiB, "
        f"{len(queries)} queries): median {median(times):.1f} ms, "
        f"p90 {percentile(times, 90):.1f} ms, median CPU {median(cpu):.1f} ms (budget 50 ms)"
    )


def edited_body(large: Dossier, spans: list[tuple[int, int]]) -> str:
    """The curator's edit: a paragraph inserted near the top, a few words changed in the
    middle, one passage removed near the end."""
    text = large.body
    middle = text.index(" ", len(text) // 2)
    doomed_start, doomed_end = spans[-1]
    doomed = large.body_text[doomed_start:doomed_end]
    return (
        "Un paragraphe ajouté par la curatrice avant tout le reste. 🌍\n\n"
        + text[:middle]
        + " (précision ajoutée)"
        + text[middle:]
    ).replace(doomed, "", 1)


def measure_reanchoring(large: Dossier, spans: list[tuple[int, int]]) -> None:
    from django.db.models.signals import post_save

    from discussions import receivers
    from discussions.reanchoring import annotation_reanchor
    from dossiers.models import Dossier

    edited = edited_body(large, spans)
    # Save the body with re-anchoring switched off, so that it is timed alone below.
    post_save.disconnect(sender=Dossier, dispatch_uid="discussions.reanchor.Dossier")
    large.body = edited
    large.save()
    receivers.connect()
    start = time.perf_counter()
    result = annotation_reanchor(body=large)
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"re-anchoring {ANNOTATIONS} annotations after an edit: {elapsed:.0f} ms (budget 1000 ms)"
        f" — kept {result.kept}, moved {result.moved}, orphaned {len(result.orphaned)}"
    )
    large.body = edited + "\nUne dernière phrase.\n"
    start = time.perf_counter()
    large.save()
    elapsed = (time.perf_counter() - start) * 1000
    print(f"whole save of the body with its signals (re-anchoring included): {elapsed:.0f} ms")


def main() -> None:
    from django.test import Client

    authors, small, large, spans = build(random.Random(4))
    print_dossier(large)
    client = Client()
    client.force_login(authors[0])
    measure_page(client, small, large)
    measure_list(client, large)
    measure_reanchoring(large, spans)


if __name__ == "__main__":
    run_on_each_database(main)
