"""The lifecycle of a recommendation's follow-up and its dated, signed history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from learning.models import FollowUp, Status, StatusChange
from learning.services import status_change, status_change_bulk
from tests.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def test_each_change_is_kept_with_who_when_and_why(carol, dossier) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    status_change(recommendation=recommendation, status=Status.DISCUSSED, note="", changed_by=carol)
    status_change(
        recommendation=recommendation,
        status=Status.ADAPTED,
        note="Adaptée aux petites organisations.",
        changed_by=carol,
        responsible="Direction des partenariats",
    )
    steps = list(
        StatusChange.objects.filter(recommendation=recommendation).values_list(
            "previous", "status", "note", "changed_by"
        )
    )
    assert steps == [
        ("proposed", "discussed", "", carol.pk),
        ("discussed", "adapted", "Adaptée aux petites organisations.", carol.pk),
    ]
    follow_up = FollowUp.objects.get(recommendation=recommendation)
    assert follow_up.status == Status.ADAPTED
    assert follow_up.responsible == "Direction des partenariats"
    assert follow_up.status_changed_at == StatusChange.objects.last().changed_at


def test_a_status_outside_the_lifecycle_is_refused_and_nothing_is_stored(carol, dossier) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    with pytest.raises(ValidationError):
        status_change(
            recommendation=recommendation, status=Status.EVALUATED, note="", changed_by=carol
        )
    assert not StatusChange.objects.exists()
    assert not FollowUp.objects.exclude(status=Status.PROPOSED).exists()


@pytest.mark.parametrize("status", [Status.ADAPTED, Status.REJECTED])
def test_adapted_and_rejected_need_a_reason(carol, dossier, status) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    with pytest.raises(ValidationError):
        status_change(recommendation=recommendation, status=status, note="  ", changed_by=carol)
    assert not StatusChange.objects.exists()


def test_the_database_refuses_a_rejection_without_a_reason(carol, dossier) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.create(
            recommendation=recommendation, status=Status.REJECTED, note="", changed_by=carol
        )


def test_the_whole_lifecycle_can_be_walked(carol, dossier) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    for status in (Status.DISCUSSED, Status.ADOPTED, Status.IMPLEMENTED, Status.EVALUATED):
        status_change(recommendation=recommendation, status=status, note="", changed_by=carol)
    assert FollowUp.objects.get(recommendation=recommendation).status == Status.EVALUATED
    assert StatusChange.objects.filter(recommendation=recommendation).count() == 4


def test_a_bulk_change_skips_what_cannot_take_the_status(carol, dossier) -> None:
    fresh = RecommendationFactory(dossier=dossier)
    done = RecommendationFactory(dossier=dossier)
    for status in (Status.ADOPTED, Status.IMPLEMENTED):
        status_change(recommendation=done, status=status, note="", changed_by=carol)
    changed, skipped = status_change_bulk(
        recommendations=[fresh, done],
        status=Status.DISCUSSED,
        note="Revue annuelle",
        changed_by=carol,
    )
    assert [change.recommendation for change in changed] == [fresh]
    assert skipped == [done]
    assert FollowUp.objects.get(recommendation=done).status == Status.IMPLEMENTED


def test_the_form_offers_the_usual_next_step_first() -> None:
    from learning.forms import StatusChangeForm

    choices = [
        value for value, _label in StatusChangeForm(current="adapted").fields["status"].choices
    ]
    assert choices == ["implemented", "rejected"]
    assert StatusChangeForm(current="evaluated").fields["status"].choices == [
        ("discussed", "En discussion")
    ]
