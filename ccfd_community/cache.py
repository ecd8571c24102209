"""A Redis cache that a Redis outage cannot turn into errors.

allauth counts failed logins (and TOTP codes already used) in the cache. With Django's plain
RedisCache, a stopped or unreachable Redis makes each of those reads raise ConnectionError, so
the login page answers 500. This backend catches connection errors and timeouts, logs them
(once when Redis goes away, then at most every few minutes) and serves from a memory cache of
its own process until Redis answers again; it tries Redis again after a short back-off.

During an outage the counts are per process: with three gunicorn workers on two hosts a
member gets up to six times the configured failed logins, and a TOTP code can be replayed once
per process. The counts kept during the outage are dropped when Redis answers again, so a
member's count starts afresh. That is the price of keeping logins possible.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from time import monotonic
from typing import Any
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Redis unreachable: the host refuses, is gone, or does not answer within the timeouts below.
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)


@dataclass
class Outage:
    """What this process knows of one Redis server being down; shared by all its threads."""

    since: float | None = None  # monotonic time of the first failure; None while Redis answers
    retry_at: float = 0.0  # no call goes to Redis before this monotonic time
    logged_at: float = 0.0  # the last warning, so a long outage is not logged at every request


# Django builds one cache object per thread; the outage and the fallback counts must be the
# process's, so they are kept here, by server address.
outages: dict[str, Outage] = {}
outages_lock = threading.Lock()


class FallbackRedisCache(RedisCache):
    """Django's RedisCache, or this process's memory while Redis does not answer.

    OPTIONS may set RETRY_AFTER (seconds before Redis is tried again after a failure, 15) and
    LOG_EVERY (seconds between warnings during one outage, 300); the other options go to
    redis-py, with short socket timeouts by default so a Redis host that hangs costs a request
    a second at most, not redis-py's five.
    """

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 15))
        self.log_every = float(options.pop("LOG_EVERY", 300))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1)
        super().__init__(server, {**params, "OPTIONS": options})
        self.address = ",".join(server_address(location) for location in self._servers)
        with outages_lock:
            self.outage = outages.setdefault(self.address, Outage())
        # Same key prefix, version and default timeout as the Redis entries; LocMemCache
        # shares its store between instances of one name, so between the process's threads.
        self.fallback = LocMemCache(
            f"redis-fallback:{self.address}", {**params, "OPTIONS": {"MAX_ENTRIES": 10_000}}
        )

    @property
    def degraded(self) -> bool:
        """True while this process serves from its own memory because Redis did not answer."""
        return self.outage.since is not None

    def either(self, method: str, *args: Any) -> Any:
        """Call `method` on Redis, or on the fallback during an outage or when Redis fails."""
        if monotonic() < self.outage.retry_at:
            return getattr(self.fallback, method)(*args)
        try:
            result = getattr(super(), method)(*args)
        except OUTAGE_ERRORS as error:
            self.went_down(error)
            return getattr(self.fallback, method)(*args)
        if self.outage.since is not None:
            self.came_back()
        return result

    def went_down(self, error: Exception) -> None:
        now = monotonic()
        outage = self.outage
        outage.retry_at = now + self.retry_after
        if outage.since is None:
            outage.since = outage.logged_at = now
            logger.warning(
                "Cache at %s does not answer (%s); this process counts in its own memory "
                "and tries again every %g s",
                self.address,
                error,
                self.retry_after,
            )
        elif now - outage.logged_at >= self.log_every:
            outage.logged_at = now
            logger.warning(
                "Cache at %s still does not answer after %d s (%s)",
                self.address,
                now - outage.since,
                error,
            )

    def came_back(self) -> None:
        since = self.outage.since
        self.outage.since = None
        # What was counted meanwhile is dropped, so a later outage starts from nothing stale.
        self.fallback.clear()
        logger.warning("Cache at %s answers again after %d s", self.address, monotonic() - since)

    # Every public operation of RedisCache; BaseCache builds the others (get_or_set, decr,
    # the async ones) on top of these.
    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return self.either("add", key, value, timeout, version)

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self.either("get", key, default, version)

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self.either("set", key, value, timeout, version)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self.either("touch", key, timeout, version)

    def delete(self, key: str, version: int | None = None) -> bool:
        return self.either("delete", key, version)

    def get_many(self, keys: Any, version: int | None = None) -> dict[str, Any]:
        return self.either("get_many", keys, version)

    def has_key(self, key: str, version: int | None = None) -> bool:
        return self.either("has_key", key, version)

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        return self.either("incr", key, delta, version)

    def set_many(
        self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list:
        return self.either("set_many", data, timeout, version)

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self.either("delete_many", keys, version)

    def clear(self) -> bool:
        return self.either("clear")


def server_address(location: str) -> str:
    """host:port/db of a Redis URL, without its password, for logs and the health check."""
    url = urlsplit(location)
    return f"{url.hostname}:{url.port or 6379}{url.path}"
