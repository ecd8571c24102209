"""The demo holds one synthesis citing three contributions, and loading it again changes
nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from discussions.models import Notification
from syntheses.models import Citation, Synthesis
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_demo_synthesis_cites_three_contributions_and_is_loaded_once() -> None:
    call_command("load_demo", force=True, verbosity=0)
    synthesis = Synthesis.objects.get()
    assert synthesis.recommendation is not None
    assert synthesis.citations.count() == 3
    assert synthesis.citations.filter(field_report__isnull=False).count() == 1
    told = Notification.objects.filter(kind=Notification.Kind.CITED)
    assert sorted(n.recipient.email for n in told) == [
        "member@example.org",
        "thomas.petit@example.org",
    ]
    versions = synthesis.history.count()
    call_command("load_demo", force=True, verbosity=0)
    assert (Synthesis.objects.count(), Citation.objects.count()) == (1, 3)
    assert synthesis.history.count() == versions
    assert told.count() == 2

    member = told.get(recipient__email="member@example.org").recipient
    html = client_for(member).get(synthesis.get_absolute_url()).content.decode()
    assert "Avec les contributions de" in html and "contribution retirée" not in html
