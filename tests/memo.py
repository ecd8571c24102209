"""Helpers of the page memo's tests (tests/test_page_memo.py, tests/test_shared_pages.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test import Client


@contextmanager
def counting() -> Iterator[list[str]]:
    """The SQL run meanwhile, without CaptureQueriesContext (which starts a new generation,
    see tests/conftest.py)."""
    statements: list[str] = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield statements


def get(client: Client, url: str, **headers: str) -> tuple[str, int]:
    with counting() as statements:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(statements)
