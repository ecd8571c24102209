"""The annotation API answers JSON to what it refuses before its view runs: an anonymous
call (401, not a redirect to the HTML login page), a body over the size limit (413) and a
missing CSRF token (403)."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Annotation
from tests.factories import AnnotationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def annotation(alice, dossier):
    return AnnotationFactory(author=alice, dossier=dossier)


def api_urls(annotation) -> list[str]:
    return [
        reverse("discussions:annotation-list") + f"?dossier={annotation.dossier_id}",
        reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk}),
        reverse("discussions:annotation-export", kwargs={"slug": annotation.dossier.slug}),
    ]


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH", "DELETE"])
def test_an_anonymous_call_gets_401_in_json_with_a_french_reason(annotation, method: str) -> None:
    for url in api_urls(annotation):
        response = Client().generic(method, url, "{}", content_type="application/json")
        assert response.status_code == 401, (method, url)
        assert response["Content-Type"].startswith("application/json")
        assert "Connectez-vous" in response.json()["error"]


def test_an_anonymous_call_changes_nothing(annotation) -> None:
    url = reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk})
    Client().delete(url)
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_html_pages_still_send_anonymous_visitors_to_the_login_page(dossier) -> None:
    response = Client().get(dossier.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_body_over_the_size_limit_gets_413_in_json(settings, alice_client, annotation) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    note = "x" * 2000
    for method, url in [
        ("post", reverse("discussions:annotation-list")),
        ("patch", reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk})),
    ]:
        response = getattr(alice_client, method)(
            url, json.dumps({"note": note}), content_type="application/json"
        )
        assert response.status_code == 413, (method, url)
        assert response["Content-Type"].startswith("application/json")
        assert "trop volumineuse" in response.json()["error"]
    assert Annotation.objects.get(pk=annotation.pk).body == "Une note."
    assert Annotation.objects.count() == 1


def test_a_call_without_its_csrf_token_gets_403_in_json(alice, annotation) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    url = reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk})
    response = client.patch(
        url, json.dumps({"note": "Sans jeton"}), content_type="application/json"
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/json")
    assert "jeton" in response.json()["error"]


def test_a_form_without_its_csrf_token_still_gets_the_french_page(alice, dossier) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("discussions:follow", kwargs={"slug": dossier.slug}))
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
