"""A message found by search says who wrote it and what it answers."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discussions.models import Comment
from tests.discussions.factories import CommentFactory
from tests.factories import QuestionFactory, RecommendationFactory
from tests.search.conftest import results

pytestmark = pytest.mark.django_db


def titles(client, q: str) -> list[str]:
    found = results(client, q=q, kind="comment").content.decode()
    return [
        part.split("</a></h2>")[0].split(">")[-1]
        for part in found.split('<h2 class="search-hit__title">')[1:]
    ]


def test_a_message_names_its_author_and_the_part_it_was_written_on(
    alice, bob, alice_client, dossier
) -> None:
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    recommendation = RecommendationFactory(dossier=dossier, title="Sécuriser les semences")
    asked = CommentFactory(dossier=dossier, question=question, author=bob, body="Un plaidoyer.")
    CommentFactory(
        dossier=dossier, question=question, author=alice, parent=asked, body="Quel plaidoyer ?"
    )
    CommentFactory(
        dossier=dossier, recommendation=recommendation, author=bob, body="Le plaidoyer d’abord."
    )
    CommentFactory(dossier=dossier, author=bob, body="Du plaidoyer ici.")

    assert sorted(titles(alice_client, "plaidoyer")) == sorted(
        [
            "Bob Leroy sur la question « Quel plaidoyer mener ? »",
            "Alice Martin, en réponse à Bob Leroy, sur la question « Quel plaidoyer mener ? »",
            "Bob Leroy sur la recommandation « Sécuriser les semences »",
            "Bob Leroy sur le dossier « Accompagner les sociétés civiles »",
        ]
    )


def test_a_reply_to_a_hidden_message_does_not_name_its_author(
    alice, bob, alice_client, dossier
) -> None:
    hidden = CommentFactory(dossier=dossier, author=bob, body="Masqué.")
    Comment.objects.filter(pk=hidden.pk).update(state=Comment.State.HIDDEN)
    CommentFactory(dossier=dossier, author=alice, parent=hidden, body="Une réponse sur la jachère.")
    assert titles(alice_client, "jachère") == [
        "Alice Martin sur le dossier « Accompagner les sociétés civiles »"
    ]


def test_naming_the_authors_costs_the_same_queries_whatever_the_number_of_messages(
    bob, alice_client, dossier
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            results(alice_client, q="semences")
        return len(captured)

    recommendation = RecommendationFactory(dossier=dossier, title="Autre titre")
    CommentFactory(dossier=dossier, recommendation=recommendation, author=bob, body="Semences.")
    queries()
    one = queries()
    for _ in range(10):
        parent = CommentFactory(dossier=dossier, body="Des semences.")
        CommentFactory(dossier=dossier, parent=parent, body="Encore des semences.")
    assert queries() == one
