"""/healthz: what the load balancer reads; 503 only when the database does not answer."""

from __future__ import annotations

import socket
import uuid
from datetime import timedelta

import pytest
from django.db import OperationalError, connections
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from ccfd_community import cache as fallback_cache

pytestmark = pytest.mark.django_db

STATES = {"ok", "error", "degraded", "late", "unknown"}


def healthz():
    return Client().get("/healthz")


def task(**fields: object) -> DBTaskResult:
    """A task row as db_worker leaves it; enqueued_at is set after, auto_now_add ignores it."""
    enqueued_at = fields.pop("enqueued_at", timezone.now())
    result = DBTaskResult.objects.create(
        id=uuid.uuid4(),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="discussions.tasks.digest_send",
        backend_name="default",
        run_after=fields.pop("run_after", get_date_max()),
        **fields,
    )
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=enqueued_at)
    return result


@pytest.fixture
def database_down(monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connections["default"], "cursor", refuse)


def test_it_answers_without_login_and_says_all_is_well() -> None:
    response = healthz()

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "worker": {"last_heartbeat": None, "status": "unknown"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_the_database_does_not(database_down) -> None:
    response = healthz()

    assert response.status_code == 503
    assert response.json() == {
        "database": "error",
        "cache": "ok",
        "worker": {"last_heartbeat": None, "status": "unknown"},
    }


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_redis_outage_is_reported_with_a_200(settings) -> None:
    port = closed_port()
    settings.CACHES = {
        "default": {
            "BACKEND": "ccfd_community.cache.FallbackRedisCache",
            "LOCATION": f"redis://:s3cret@127.0.0.1:{port}/1",
        }
    }
    fallback_cache.outages.clear()

    response = healthz()

    assert response.status_code == 200 and response.json()["cache"] == "degraded"
    assert "s3cret" not in response.content.decode() and str(port) not in response.content.decode()
    fallback_cache.outages.clear()


def test_a_cache_that_raises_is_reported_with_a_200(settings) -> None:
    settings.CACHES = {  # Django's own Redis backend raises ConnectionError at every call
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/1",
        }
    }

    response = healthz()

    assert response.status_code == 200 and response.json()["cache"] == "degraded"


def test_the_last_heartbeat_is_when_a_worker_last_claimed_a_task() -> None:
    claimed = timezone.now() - timedelta(hours=3)
    task(status="SUCCESSFUL", started_at=claimed - timedelta(days=1))
    task(status="SUCCESSFUL", started_at=claimed, finished_at=claimed)

    worker = healthz().json()["worker"]

    assert worker == {"last_heartbeat": claimed.isoformat(), "status": "ok"}


def test_a_task_waiting_past_five_minutes_makes_the_worker_late() -> None:
    task(status="SUCCESSFUL", started_at=timezone.now() - timedelta(hours=1))
    task(enqueued_at=timezone.now() - timedelta(minutes=6))

    response = healthz()

    assert response.status_code == 200 and response.json()["worker"]["status"] == "late"


def test_a_task_just_queued_or_scheduled_for_later_is_not_late() -> None:
    task(status="SUCCESSFUL", started_at=timezone.now() - timedelta(hours=1))
    task(enqueued_at=timezone.now() - timedelta(minutes=1))
    task(
        enqueued_at=timezone.now() - timedelta(days=1),
        run_after=timezone.now() + timedelta(hours=1),
    )
    task(
        enqueued_at=timezone.now() - timedelta(days=1),
        run_after=timezone.now() - timedelta(minutes=2),
    )

    assert healthz().json()["worker"]["status"] == "ok"


def test_a_scheduled_task_overdue_past_five_minutes_makes_the_worker_late() -> None:
    task(
        enqueued_at=timezone.now() - timedelta(days=1),
        run_after=timezone.now() - timedelta(minutes=6),
    )

    assert healthz().json()["worker"] == {"last_heartbeat": None, "status": "late"}


def test_it_says_only_states(database_down) -> None:
    body = healthz().json()

    assert {body["database"], body["cache"], body["worker"]["status"]} <= STATES
    assert set(body) == {"database", "cache", "worker"}
