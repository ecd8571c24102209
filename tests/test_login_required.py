"""Anonymous requests to every named URL end at the login page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

pytestmark = pytest.mark.django_db

# Reachable without an account: the auth flows, the language switch, the health check,
# the unsubscribe link of digest emails (signed; a mail client posts it without a session).
PUBLIC_PREFIXES = ("/accounts/", "/i18n/", "/healthz", "/apprentissage/resume/desabonnement/")
# The views marked login_not_required outside allauth's /accounts/, each for a reason above.
LOGIN_EXEMPT = {"healthz", "admin:login", "set_language", "learning:digest-unsubscribe"}


def named_urls(resolver: URLResolver | None = None, namespace: str = "") -> list[str]:
    found: list[str] = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += named_urls(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append(f"{namespace}{pattern.name}")
    return found


def url_for(name: str) -> str | None:
    from django.urls import NoReverseMatch

    for kwargs in ({}, {"slug": "x"}, {"pk": 1}, {"object_id": 1}, {"app_label": "dossiers"}):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    for args in ((1,), ("x",), ("dossiers", "dossier"), ("dossiers", "dossier", 1)):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def test_every_named_url_sends_anonymous_visitors_to_login() -> None:
    """Pages redirect to the login page; views answering JSON answer 401 in JSON."""
    client = Client()
    checked = 0
    for name in named_urls():
        url = url_for(name)
        if url is None or url.startswith(PUBLIC_PREFIXES):
            continue
        if getattr(resolve(url.partition("?")[0]).func, "answers_json", False):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                assert response.status_code == 401, (name, url, method)
                assert response.json()["error"], (name, url)
            checked += 1
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url, follow=True)
            assert response.redirect_chain, (name, url, method, response.status_code)
            assert response.redirect_chain[-1][0].startswith("/accounts/login/"), (name, url)
        checked += 1
    assert checked >= 5


def exempt_views(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> set[tuple[str, str]]:
    """(route, name) of every view that answers without a login."""
    found: set[tuple[str, str]] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found |= exempt_views(pattern, route, ns)
        elif getattr(pattern.callback, "login_required", True) is False:
            found.add((route, f"{namespace}{pattern.name}"))
    return found


def test_only_the_known_views_answer_without_login() -> None:
    """A view newly marked login_not_required fails here until it is added to LOGIN_EXEMPT."""
    exempt = {name for route, name in exempt_views() if not route.startswith("accounts/")}
    assert exempt == LOGIN_EXEMPT


def test_the_admin_login_goes_through_allauth() -> None:
    response = Client().get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_login_page_is_french() -> None:
    response = Client().get("/accounts/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "Mot de passe" in html
