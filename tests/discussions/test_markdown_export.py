"""The export a person can read: a dossier's annotations and discussions as Markdown."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussions.models import Annotation, Comment
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    QuestionFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def counted_get(client, url: str) -> tuple[HttpResponse, int]:
    """The response and its query count, after a first request that fills the caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def export_url(dossier) -> str:
    return reverse("discussions:dossier-export", args=[dossier.slug])


def test_the_dossier_page_shows_a_link_to_the_export(alice_client, dossier) -> None:
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert f'href="{export_url(dossier)}" download>Exporter les annotations</a>' in html


def test_the_export_is_a_markdown_file_to_download_with_french_headings(
    alice, bob, alice_client, dossier
) -> None:
    case = CaseStudyFactory(dossier=dossier, title="Le Sahel")
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    AnnotationFactory(
        dossier=dossier, author=alice, exact="Pratiques", body="Lesquelles ?", tags=["genre"]
    )
    on_case = AnnotationFactory(case_study=case, author=bob, body="Un bon exemple.")
    CommentFactory(
        dossier=dossier, annotation=on_case, author=alice, body="D’accord.\n\n# Pas un titre"
    )
    asked = CommentFactory(dossier=dossier, question=question, author=bob, body="Celui-ci.")
    CommentFactory(dossier=dossier, question=question, author=alice, parent=asked, body="Oui.")
    CommentFactory(dossier=dossier, author=alice, body="Merci pour ce dossier.")

    response = alice_client.get(export_url(dossier))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{dossier.slug}-annotations.md"'
    )
    text = response.content.decode()
    assert text.startswith("# Annotations et discussions : « Accompagner les sociétés civiles »")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Le texte du dossier",
        "## Étude de cas : Le Sahel",
        "## Question : Quel plaidoyer mener ?",
        "## Discussion du dossier",
    ]
    assert "#### 1. « Pratiques »" in text
    assert "Mots-clés : genre" in text
    assert "> Lesquelles ?" in text
    # A reply under its annotation, its text quoted so that "#" makes no heading.
    assert "- **Alice Martin**, " in text
    assert "  > # Pas un titre" in text
    # A reply nested under the message it answers.
    assert text.index("- **Bob Leroy**") < text.index("  - **Alice Martin**")
    assert "  > Oui." in text
    assert "> Merci pour ce dossier." in text


def test_it_holds_only_what_the_reader_may_read_and_no_email_address(
    alice, bob, alice_client, dossier
) -> None:
    AnnotationFactory(
        dossier=dossier, author=alice, visibility=Annotation.Visibility.PRIVATE, body="Pour moi."
    )
    secret = AnnotationFactory(
        dossier=dossier,
        author=bob,
        exact="Pratiques",
        visibility=Annotation.Visibility.PRIVATE,
        body="La note privée de Bob.",
    )
    CommentFactory(dossier=dossier, annotation=secret, author=bob, body="Bob se répond.")
    AnnotationFactory(dossier=dossier, author=bob, exact="Contexte", hidden=True, body="Masquée.")
    shown = CommentFactory(dossier=dossier, author=bob, body="Un message visible.")
    CommentFactory(
        dossier=dossier,
        author=bob,
        parent=shown,
        state=Comment.State.HIDDEN,
        body="Une réponse masquée.",
    )
    withdrawn = CommentFactory(
        dossier=dossier, author=bob, state=Comment.State.DELETED, body="Un message retiré."
    )
    CommentFactory(dossier=dossier, author=alice, parent=withdrawn, body="Sa réponse reste.")

    text = alice_client.get(export_url(dossier)).content.decode()

    assert "> Pour moi." in text and "note privée" in text
    assert "Un message visible." in text and "Sa réponse reste." in text
    for hidden in [
        "La note privée de Bob.",
        "Bob se répond.",
        "Masquée.",
        "Une réponse masquée.",
        "Un message retiré.",
    ]:
        assert hidden not in text
    assert "@" not in text.replace("@example.org", "@@")  # no address, not even in part
    assert "example.org" not in text


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 302), ("member", 404), ("curator", 200), ("moderator", 404)],
)
def test_a_drafts_export_is_for_those_who_may_read_the_draft(
    draft, bob, carol, mo, persona, expected
) -> None:
    people = {"anonymous": None, "member": bob, "curator": carol, "moderator": mo}
    response = client_for(people[persona]).get(export_url(draft))
    assert response.status_code == expected
    if expected == 302:
        assert "/accounts/login/" in response["Location"]


def test_the_export_makes_as_many_queries_for_many_contributions_as_for_one(
    alice, bob, alice_client, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)

    def add_some() -> None:
        note = AnnotationFactory(recommendation=recommendation, author=bob, tags=["eau"])
        CommentFactory(dossier=dossier, annotation=note, author=alice)
        root = CommentFactory(dossier=dossier, recommendation=recommendation, author=bob)
        CommentFactory(dossier=dossier, recommendation=recommendation, parent=root)

    add_some()
    _response, one = counted_get(alice_client, export_url(dossier))
    for _ in range(5):
        add_some()
    response, many = counted_get(alice_client, export_url(dossier))
    assert response.content.decode().count("#### ") == 6
    assert many == one
