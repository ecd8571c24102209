"""A Redis outage stops no login and no page; the login rate limit keeps counting meanwhile.

Redis is "down" as it is in production: the cache URL names a port where nothing listens, or
a redis-server of the test's own is stopped and started again.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
import redis
from allauth.account.adapter import get_adapter
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from ccfd_community import cache as fallback_cache
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def free_port() -> int:
    """A port where nothing listens (the OS just handed it out and it was closed again)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_cache(settings, location: str, **options: object) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "ccfd_community.cache.FallbackRedisCache",
            "LOCATION": location,
            "OPTIONS": options,
        }
    }


@pytest.fixture(autouse=True)
def fresh_outages() -> Iterator[None]:
    """Each test starts with Redis believed up and an empty fallback."""
    fallback_cache.outages.clear()
    yield
    fallback_cache.outages.clear()


@pytest.fixture
def redis_down(settings) -> None:
    use_cache(settings, f"redis://127.0.0.1:{free_port()}/1")


class RedisServer:
    """A redis-server of the test's own, on a free port, that the test stops and starts."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 Debian's redis-server, fixed arguments
            [
                self.executable,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except RedisConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    server = RedisServer(executable)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def clock(monkeypatch) -> list[float]:
    """The cache's monotonic clock, moved by the test; [0] is now."""
    now = [1000.0]
    monkeypatch.setattr(fallback_cache, "monotonic", lambda: now[0])
    return now


def log_in(client, email: str, password: str):
    return client.post(LOGIN, {"login": email, "password": password})


def test_django_s_plain_redis_cache_fails_the_login_when_redis_is_down(
    settings, client, alice
) -> None:
    """What the issue reported: the login POST raised ConnectionError, so it answered 500."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/1",
        }
    }
    with pytest.raises(RedisConnectionError):
        log_in(client, alice.email, PASSWORD)


def test_a_member_logs_in_while_redis_is_down(redis_down, client, alice) -> None:
    response = log_in(client, alice.email, PASSWORD)

    assert response.status_code == 302 and response["Location"] == reverse("dossiers:home")
    assert client.get(reverse("dossiers:home")).status_code == 200
    assert cache.degraded


def test_pages_and_a_comment_work_while_redis_is_down(redis_down, alice_client, dossier) -> None:
    assert alice_client.get(reverse("dossiers:home")).status_code == 200
    assert alice_client.get(dossier.get_absolute_url()).status_code == 200
    assert alice_client.get(reverse("search:results"), {"q": "partenariat"}).status_code == 200
    response = alice_client.post(
        reverse("discussions:comment-create"),
        {"kind": "dossier", "pk": dossier.pk, "body": "Écrit pendant la panne du cache."},
    )
    assert response.status_code == 302


def test_failed_logins_are_still_limited_while_redis_is_down(redis_down, client, alice) -> None:
    for _ in range(5):  # ACCOUNT_RATE_LIMITS: 5 failures per address per 5 minutes
        assert log_in(client, alice.email, "not-the-password").status_code == 200

    response = log_in(client, alice.email, PASSWORD)

    assert response.status_code == 200, "the right password is refused after five failures"
    too_many = get_adapter().error_messages["too_many_login_attempts"]
    assert response.context["form"].non_field_errors() == [too_many]
    assert "_auth_user_id" not in client.session


def test_the_outage_is_logged_once_not_at_every_request(redis_down, clock, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="ccfd_community.cache")
    for _ in range(3):
        cache.get("anything")
        clock[0] += 20  # past the back-off: each call tries Redis again and fails

    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1 and "does not answer" in warnings[0]
    assert "127.0.0.1:" in warnings[0]


def test_the_log_names_the_server_without_its_password(settings, caplog) -> None:
    use_cache(settings, f"redis://:s3cret-password@127.0.0.1:{free_port()}/1")
    caplog.set_level(logging.WARNING, logger="ccfd_community.cache")

    cache.get("anything")

    assert caplog.records and "s3cret" not in caplog.text


def test_the_cache_goes_back_to_redis_when_it_answers_again(
    settings, redis_server, clock, caplog
) -> None:
    use_cache(settings, redis_server.url)
    caplog.set_level(logging.WARNING, logger="ccfd_community.cache")
    cache.set("kept-in-redis", "from redis")

    redis_server.stop()
    assert cache.get("kept-in-redis") is None and cache.degraded
    cache.set("counted-during-the-outage", 1)
    assert cache.get("counted-during-the-outage") == 1

    redis_server.start()  # an empty Redis again: it keeps nothing on disk
    cache.set("kept-in-redis", "from redis")
    assert cache.degraded, "within the back-off the process does not try Redis"
    clock[0] += 16

    assert cache.get("kept-in-redis") is None  # only ever written to Redis before the outage
    cache.set("after", "in redis")
    assert not cache.degraded
    assert redis.Redis.from_url(redis_server.url).exists(cache.make_key("after"))
    assert cache.get("counted-during-the-outage") is None, "the outage's counts are dropped"
    assert "answers again" in caplog.text


def test_a_redis_that_hangs_costs_one_timeout_then_nothing(settings) -> None:
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        use_cache(
            settings,
            f"redis://127.0.0.1:{silent.getsockname()[1]}/1",
            socket_timeout=0.2,
        )
        started = time.monotonic()
        assert cache.get("anything") is None
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(20):
            cache.get("anything")
        after = time.monotonic() - started

    assert 0.15 < first < 2 and after < 0.1 and cache.degraded


def test_a_redis_cache_url_gets_the_fallback_and_sessions_stay_in_the_database() -> None:
    script = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)"
    )
    env = {**os.environ, "CACHE_URL": "redis://127.0.0.1:6379/1"}
    env["DJANGO_SETTINGS_MODULE"] = "ccfd_community.settings"
    result = subprocess.run(  # noqa: S603 our own interpreter and a fixed script
        [sys.executable, "-c", script],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "ccfd_community.cache.FallbackRedisCache",
        "django.contrib.sessions.backends.db",
    ]
