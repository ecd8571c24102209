"""The issue's "done when", without JavaScript: a member comments on a recommendation, a
curator replies, the member sees the notification, edits, deletes, and the reply stays."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Comment
from tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def test_a_member_and_a_curator_discuss_a_recommendation(
    alice_client, carol_client, alice, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier, title="Alléger les portefeuilles")

    page = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert f'id="thread-recommandation-{recommendation.pk}"' in page
    response = alice_client.post(
        reverse("discussions:comment-create"),
        {"kind": "recommandation", "pk": recommendation.pk, "body": "Avec quels critères ?"},
        follow=True,
    )
    question = Comment.objects.get()
    assert "Avec quels critères ?" in response.content.decode()

    reply_form = carol_client.get(reverse("discussions:comment-reply", args=[question.pk]))
    assert reply_form.status_code == 200
    carol_client.post(
        reverse("discussions:comment-create"),
        {
            "kind": "recommandation",
            "pk": recommendation.pk,
            "parent": question.pk,
            "body": "Trois questions simples à mi-parcours.",
        },
    )
    answer = Comment.objects.get(parent=question)

    home = alice_client.get(reverse("dossiers:home")).content.decode()
    assert '<span class="counter">1' in home
    notifications = alice_client.get(reverse("discussions:notifications")).content.decode()
    assert "Carol Curatrice vous a répondu" in notifications

    alice_client.post(
        reverse("discussions:comment-edit", args=[question.pk]),
        {"body": "Avec quels critères partagés ?"},
    )
    page = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert "Avec quels critères partagés ?" in page and "modifié le" in page

    alice_client.post(reverse("discussions:comment-delete", args=[question.pk]))
    page = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert "Message supprimé par son auteur" in page
    assert "Avec quels critères" not in page
    assert f'id="comment-{answer.pk}"' in page and "Trois questions simples" in page
