"""Login rate limits count per client, and the client is the one the load balancer names.

allauth refuses a login after 10 failures a minute from one address and after 5 failures in
5 minutes on one account from one address (ACCOUNT_RATE_LIMITS["login_failed"]). Behind the
load balancer every request comes from its address unless ALLAUTH_TRUSTED_PROXY_COUNT says
how many proxies add to X-Forwarded-For.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
BALANCER = "10.0.0.2"


@pytest.fixture(autouse=True)
def fresh_counters() -> None:
    """The counters live in the cache, which outlives each test's database."""
    cache.clear()


def log_in(client: Client, email: str, password: str) -> bool:
    client.post(LOGIN, {"login": email, "password": password})
    return "_auth_user_id" in client.session


def behind_the_balancer(address: str) -> Client:
    """A browser at `address`: the balancer connects and appends it to X-Forwarded-For."""
    return Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=address)


def fail_ten_times(client: Client) -> None:
    """Ten failures a minute, each on another address, so only the per-client limit fills."""
    for n in range(10):
        client.post(LOGIN, {"login": f"inconnu{n}@example.org", "password": "mauvais"})


def test_two_members_behind_the_balancer_have_a_bucket_each(settings, alice) -> None:
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    noisy = behind_the_balancer("198.51.100.7")
    fail_ten_times(noisy)
    assert log_in(behind_the_balancer("203.0.113.9"), alice.email, PASSWORD)
    # The noisy client itself is still refused, even with a right password.
    assert not log_in(noisy, alice.email, PASSWORD)


def test_only_the_address_the_balancer_appends_counts(settings, alice) -> None:
    """A client writing its own X-Forwarded-For still lands in the bucket of its address."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(10):
        spoofing = Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7")
        spoofing.post(LOGIN, {"login": f"inconnu{n}@example.org", "password": "mauvais"})
    assert not log_in(behind_the_balancer("198.51.100.7"), alice.email, PASSWORD)


def test_without_the_setting_the_header_is_not_trusted(settings, alice) -> None:
    """Else any client could pick a fresh address for each try."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for n in range(10):
        spoofing = Client(HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        spoofing.post(LOGIN, {"login": f"inconnu{n}@example.org", "password": "mauvais"})
    assert not log_in(Client(HTTP_X_FORWARDED_FOR="203.0.113.9"), alice.email, PASSWORD)


def test_failures_elsewhere_do_not_lock_the_member_out(alice) -> None:
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        assert not log_in(attacker, alice.email, "mauvais")
    assert log_in(Client(REMOTE_ADDR="203.0.113.9"), alice.email, PASSWORD)


def test_the_client_that_failed_five_times_is_refused_even_the_right_password(alice) -> None:
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        log_in(attacker, alice.email, "mauvais")
    response = attacker.post(LOGIN, {"login": alice.email, "password": PASSWORD})
    assert "_auth_user_id" not in attacker.session
    assert "Trop de tentatives" in response.content.decode()


def test_the_limit_per_account_counts_each_account_apart() -> None:
    bob = UserFactory(email="bob@example.org")
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        log_in(client, "alice@example.org", "mauvais")
    assert log_in(client, bob.email, PASSWORD)


def test_addresses_of_one_ipv6_network_count_as_one_client(alice) -> None:
    for n in range(5):
        log_in(Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1}"), alice.email, "mauvais")
    assert not log_in(Client(REMOTE_ADDR="2001:db8:1:2::99"), alice.email, PASSWORD)
    assert log_in(Client(REMOTE_ADDR="2001:db8:9:9::1"), alice.email, PASSWORD)


def test_a_header_the_proxy_sets_can_name_the_client(settings, alice) -> None:
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    noisy = Client(REMOTE_ADDR=BALANCER, HTTP_X_REAL_IP="198.51.100.7")
    fail_ten_times(noisy)
    assert log_in(Client(REMOTE_ADDR=BALANCER, HTTP_X_REAL_IP="203.0.113.9"), alice.email, PASSWORD)
    assert not log_in(noisy, alice.email, PASSWORD)
