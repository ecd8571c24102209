"""Posting limits per member: messages, annotations and reports, counted by allauth's limiter
(ACCOUNT_RATE_LIMITS "comment", "annotation", "flag"); over the limit, a French 429 and
nothing stored. The limits here are lowered to 2 a minute so the tests post little."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from ccfd_community import settings as project_settings
from discussions.models import Annotation, Comment, Flag
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory, DossierFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("discussions:comment-create")
HTMX = {"HTTP_HX_REQUEST": "true"}
LIMITED = "Vous avez beaucoup publié en peu de temps"
BODY = "## Contexte\n\nLes chargés de mission accompagnent les partenaires du Sud.\n"


@pytest.fixture(autouse=True)
def two_a_minute(settings) -> None:
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "comment": "2/m/user",
        "annotation": "2/m/user",
        "flag": "2/m/user",
    }


def comment(client, dossier, body: str, **extra):
    return client.post(CREATE, {"kind": "dossier", "pk": dossier.pk, "body": body}, **extra)


def test_the_third_message_in_a_minute_gets_a_french_429_and_is_not_stored(
    alice_client, dossier
) -> None:
    assert comment(alice_client, dossier, "Un").status_code == 302
    assert comment(alice_client, dossier, "Deux").status_code == 302
    response = comment(alice_client, dossier, "Trois")
    assert response.status_code == 429
    html = response.content.decode()
    assert LIMITED in html
    assert "Trois" in html  # the text typed is kept in the form
    assert Comment.objects.count() == 2


def test_with_htmx_the_refusal_shows_in_place_of_the_form(alice_client, dossier) -> None:
    comment(alice_client, dossier, "Un")
    comment(alice_client, dossier, "Deux")
    response = comment(alice_client, dossier, "Trois", **HTMX)
    # htmx swaps only 2xx answers: the form comes back with its error, in place.
    assert response.status_code == 200
    assert response["HX-Reswap"] == "outerHTML"
    assert LIMITED in response.content.decode()
    assert Comment.objects.count() == 2


def test_replies_count_with_messages(alice_client, bob, dossier) -> None:
    parent = CommentFactory(dossier=dossier, author=bob)
    comment(alice_client, dossier, "Un")
    comment(alice_client, dossier, "Deux")
    response = alice_client.post(
        CREATE, {"kind": "dossier", "pk": dossier.pk, "body": "Trois", "parent": parent.pk}
    )
    assert response.status_code == 429


def test_each_member_has_their_own_limit(alice_client, bob_client, dossier) -> None:
    comment(alice_client, dossier, "Un")
    comment(alice_client, dossier, "Deux")
    assert comment(bob_client, dossier, "Moi aussi").status_code == 302


def test_the_third_annotation_in_a_minute_gets_a_429_in_json(alice_client) -> None:
    text = DossierFactory(body=BODY, slug="texte")
    passage = "accompagnent"
    start = text.body_text.index(passage)
    payload = {
        "target": f"dossier:{text.pk}",
        "exact": passage,
        "start": start,
        "end": start + len(passage),
        "note": "À retenir",
    }
    url = reverse("discussions:annotation-list")
    for _ in range(2):
        response = alice_client.post(url, json.dumps(payload), content_type="application/json")
        assert response.status_code == 201
    response = alice_client.post(url, json.dumps(payload), content_type="application/json")
    assert response.status_code == 429
    assert LIMITED in response.json()["error"]
    assert Annotation.objects.count() == 2


def test_the_third_report_in_a_minute_gets_a_french_429(bob_client, alice, dossier) -> None:
    comments = [CommentFactory(dossier=dossier, author=alice) for _ in range(3)]
    for reported in comments[:2]:
        url = reverse("discussions:comment-flag", args=[reported.pk])
        assert bob_client.post(url, {"reason": "other"}).status_code == 302
    response = bob_client.post(
        reverse("discussions:comment-flag", args=[comments[2].pk]), {"reason": "other"}
    )
    assert response.status_code == 429
    assert LIMITED in response.content.decode()
    assert Flag.objects.count() == 2


def test_reports_of_annotations_count_with_reports_of_messages(bob_client, alice, dossier) -> None:
    for reported in [CommentFactory(dossier=dossier, author=alice) for _ in range(2)]:
        bob_client.post(
            reverse("discussions:comment-flag", args=[reported.pk]), {"reason": "other"}
        )
    annotation = AnnotationFactory(author=alice, dossier=dossier)
    response = bob_client.post(
        reverse("discussions:annotation-flag", args=[annotation.pk]), {"reason": "other"}
    )
    assert response.status_code == 429
    assert LIMITED in response.content.decode()
    assert Flag.objects.count() == 2


def test_the_default_limits_let_a_member_post_ten_messages_a_minute(
    settings, alice_client, dossier
) -> None:
    defaults = project_settings.ACCOUNT_RATE_LIMITS
    assert {"comment", "annotation", "flag"} <= defaults.keys()
    settings.ACCOUNT_RATE_LIMITS = defaults
    for n in range(10):
        assert comment(alice_client, dossier, f"Message {n}").status_code == 302
    assert comment(alice_client, dossier, "Un de trop").status_code == 429
