"""Headers every answer of the application carries: not stored by any cache (members' pages,
API answers, and the anonymous account pages alike), a Permissions-Policy, and a language
cookie that is SameSite=Lax and HttpOnly (Secure in production, see tests/test_settings.py).
Static files keep whitenoise's caching."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_a_member_page_is_private_and_not_stored(alice_client, dossier) -> None:
    response = alice_client.get(dossier.get_absolute_url())
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_an_api_answer_is_private_and_not_stored(alice_client, dossier) -> None:
    response = alice_client.get(reverse("discussions:annotation-list"), {"dossier": dossier.pk})
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_the_original_pdf_is_private_and_not_stored(settings, tmp_path, alice_client) -> None:
    settings.MEDIA_ROOT = tmp_path
    dossier = DossierFactory(slug="avec-pdf")
    dossier.original_file.save("rapport.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    response = alice_client.get(reverse("dossiers:original", args=[dossier.slug]))
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_the_anonymous_login_page_is_not_stored_either() -> None:
    """It carries a CSRF token; the reset pages carry a key in their address."""
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


def test_an_error_page_before_authentication_is_not_stored() -> None:
    response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "no-store" in directives(response)


def test_static_files_keep_their_cache_headers(settings) -> None:
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert "no-store" not in directives(response)
    assert "Permissions-Policy" not in response


def test_every_page_refuses_the_browser_features_it_never_uses(alice_client, dossier) -> None:
    for response in [
        alice_client.get(dossier.get_absolute_url()),
        Client().get("/accounts/login/"),
        alice_client.get(reverse("discussions:annotation-list"), {"dossier": dossier.pk}),
    ]:
        policy = response["Permissions-Policy"]
        for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"]:
            assert feature in policy


def test_the_language_cookie_is_same_site_lax_and_http_only() -> None:
    response = Client().post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
