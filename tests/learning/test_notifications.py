"""Status changes and field reports notify the followers of the dossier, of its themes and
regions, and those engaged with the recommendation; each recipient's right to read is
checked, when the notification is made and again when it is emailed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from discussions.models import Notification
from discussions.services import follow_create
from discussions.tasks import digest_send
from learning.services import report_create, status_change
from tests.discussions.factories import CommentFactory
from tests.factories import RecommendationFactory, RegionFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Essai au Togo",
    "country": "Togo",
    "region": None,
    "partner": "",
    "partner_confidential": False,
    "year_start": 2022,
    "year_end": None,
    "body": "Ce que nous avons fait.",
    "outcome": "success",
    "lessons": "",
    "case_study": None,
    "related_dossier": None,
}


def test_a_theme_follower_hears_of_a_new_field_report(alice, bob, dossier) -> None:
    theme = ThemeFactory(slug="plaidoyer", name="Plaidoyer")
    dossier.themes.add(theme)
    follow_create(user=bob, theme=theme)
    recommendation = RecommendationFactory(dossier=dossier)
    report = report_create(author=alice, recommendation=recommendation, fields=FIELDS)
    notification = Notification.objects.get(recipient=bob)
    assert (notification.kind, notification.field_report) == ("new", report)
    assert notification.get_absolute_url() == report.get_absolute_url()
    assert not Notification.objects.filter(recipient=alice).exists()


def test_a_region_follower_hears_of_a_new_comment_in_its_dossiers(alice, bob, dossier) -> None:
    from discussions.services import comment_create

    region = RegionFactory(slug="asie", name="Asie")
    dossier.regions.add(region)
    follow_create(user=bob, region=region)
    comment_create(author=alice, target=dossier, body="Une question sur l’Asie.")
    assert Notification.objects.filter(recipient=bob, kind="new").count() == 1


def test_a_status_change_tells_dossier_followers_and_those_engaged(
    carol, alice, bob, mo, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    follow_create(user=bob, dossier=dossier)
    CommentFactory(dossier=dossier, recommendation=recommendation, author=alice)
    status_change(recommendation=recommendation, status="discussed", note="", changed_by=carol)
    told = set(
        Notification.objects.filter(kind="status").values_list("recipient__email", flat=True)
    )
    assert told == {alice.email, bob.email}
    notification = Notification.objects.get(recipient=bob)
    assert notification.get_absolute_url() == reverse(
        "learning:recommendation", args=[recommendation.pk]
    )
    from tests.conftest import client_for

    html = client_for(bob).get(reverse("discussions:notifications")).content.decode()
    assert recommendation.title in html


def test_a_follower_who_cannot_read_a_draft_is_not_told(carol, bob, draft) -> None:
    theme = ThemeFactory(slug="migrations", name="Migrations")
    draft.themes.add(theme)
    follow_create(user=bob, theme=theme)
    other_curator = UserFactory(is_staff=True, group="Curators")
    follow_create(user=other_curator, theme=theme)
    recommendation = RecommendationFactory(dossier=draft)
    status_change(recommendation=recommendation, status="discussed", note="", changed_by=carol)
    report_create(author=carol, recommendation=recommendation, fields=FIELDS)
    assert not Notification.objects.filter(recipient=bob).exists()
    assert Notification.objects.filter(recipient=other_curator).count() == 2


def test_the_digest_leaves_out_what_became_unreadable_since(carol, bob, dossier) -> None:
    follow_create(user=bob, dossier=dossier)
    recommendation = RecommendationFactory(dossier=dossier)
    status_change(recommendation=recommendation, status="discussed", note="", changed_by=carol)
    report = report_create(author=carol, recommendation=recommendation, fields=FIELDS)
    assert Notification.objects.filter(recipient=bob).count() == 2
    report.state = "withdrawn"
    report.save(update_fields=["state"])
    assert digest_send.call(bob.pk) == 1  # the status change only
    assert recommendation.title in mail.outbox[0].body
    dossier.status = "draft"
    dossier.save(update_fields=["status"])
    Notification.objects.update(emailed_at=None)
    assert digest_send.call(bob.pk) == 0
