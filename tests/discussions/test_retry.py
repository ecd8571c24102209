"""A transaction that PostgreSQL rolled back on a deadlock or serialization failure is run
once more, and only once, and only when it is the outermost one."""

from __future__ import annotations

import logging

import pytest
from django.db import IntegrityError, OperationalError, transaction
from psycopg2.errors import DeadlockDetected, LockNotAvailable, SerializationFailure

from discussions.retry import retry_once_on_conflict


def conflict(cause: Exception) -> OperationalError:
    """The error as Django raises it: its own class, the driver's error as the cause."""
    error = OperationalError(*cause.args)
    error.__cause__ = cause
    return error


class Flaky:
    """A unit of work failing with the given errors, in turn, before it succeeds."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    def run(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "stored"


def test_it_runs_the_work_again_after_a_deadlock(caplog) -> None:
    work = Flaky(conflict(DeadlockDetected("deadlock detected")))

    with caplog.at_level(logging.WARNING, logger="discussions.retry"):
        assert retry_once_on_conflict(work.run)() == "stored"

    assert work.calls == 2
    assert "DeadlockDetected" in caplog.text


def test_it_runs_the_work_again_after_a_serialization_failure() -> None:
    work = Flaky(conflict(SerializationFailure("could not serialize access")))

    assert retry_once_on_conflict(work.run)() == "stored"
    assert work.calls == 2


def test_it_never_runs_the_work_a_third_time() -> None:
    work = Flaky(
        conflict(DeadlockDetected("deadlock detected")),
        conflict(DeadlockDetected("deadlock detected again")),
    )

    with pytest.raises(OperationalError, match="deadlock detected again"):
        retry_once_on_conflict(work.run)()
    assert work.calls == 2


@pytest.mark.parametrize(
    "error",
    [
        conflict(LockNotAvailable("could not obtain lock")),
        OperationalError("server closed the connection unexpectedly"),
        IntegrityError("duplicate key value"),
        ValueError("not a database error"),
    ],
)
def test_it_lets_any_other_error_through_at_once(error: Exception) -> None:
    work = Flaky(error)

    with pytest.raises(type(error)):
        retry_once_on_conflict(work.run)()
    assert work.calls == 1


@pytest.mark.django_db(transaction=True)
def test_it_cannot_replay_a_transaction_that_an_outer_block_owns() -> None:
    work = Flaky(conflict(DeadlockDetected("deadlock detected")))

    with pytest.raises(OperationalError), transaction.atomic():
        retry_once_on_conflict(work.run)()
    assert work.calls == 1
