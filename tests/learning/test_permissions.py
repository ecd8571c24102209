"""Who may do what with a recommendation's follow-up and with field reports: anonymous,
member, author, other member, moderator, curator; and what is stored after each request."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Flag
from learning.models import FieldReport, StatusChange
from tests.conftest import client_for
from tests.factories import FieldReportFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "member", "author", "other", "moderator", "curator"]


@pytest.fixture
def people(alice, bob, carol, mo) -> dict[str, Client]:
    """The author of the report is alice; bob is another member."""
    from tests.factories import UserFactory

    member = UserFactory(email="membre@example.org")
    return {
        "anonymous": Client(),
        "member": client_for(member),
        "author": client_for(alice),
        "other": client_for(bob),
        "moderator": client_for(mo),
        "curator": client_for(carol),
    }


@pytest.fixture
def report(alice, dossier) -> FieldReport:
    return FieldReportFactory(recommendation=RecommendationFactory(dossier=dossier), author=alice)


def _status(response) -> int:
    return (
        302
        if response.status_code == 302 and "/accounts/login/" in response.url
        else (response.status_code)
    )


@pytest.mark.parametrize(
    ("persona", "expected", "stored"),
    [
        ("anonymous", 302, 0),
        ("member", 403, 0),
        ("author", 403, 0),
        ("moderator", 403, 0),
        ("curator", 302, 1),
    ],
)
def test_only_curators_change_a_status(people, report, persona, expected, stored) -> None:
    url = reverse("learning:status-change", args=[report.recommendation_id])
    response = people[persona].post(url, {"status": "discussed", "note": ""})
    assert response.status_code == expected
    if persona == "anonymous":
        assert "/accounts/login/" in response.url
    assert StatusChange.objects.count() == stored


def test_a_draft_dossiers_recommendation_is_not_found_by_members(people, draft) -> None:
    recommendation = RecommendationFactory(dossier=draft)
    for persona in ("member", "moderator"):
        for name in ("learning:recommendation", "learning:report-create"):
            assert people[persona].get(reverse(name, args=[recommendation.pk])).status_code == 404
    assert (
        people["curator"]
        .get(reverse("learning:recommendation", args=[recommendation.pk]))
        .status_code
        == 200
    )
    response = people["member"].post(
        reverse("learning:status-change", args=[recommendation.pk]), {"status": "discussed"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("author", 200),
        ("other", 403),
        ("moderator", 403),
        ("curator", 403),
    ],
)
def test_only_the_author_edits_or_withdraws_a_report(people, report, persona, expected) -> None:
    client = people[persona]
    assert client.get(reverse("learning:report-edit", args=[report.pk])).status_code == expected
    response = client.post(reverse("learning:report-withdraw", args=[report.pk]))
    assert response.status_code == (302 if expected == 200 else expected)
    report.refresh_from_db()
    assert report.state == ("withdrawn" if persona == "author" else "visible")


@pytest.mark.parametrize(
    ("persona", "expected", "stored"),
    [
        ("anonymous", 302, 0),
        ("member", 302, 1),
        ("author", 404, 0),
        ("moderator", 302, 1),
        ("curator", 302, 1),
    ],
)
def test_others_report_a_report_to_the_moderators(
    people, report, persona, expected, stored
) -> None:
    url = reverse("learning:report-flag", args=[report.pk])
    response = people[persona].post(url, {"reason": "off_topic", "details": ""})
    assert response.status_code == expected
    if persona == "anonymous":
        assert "/accounts/login/" in response.url
    assert Flag.objects.filter(field_report=report).count() == stored


@pytest.mark.parametrize(
    ("persona", "expected", "state"),
    [
        ("anonymous", 302, "visible"),
        ("member", 403, "visible"),
        ("author", 403, "visible"),
        ("curator", 403, "visible"),
        ("moderator", 302, "hidden"),
    ],
)
def test_only_moderators_hide_a_report(people, report, persona, expected, state) -> None:
    response = people[persona].post(reverse("learning:report-hide", args=[report.pk]), {"note": ""})
    assert response.status_code == expected
    report.refresh_from_db()
    assert report.state == state


def test_a_moderator_restores_a_hidden_report_and_its_author_is_told(people, report, mo) -> None:
    from discussions.models import Notification

    people["moderator"].post(reverse("learning:report-hide", args=[report.pk]), {"note": "Nom"})
    response = people["moderator"].post(
        reverse("learning:report-restore", args=[report.pk]), {"note": ""}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "visible"
    kinds = Notification.objects.filter(recipient=report.author, field_report=report)
    assert kinds.filter(kind="moderation").count() == 2


def test_a_hidden_report_is_a_tombstone_in_its_page_and_gone_from_lists(people, report) -> None:
    people["moderator"].post(reverse("learning:report-hide", args=[report.pk]), {"note": ""})
    page = people["other"].get(report.get_absolute_url()).content.decode()
    assert "Field report hidden by moderation" in page or "masqué" in page
    assert report.title not in page
    listing = people["other"].get(
        reverse("learning:recommendation", args=[report.recommendation_id])
    )
    assert report.title not in listing.content.decode()
