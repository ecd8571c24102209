"""Field reports, and reports of them to the moderators, are under the posting limits too:
over the limit a French 429, the form with what was typed, nothing stored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Flag
from learning.models import FieldReport
from tests.factories import FieldReportFactory, RecommendationFactory
from tests.learning.test_reports import GOOD

pytestmark = pytest.mark.django_db

LIMITED = "Vous avez beaucoup publié en peu de temps"


@pytest.fixture(autouse=True)
def two_a_minute(settings) -> None:
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "field_report": "2/m/user",
        "flag": "2/m/user",
    }


def test_the_third_field_report_in_a_minute_gets_a_french_429(alice_client, dossier) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    url = reverse("learning:report-create", args=[recommendation.pk])
    for number in range(2):
        assert alice_client.post(url, {**GOOD, "title": f"Retour {number}"}).status_code == 302
    response = alice_client.post(url, {**GOOD, "title": "Le troisième"})
    assert response.status_code == 429
    html = response.content.decode()
    assert LIMITED in html
    assert "Le troisième" in html  # what was typed is kept
    assert FieldReport.objects.count() == 2


def test_the_third_report_of_field_reports_in_a_minute_gets_a_french_429(
    bob_client, alice, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    reports = [FieldReportFactory(author=alice, recommendation=recommendation) for _ in range(3)]
    for report in reports[:2]:
        url = reverse("learning:report-flag", args=[report.pk])
        assert bob_client.post(url, {"reason": "other"}).status_code == 302
    response = bob_client.post(
        reverse("learning:report-flag", args=[reports[2].pk]), {"reason": "other"}
    )
    assert response.status_code == 429
    assert LIMITED in response.content.decode()
    assert Flag.objects.count() == 2
