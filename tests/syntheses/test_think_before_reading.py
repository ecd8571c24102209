"""« Réfléchir avant de lire »: the synthesis of a question whose answers are hidden from a
member tells what they say, so it is hidden like them (its page, its dossier's page, the
export, the digest's query) until the member answers; its authors and curators read it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Comment
from discussions.services import comment_create
from questions.models import CrossQuestion, GroupedQuestion
from syntheses.models import Synthesis
from syntheses.services import synthesis_save

pytestmark = pytest.mark.django_db

SECRET = "Zanzibarite"


@pytest.fixture
def hidden(carol: Any, question: Any, answers: list[Comment]) -> Synthesis:
    cross = CrossQuestion.objects.create(wording="Quel plaidoyer ?", slug="q", reflect_first=True)
    GroupedQuestion.objects.create(cross_question=cross, question=question, order=1)
    return synthesis_save(writer=carol, target=question, body=f"{SECRET} [[c:{answers[1].pk}]]")


def test_a_member_who_has_not_answered_does_not_read_it(hidden: Synthesis, dossier: Any) -> None:
    from accounts.models import User
    from tests.conftest import client_for
    from tests.factories import UserFactory

    newcomer: User = UserFactory()
    client: Client = client_for(newcomer)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert SECRET not in client.get(dossier.get_absolute_url()).content.decode()
    export = reverse("discussions:annotation-export", kwargs={"slug": dossier.slug})
    assert SECRET not in client.get(export).content.decode()
    assert not Synthesis.objects.readable_by(newcomer).exists()

    comment_create(author=newcomer, target=hidden.question, body="Ma réponse.")
    assert client.get(hidden.get_absolute_url()).status_code == 200
    assert SECRET in client.get(dossier.get_absolute_url()).content.decode()


def test_those_who_answered_and_curators_read_it(
    hidden: Synthesis, alice_client: Client, carol_client: Client
) -> None:
    assert SECRET in alice_client.get(hidden.get_absolute_url()).content.decode()
    assert SECRET in carol_client.get(hidden.get_absolute_url()).content.decode()
