from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from accounts.models import User
from dossiers.models import CaseStudy, Dossier, Question, Recommendation

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, object]:
    return {
        "dossiers": list(Dossier.objects.values_list("pk", "updated_at")),
        "history": Dossier.history.count() + CaseStudy.history.count(),
        "parts": (
            CaseStudy.objects.count(),
            Recommendation.objects.count(),
            Question.objects.count(),
        ),
        "users": list(User.objects.values_list("pk", "password")),
        "tags": sorted(Dossier.tags.values_list("pk", flat=True)),
    }


# pytest-django runs with DEBUG off, so these tests pass --force like a demo server would.


def test_load_demo_creates_eight_readable_dossiers_and_is_idempotent() -> None:
    call_command("load_demo", force=True)
    first = snapshot()
    call_command("load_demo", force=True)
    assert snapshot() == first

    assert Dossier.objects.published().count() == 8
    for dossier in Dossier.objects.all():
        words = len(dossier.body_text.split())
        assert words >= 600, (dossier.slug, words)
        assert 2 <= dossier.case_studies.count() <= 4
        assert 3 <= dossier.recommendations.count() <= 5
        assert 2 <= dossier.questions.count() <= 4
        assert dossier.regions.exists() and dossier.themes.exists() and dossier.tags.exists()


def test_the_demo_member_reads_the_dossiers() -> None:
    call_command("load_demo", force=True)
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": "member@example.org", "password": "apprendre-ensemble"}
    )
    assert response.status_code == 302
    listing = client.get("/dossiers/").content.decode()
    assert listing.count('class="card"') == 8
    dossier = Dossier.objects.get(slug="partenariats-migrations-afrique-du-sud")
    assert client.get(dossier.get_absolute_url()).status_code == 200


def test_load_demo_refuses_to_run_with_debug_off(settings) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG off"):
        call_command("load_demo")
    call_command("load_demo", force=True)
    assert Dossier.objects.count() == 8
