"""Error pages render for requests that never reached authentication.

A request refused before AuthenticationMiddleware ran (a Host header outside ALLOWED_HOSTS
is refused by CommonMiddleware) has no `request.user`; its error page must not need one.
"""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import page_not_found, permission_denied

pytestmark = pytest.mark.django_db


def test_a_host_outside_allowed_hosts_gets_the_french_400_page(settings) -> None:
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Requête incorrecte" in html
    # The header of an anonymous page: no member menu, no notification counter.
    assert "Se déconnecter" not in html


def test_a_bad_host_on_a_member_only_url_still_answers_400(settings, alice_client) -> None:
    settings.DEBUG = False
    alice_client.raise_request_exception = False
    response = alice_client.get("/discussions/notifications/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()


@pytest.mark.parametrize(
    ("view", "status", "text"),
    [(page_not_found, 404, "Page introuvable"), (permission_denied, 403, "Accès refusé")],
)
def test_the_error_pages_render_without_a_user(view, status: int, text: str) -> None:
    request = RequestFactory().get("/")  # no middleware ran: no request.user
    response = view(request, Exception())
    assert response.status_code == status
    assert text in response.content.decode()


def test_a_bad_host_answers_400_in_development_too(settings) -> None:
    settings.DEBUG = True
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_too_many_requests_to_an_account_page_get_a_french_429_page(settings) -> None:
    """allauth's own limits (logins, sign-ups, resets) answer with the 429.html template."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    client = Client()
    client.post("/accounts/login/", {"login": "x@example.org", "password": "mauvais"})
    response = client.post("/accounts/login/", {"login": "x@example.org", "password": "mauvais"})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Trop de requêtes" in html


def test_a_missing_dossier_shows_the_french_404_page_in_development(settings, alice_client) -> None:
    settings.DEBUG = True
    response = alice_client.get("/dossiers/nexiste-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "URLconf" not in html and "Page not found" not in html


def test_an_unknown_address_shows_the_french_404_page_in_development(
    settings, alice_client
) -> None:
    settings.DEBUG = True
    response = alice_client.get("/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "URLconf" not in html


def test_the_technical_404_page_stays_available_to_developers(settings, alice_client) -> None:
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_404 = True
    response = alice_client.get("/nulle-part/")
    assert response.status_code == 404
    assert "URLconf" in response.content.decode()
