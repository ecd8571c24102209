"""The admin's follow-up list and its bulk status change; field reports in the admin."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from learning.models import FieldReport, FollowUp, StatusChange
from tests.conftest import client_for
from tests.factories import FieldReportFactory, RecommendationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_bulk_change_asks_for_one_note_then_changes_what_it_can(carol_client, carol, dossier):
    fresh = RecommendationFactory(dossier=dossier)
    other = RecommendationFactory(dossier=dossier)
    url = reverse("admin:learning_recommendationfollowup_changelist")
    assert carol_client.get(url).status_code == 200
    chosen = {"action": "change_status", ACTION_CHECKBOX_NAME: [fresh.pk, other.pk]}
    form = carol_client.post(url, chosen)
    assert form.status_code == 200 and "Nouveau statut" in form.content.decode()
    assert not StatusChange.objects.exists()
    missing_reason = carol_client.post(url, {**chosen, "apply": "1", "status": "rejected"})
    assert missing_reason.status_code == 302
    assert not StatusChange.objects.exists()  # « non retenue » without a note: both skipped
    done = carol_client.post(
        url, {**chosen, "apply": "1", "status": "rejected", "note": "Hors du mandat."}
    )
    assert done.status_code == 302
    assert set(FollowUp.objects.values_list("status", flat=True)) == {"rejected"}
    assert set(StatusChange.objects.values_list("changed_by", flat=True)) == {carol.pk}


def test_a_member_cannot_reach_the_follow_up_admin(alice_client):
    response = alice_client.get(reverse("admin:learning_recommendationfollowup_changelist"))
    assert response.status_code == 302 and "/login/" in response.url


def test_curators_read_field_reports_and_staff_moderators_hide_them(carol_client):
    report = FieldReportFactory()
    change = reverse("admin:learning_fieldreport_change", args=[report.pk])
    assert carol_client.get(change).status_code == 200
    listing = reverse("admin:learning_fieldreport_changelist")
    carol_client.post(listing, {"action": "hide", ACTION_CHECKBOX_NAME: [report.pk]})
    report.refresh_from_db()
    assert report.state == FieldReport.State.VISIBLE  # a curator reads, does not moderate
    moderator = UserFactory(is_staff=True, group="Moderators")
    client_for(moderator).post(listing, {"action": "hide", ACTION_CHECKBOX_NAME: [report.pk]})
    report.refresh_from_db()
    assert report.state == FieldReport.State.HIDDEN and report.moderated_by == moderator
