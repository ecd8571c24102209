"""The demo shows the learning loop, and loading it again changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from discussions.models import Notification
from learning.models import FieldReport, FollowUp, StatusChange
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_demo_gives_recommendations_a_history_and_field_reports() -> None:
    call_command("load_demo", force=True, verbosity=0)
    counts = (StatusChange.objects.count(), FieldReport.objects.count())
    assert counts[0] >= 8 and counts[1] >= 4
    assert StatusChange.objects.filter(status="adapted").exclude(note="").exists()
    # Its notifications are dated like the history they tell of.
    oldest = Notification.objects.filter(kind="status").earliest("created_at").created_at
    assert oldest < timezone.now() - timedelta(days=100)
    call_command("load_demo", force=True, verbosity=0)
    assert (StatusChange.objects.count(), FieldReport.objects.count()) == counts

    from accounts.models import User

    member = client_for(User.objects.get(email="member@example.org"))
    response = member.get(reverse("learning:overview"), {"theme": "plaidoyer"})
    first = response.context["page"].object_list[0]
    # The most recently active « Plaidoyer » recommendation has a timeline to read.
    assert StatusChange.objects.filter(recommendation=first).exists()
    assert FollowUp.objects.get(recommendation=first).status == "discussed"
    page = member.get(reverse("learning:recommendation", args=[first.pk])).content.decode()
    assert "timeline__step" in page
