"""Personas and shared fixtures.

alice: member and author · bob: another member · carol: curator · mo: moderator.
"""

from __future__ import annotations

import factory.random
import pytest
from django.core.cache import cache
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from ccfd_community import write_generations
from tests.factories import DossierFactory, UserFactory


@pytest.fixture
def alice(db) -> User:
    return UserFactory(email="alice@example.org", display_name="Alice Martin")


@pytest.fixture
def bob(db) -> User:
    return UserFactory(email="bob@example.org", display_name="Bob Leroy")


@pytest.fixture
def carol(db) -> User:
    return UserFactory(
        email="carol@example.org", display_name="Carol Curatrice", is_staff=True, group="Curators"
    )


@pytest.fixture
def mo(db) -> User:
    return UserFactory(email="mo@example.org", display_name="Mo Modérateur", group="Moderators")


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice: User) -> Client:
    return client_for(alice)


@pytest.fixture
def bob_client(bob: User) -> Client:
    return client_for(bob)


@pytest.fixture
def carol_client(carol: User) -> Client:
    return client_for(carol)


@pytest.fixture
def mo_client(mo: User) -> Client:
    return client_for(mo)


@pytest.fixture
def dossier(db):
    return DossierFactory(title="Accompagner les sociétés civiles", slug="societes-civiles")


@pytest.fixture
def draft(db):
    return DossierFactory(title="Un brouillon", slug="brouillon", status="draft")


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    """Rate-limit counters (logins, posting) live in the cache, which outlives each test's
    database; on SQLite the next test's alice even has the same id."""
    cache.clear()


@pytest.fixture(autouse=True)
def same_fake_text(request) -> None:
    """Faker's words are seeded by the test's name: a test sees the same titles and summaries
    on every run, whatever ran before it. Unseeded, a dossier's random summary once held
    « risquer » and a search excluding « risqué » failed one CI run in many."""
    factory.random.reseed_random(request.node.nodeid)


@pytest.fixture(autouse=True)
def page_memo_on(settings, monkeypatch) -> None:
    """Production keeps members' pages in the page memo (ccfd_community/page_memo.py): every
    test that reads a page again after a change checks that no kept page outlived it.

    Query counts measure a page being built: a test that starts capturing queries
    (CaptureQueriesContext, and pytest-django's django_assert_*_queries through it) finds
    no page kept from before.
    """
    settings.PAGE_MEMO = True
    enter = CaptureQueriesContext.__enter__

    def entering(context: CaptureQueriesContext) -> CaptureQueriesContext:
        write_generations.renew_generation()
        return enter(context)

    monkeypatch.setattr(CaptureQueriesContext, "__enter__", entering)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings) -> None:
    """Hashing with PBKDF2 costs ~0.3 s per user; tests do not need its strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
