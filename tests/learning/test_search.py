"""Field reports in search: found by accented or unaccented words, only while they show and
only by who may read their dossier; a partner not to be named is not searchable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import FieldReportFactory, RecommendationFactory
from tests.search.conftest import found, results

pytestmark = pytest.mark.django_db


def test_a_report_is_found_by_an_accented_word_typed_without_accents(alice_client, dossier) -> None:
    report = FieldReportFactory(
        recommendation=RecommendationFactory(dossier=dossier),
        body="Une démarche de réciprocité entre coopératives.",
    )
    assert ("field_report", report.pk) in found(alice_client, "reciprocite")
    assert ("field_report", report.pk) in found(alice_client, "réciprocité")
    hits = results(alice_client, q="réciprocité", kind="field_report").context["found"]
    assert [entry.get_absolute_url() for entry in hits.page.object_list] == [
        reverse("learning:report", args=[report.pk])
    ]


def test_a_withdrawn_or_draft_report_is_not_found(
    alice_client, carol_client, dossier, draft
) -> None:
    withdrawn = FieldReportFactory(
        recommendation=RecommendationFactory(dossier=dossier), body="Semences paysannes."
    )
    withdrawn.state = "withdrawn"
    withdrawn.save(update_fields=["state"])
    in_draft = FieldReportFactory(
        recommendation=RecommendationFactory(dossier=draft), body="Semences du brouillon."
    )
    assert found(alice_client, "semences") == []
    assert found(carol_client, "semences") == [("field_report", in_draft.pk)]


def test_a_partner_not_to_be_named_is_not_searchable(alice_client, dossier) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    named = FieldReportFactory(recommendation=recommendation, partner="Collectif Kasaï")
    FieldReportFactory(
        recommendation=recommendation, partner="Réseau Kasaï", partner_confidential=True
    )
    assert found(alice_client, "kasai") == [("field_report", named.pk)]
