"""Helpers for the search tests: annotations made through the model, and a search call."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Annotation
from tests.factories import UserFactory


def make_annotation(**fields: Any) -> Annotation:
    fields.setdefault("author", fields.get("author") or UserFactory())
    fields.setdefault("exact", "Le partenariat")
    fields.setdefault("start", 0)
    fields.setdefault("end", len(fields["exact"]))
    return Annotation.objects.create(**fields)


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


@pytest.fixture
def annotation_factory():
    return make_annotation
