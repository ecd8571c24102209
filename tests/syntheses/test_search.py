"""Syntheses in search: found by their words, only by who may read their dossier, leading to
their page; rebuilt with the rest of the index."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from search.index import rebuild_index
from syntheses.services import synthesis_save
from tests.search.conftest import found, results

pytestmark = pytest.mark.django_db


def test_a_synthesis_is_found_and_leads_to_its_page(
    alice_client: Any, carol: Any, question: Any
) -> None:
    synthesis = synthesis_save(
        writer=carol, target=question, body="La réciprocité ressort de la discussion."
    )
    assert ("synthesis", synthesis.pk) in found(alice_client, "reciprocite")
    hits = results(alice_client, q="réciprocité", kind="synthesis").context["found"]
    assert [entry.get_absolute_url() for entry in hits.page.object_list] == [
        reverse("syntheses:detail", args=[synthesis.pk])
    ]
    rebuild_index()
    assert ("synthesis", synthesis.pk) in found(alice_client, "reciprocite")


def test_a_synthesis_of_a_draft_is_found_by_curators_only(
    alice_client: Any, carol_client: Any, carol: Any, draft: Any
) -> None:
    synthesis = synthesis_save(writer=carol, target=draft, body="Semences paysannes.")
    assert found(alice_client, "semences") == []
    assert found(carol_client, "semences") == [("synthesis", synthesis.pk)]
