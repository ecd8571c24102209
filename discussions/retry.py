"""Run a transaction once more when PostgreSQL rolled it back to break a deadlock or a
serialization conflict.

Both errors mean the whole transaction was undone and the same work may succeed now that
the other transaction has finished. Only a function whose work is safe to repeat may be
decorated, and only the outermost transaction can be repeated: inside an outer `atomic`
block the error goes up to whoever owns that block.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, transaction
from psycopg2.errors import DeadlockDetected, SerializationFailure

logger = logging.getLogger(__name__)

# psycopg2 raises these classes for SQLSTATE 40P01 and 40001; Django wraps them in its
# OperationalError, keeping the driver's error as `__cause__`.
CONFLICTS = (DeadlockDetected, SerializationFailure)

P = ParamSpec("P")
R = TypeVar("R")


def is_transaction_conflict(error: BaseException) -> bool:
    """Whether the database aborted the transaction on a deadlock or serialization failure."""
    return isinstance(error.__cause__, CONFLICTS)


def retry_once_on_conflict(func: Callable[P, R]) -> Callable[P, R]:
    """Put above `@transaction.atomic`: a deadlock or serialization failure of the
    function's transaction runs it a second time, never a third."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if transaction.get_connection().in_atomic_block:
            return func(*args, **kwargs)  # not our transaction: it cannot be replayed here
        try:
            return func(*args, **kwargs)
        except OperationalError as error:
            if not is_transaction_conflict(error):
                raise
            logger.warning(
                "%s was rolled back (%s); running it once more",
                func.__qualname__,
                type(error.__cause__).__name__,
            )
        return func(*args, **kwargs)

    return wrapper
