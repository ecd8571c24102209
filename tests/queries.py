"""Counting the queries of one request, for the guards that compare a page of N items with
the same page of one item (STYLE.md, "Tests"): a generous fixed ceiling lets a query per item
grow unseen under its margin; an equal count does not."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext


def counted_get(
    client: Client, url: str, data: dict[str, Any] | None = None
) -> tuple[HttpResponse, int]:
    """The response to a GET of `url` (which must answer 200) and the queries it made.

    An uncounted GET goes first: it fills the process-wide caches (content types, the
    translation catalogue) that a running server already holds, so that the first of two
    counted runs is not dearer for that reason alone."""
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, response.status_code
    return response, len(queries)
