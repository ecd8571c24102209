"""Production settings fail loudly: with DEBUG off, a missing or unsafe value stops start-up.

Each test loads the settings in a fresh interpreter with a crafted environment, since the
settings module is read once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

# Every variable the settings read, so the test run's own environment cannot leak in.
SETTINGS_VARIABLES = [
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_SITE_URL",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "EMAIL_URL",
    "DJANGO_TASKS_BACKEND",
    "DATABASE_URL",
    "CACHE_URL",
    "DJANGO_TRUSTED_PROXY_COUNT",
    "DJANGO_TRUSTED_CLIENT_IP_HEADER",
    "DJANGO_RATE_LIMIT_COMMENT",
    "DJANGO_RATE_LIMIT_ANNOTATION",
    "DJANGO_RATE_LIMIT_FLAG",
    "DJANGO_PAGE_MEMO",
]

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "test-" + "k" * 60,
    "DJANGO_SITE_URL": "https://communaute.example.org",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
    "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    "DJANGO_TRUSTED_PROXY_COUNT": "1",
}

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": settings.CSRF_TRUSTED_ORIGINS,
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "TASKS_BACKEND": settings.TASKS["default"]["BACKEND"],
    "SITE_URL": settings.SITE_URL,
    "TRUSTED_PROXY_COUNT": settings.ALLAUTH_TRUSTED_PROXY_COUNT,
    "TRUSTED_CLIENT_IP_HEADER": settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER,
    "LANGUAGE_COOKIE_SECURE": settings.LANGUAGE_COOKIE_SECURE,
    "RATE_LIMITS": settings.ACCOUNT_RATE_LIMITS,
    "PAGE_MEMO": settings.PAGE_MEMO,
}))
"""


