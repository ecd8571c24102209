"""Helpers for the search tests: a search call and what it found."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse


def results(client: Client, **params: Any):
    response = client.get(reverse("search:results"), params)
    assert response.status_code == 200
    return response


def found(client: Client, q: str, **params: Any) -> list[tuple[str, int]]:
    """(kind, object id) of every result on the first page."""
    response = results(client, q=q, **params)
    found = response.context["found"]
    if found is None:
        return []
    return [(entry.kind, entry.object_id) for entry in found.page.object_list]
