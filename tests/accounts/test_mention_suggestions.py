"""The colleagues offered for an @mention: GET /membres/suggestions/?q=… (static/js/mentions.js)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.views import SUGGESTIONS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("accounts:member-suggestions")


def suggested(client: Client, query: str) -> list[str]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [member["name"] for member in response.json()["members"]]


def test_it_offers_active_colleagues_whose_name_or_a_word_of_it_starts_so(
    alice_client, alice, bob
) -> None:
    UserFactory(display_name="Awa Diallo")
    UserFactory(display_name="Awa Partie", is_active=False)
    UserFactory(display_name="", email="awa.sans.nom@example.org")
    UserFactory(display_name="Kawa Sans")  # "aw" inside a word is no start

    assert suggested(alice_client, "aw") == ["Awa Diallo"]
    assert suggested(alice_client, "Dia") == ["Awa Diallo"]
    assert suggested(alice_client, "awa  d") == ["Awa Diallo"]
    assert suggested(alice_client, "Bo") == ["Bob Leroy"]
    assert suggested(alice_client, "Alice") == []  # not oneself
    assert suggested(alice_client, "") == []


def test_an_answer_names_profiles_and_never_an_address(alice_client, bob) -> None:
    bob.job_title = "Chargé de mission Sahel"
    bob.save(update_fields=["job_title"])
    data = alice_client.get(URL, {"q": "bob"}).json()
    assert data["members"] == [
        {
            "id": bob.pk,
            "name": "Bob Leroy",
            "job_title": "Chargé de mission Sahel",
            "url": reverse("accounts:member", kwargs={"pk": bob.pk}),
        }
    ]
    assert data["status"] == "1 collègue : choisissez avec les flèches, insérez avec Entrée."
    assert data["label"] == "Collègues à mentionner"
    assert "@" not in str(data) and "example.org" not in str(data)
    assert alice_client.get(URL, {"q": "zzz"}).json()["status"] == "Aucun collègue de ce nom."


def test_at_most_ten_in_one_bounded_query_whatever_the_number_of_matches(alice_client) -> None:
    def count_queries() -> tuple[int, list[str]]:
        alice_client.get(URL, {"q": "Ber"})
        with CaptureQueriesContext(connection) as queries:
            names = suggested(alice_client, "Ber")
        return len(queries), names

    UserFactory(display_name="Bernard 0")
    one, names = count_queries()
    assert names == ["Bernard 0"]
    for n in range(1, 40):
        UserFactory(display_name=f"Bernard {n}")
    many, names = count_queries()
    assert len(names) == SUGGESTIONS == 10
    assert many == one


def test_a_long_query_is_cut_not_refused(alice_client) -> None:
    assert suggested(alice_client, "x" * 5000) == []


def test_anonymous_visitors_get_no_suggestion(alice) -> None:
    response = Client().get(URL, {"q": "Al"})
    assert response.status_code in (302, 401)
    assert b"Alice" not in response.content


def test_only_get_is_answered(alice_client) -> None:
    assert alice_client.post(URL, {"q": "Al"}).status_code == 405