def load_settings(**variables: str | None) -> subprocess.CompletedProcess[str]:
    """Set up Django in a new process; a variable given as None is left unset."""
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "ccfd_community.settings"
    env.update({key: value for key, value in variables.items() if value is not None})
    return subprocess.run(  # noqa: S603 our own interpreter and a fixed script
        [sys.executable, "-c", PRINT_SETTINGS],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def loaded(**variables: str | None) -> dict[str, object]:
    result = load_settings(**variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refusal(**variables: str | None) -> str:
    result = load_settings(**variables)
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr


def test_development_needs_nothing_set() -> None:
    values = loaded()
    assert values["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "testserver"]
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["TASKS_BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert values["SITE_URL"] == "http://127.0.0.1:8000"


def test_production_starts_with_every_value_given() -> None:
    values = loaded(**PRODUCTION)
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert values["SITE_URL"] == "https://communaute.example.org"


def test_the_page_memo_is_on_with_a_shared_cache_only() -> None:
    """A memory cache is one per process: a worker would not see another's writes."""
    assert loaded()["PAGE_MEMO"] is False
    assert loaded(CACHE_URL="redis://127.0.0.1:6379/1")["PAGE_MEMO"] is True
    assert (
        loaded(CACHE_URL="redis://127.0.0.1:6379/1", DJANGO_PAGE_MEMO="false")["PAGE_MEMO"] is False
    )


@pytest.mark.parametrize(
    ("variable", "example"),
    [
        ("DJANGO_SITE_URL", "DJANGO_SITE_URL=https://communaute.example.org"),
        ("EMAIL_URL", "EMAIL_URL=smtp+tls://"),
        ("DJANGO_TASKS_BACKEND", "DJANGO_TASKS_BACKEND=django_tasks_db.DatabaseBackend"),
    ],
)
def test_production_refuses_to_start_without_a_required_value(variable: str, example: str) -> None:
    message = refusal(**{**PRODUCTION, variable: None})
    assert f"{variable} is not set" in message
    assert example in message


def test_production_refuses_to_start_without_hosts_or_a_site_url_to_take_them_from() -> None:
    message = refusal(**{**PRODUCTION, "DJANGO_SITE_URL": None})
    assert "DJANGO_ALLOWED_HOSTS is not set" in message
    assert "DJANGO_ALLOWED_HOSTS=communaute.example.org" in message


def test_production_names_every_missing_value_in_one_message() -> None:
    message = refusal(DJANGO_DEBUG="false")
    for variable in [
        "DJANGO_SECRET_KEY",
        "DJANGO_SITE_URL",
        "DJANGO_ALLOWED_HOSTS",
        "EMAIL_URL",
        "DJANGO_TASKS_BACKEND",
        "DJANGO_TRUSTED_PROXY_COUNT",
    ]:
        assert variable in message
    assert message.count("ImproperlyConfigured:") == 1


def test_an_empty_value_counts_as_missing() -> None:
    message = refusal(**{**PRODUCTION, "EMAIL_URL": ""})
    assert "EMAIL_URL is not set" in message


def test_production_refuses_the_immediate_tasks_backend_and_says_why() -> None:
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    message = refusal(**{**PRODUCTION, "DJANGO_TASKS_BACKEND": immediate})
    assert "inside the request" in message
    assert "django_tasks_db.DatabaseBackend" in message


@pytest.mark.parametrize("email_url", ["consolemail://", "memorymail://", "dummymail://"])
def test_production_refuses_email_that_is_never_delivered(email_url: str) -> None:
    message = refusal(**{**PRODUCTION, "EMAIL_URL": email_url})
    assert f"EMAIL_URL={email_url}" in message
    assert "instead of sending them" in message


def test_production_refuses_a_site_url_that_is_not_an_absolute_address() -> None:
    message = refusal(**{**PRODUCTION, "DJANGO_SITE_URL": "communaute.example.org"})
    assert "DJANGO_SITE_URL=communaute.example.org is not an absolute address" in message


def test_production_keeps_refusing_the_default_secret_key() -> None:
    message = refusal(**{**PRODUCTION, "DJANGO_SECRET_KEY": None})
    assert "DJANGO_SECRET_KEY must be set" in message


def test_hosts_and_trusted_origins_come_from_the_site_url() -> None:
    values = loaded(**{**PRODUCTION, "DJANGO_SITE_URL": "https://communaute.example.org:8443/"})
    assert values["ALLOWED_HOSTS"] == ["communaute.example.org"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://communaute.example.org:8443"]


def test_explicit_hosts_and_trusted_origins_win_over_the_site_url() -> None:
    values = loaded(
        **PRODUCTION,
        DJANGO_ALLOWED_HOSTS="a.example.org, b.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://a.example.org",
    )
    assert values["ALLOWED_HOSTS"] == ["a.example.org", "b.example.org"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://a.example.org"]


def test_development_trusts_no_proxy_header() -> None:
    values = loaded()
    assert values["TRUSTED_PROXY_COUNT"] == 0
    assert values["TRUSTED_CLIENT_IP_HEADER"] is None


def test_production_trusts_the_proxies_it_is_told_of() -> None:
    values = loaded(**{**PRODUCTION, "DJANGO_TRUSTED_PROXY_COUNT": "2"})
    assert values["TRUSTED_PROXY_COUNT"] == 2
    values = loaded(
        **{**PRODUCTION, "DJANGO_TRUSTED_PROXY_COUNT": None},
        DJANGO_TRUSTED_CLIENT_IP_HEADER="X-Real-IP",
    )
    assert values["TRUSTED_CLIENT_IP_HEADER"] == "X-Real-IP"


def test_production_refuses_to_start_without_being_told_how_clients_are_named() -> None:
    """Unset, every member behind the balancer would share one login rate-limit bucket."""
    message = refusal(**{**PRODUCTION, "DJANGO_TRUSTED_PROXY_COUNT": None})
    assert "DJANGO_TRUSTED_PROXY_COUNT is not set" in message
    assert "DJANGO_TRUSTED_PROXY_COUNT=1" in message


def test_production_accepts_no_proxy_when_said_explicitly() -> None:
    assert loaded(**{**PRODUCTION, "DJANGO_TRUSTED_PROXY_COUNT": "0"})["TRUSTED_PROXY_COUNT"] == 0


def test_a_proxy_count_that_is_not_a_number_is_refused() -> None:
    message = refusal(**{**PRODUCTION, "DJANGO_TRUSTED_PROXY_COUNT": "un"})
    assert "DJANGO_TRUSTED_PROXY_COUNT=un is not a number of proxies" in message


def test_production_sends_the_language_cookie_over_https_only() -> None:
    assert loaded(**PRODUCTION)["LANGUAGE_COOKIE_SECURE"] is True
    assert loaded()["LANGUAGE_COOKIE_SECURE"] is False


def test_posting_limits_can_be_set_from_the_environment() -> None:
    values = loaded(DJANGO_RATE_LIMIT_COMMENT="100/m/user", DJANGO_RATE_LIMIT_FLAG="")
    assert values["RATE_LIMITS"]["comment"] == "100/m/user"
    assert values["RATE_LIMITS"]["flag"] == ""  # no limit
    assert values["RATE_LIMITS"]["annotation"] == "30/m/user,300/h/user"


def test_development_also_answers_on_the_site_url_host() -> None:
    values = loaded(DJANGO_SITE_URL="http://laptop.lan:8000")
    assert values["ALLOWED_HOSTS"] == ["laptop.lan", "127.0.0.1", "localhost", "testserver"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["http://laptop.lan:8000"]
