"""Syntheses in the admin: a curator lists and edits one through the writing page's checks
and service (its citations rebuilt, the newly cited told); no one adds one there."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Comment, Notification
from syntheses.models import Synthesis
from syntheses.services import synthesis_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def synthesis(carol: Any, question: Any, answers: list[Comment]) -> Synthesis:
    return synthesis_save(writer=carol, target=question, body=f"[[c:{answers[0].pk}]]")


def test_a_curator_edits_a_synthesis_in_the_admin_through_the_same_checks(
    carol_client: Client, synthesis: Synthesis, answers: list[Comment]
) -> None:
    url = reverse("admin:syntheses_synthesis_change", args=[synthesis.pk])
    assert carol_client.get(reverse("admin:syntheses_synthesis_changelist")).status_code == 200
    assert carol_client.get(url).status_code == 200

    refused = carol_client.post(url, {"body": "[[c:999999]]"})
    assert refused.status_code == 200
    assert "aucun message à ce numéro" in refused.content.decode()
    assert Synthesis.objects.get().body == f"[[c:{answers[0].pk}]]"

    both = f"[[c:{answers[0].pk}]] [[c:{answers[1].pk}]]"
    assert carol_client.post(url, {"body": both}).status_code == 302
    synthesis.refresh_from_db()
    assert synthesis.body == both and synthesis.citations.count() == 2
    assert Notification.objects.filter(
        kind=Notification.Kind.CITED, recipient=answers[1].author
    ).exists()


def test_no_one_adds_a_synthesis_in_the_admin(carol_client: Client) -> None:
    assert carol_client.get(reverse("admin:syntheses_synthesis_add")).status_code == 403


def test_a_member_has_no_synthesis_admin(alice_client: Client, synthesis: Synthesis) -> None:
    url = reverse("admin:syntheses_synthesis_change", args=[synthesis.pk])
    assert alice_client.get(url).status_code == 302  # to the admin's login
