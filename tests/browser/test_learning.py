"""The learning loop in Chromium: following a theme (htmx), replying to a field report (htmx),
and axe-core on the overview, a recommendation's page and a theme page."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import AXE, axe_violations

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def member_page(chromium, live_server, console_errors):
    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "member@example.org", console_errors)
    page.set_viewport_size({"width": 1280, "height": 900})
    return page


def test_following_a_theme_swaps_the_button_in_place(member_page, live_server, console_errors):
    from discussions.models import Follow

    member_page.goto(f"{live_server.url}/themes/plaidoyer/")
    member_page.get_by_role("button", name="Suivre ce thème").click()
    member_page.get_by_text("Vous suivez ce thème.").wait_for()
    assert member_page.url == f"{live_server.url}/themes/plaidoyer/"  # no page load
    assert Follow.objects.filter(user__email="member@example.org", theme__slug="plaidoyer").exists()
    member_page.get_by_role("button", name="Ne plus suivre").click()
    member_page.get_by_role("button", name="Suivre ce thème").wait_for()
    assert not Follow.objects.filter(theme__slug="plaidoyer").exists()
    assert console_errors == []


def test_a_reply_to_a_field_report_appears_in_its_discussion(
    member_page, live_server, console_errors
):
    from learning.models import FieldReport

    report = FieldReport.objects.exclude(author__email="member@example.org").first()
    member_page.goto(f"{live_server.url}{report.get_absolute_url()}")
    member_page.get_by_label("Votre message").fill("Merci : avez-vous associé les élus locaux ?")
    member_page.get_by_role("button", name="Publier").click()
    member_page.locator(".comment__body", has_text="avez-vous associé les élus").wait_for()
    assert report.comments.filter(author__email="member@example.org").count() == 1
    assert console_errors == []


@pytest.mark.skipif(
    not AXE.exists(), reason="axe-core is not installed (npm ci --prefix tests/browser)"
)
def test_the_learning_pages_have_no_axe_violation(member_page, live_server):
    from dossiers.models import Recommendation
    from learning.models import FieldReport

    recommendation = Recommendation.objects.filter(field_reports__isnull=False).first()
    report = FieldReport.objects.first()
    for path in [
        "/recommandations/",
        "/recommandations/?theme=plaidoyer&status=zzz",
        f"/recommandations/{recommendation.pk}/",
        "/themes/plaidoyer/",
        "/regions/afrique-subsaharienne/",
        report.get_absolute_url(),
        f"/recommandations/{recommendation.pk}/retours/nouveau/",
    ]:
        assert member_page.goto(f"{live_server.url}{path}").status == 200, path
        assert axe_violations(member_page) == [], path


@pytest.mark.skipif(
    not AXE.exists(), reason="axe-core is not installed (npm ci --prefix tests/browser)"
)
def test_a_curators_follow_up_form_has_no_axe_violation(chromium, live_server, console_errors):
    from dossiers.models import Recommendation

    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "curator@example.org", console_errors)
    recommendation = Recommendation.objects.order_by("pk").first()
    assert page.goto(f"{live_server.url}/recommandations/{recommendation.pk}/").status == 200
    assert page.get_by_role("button", name="Enregistrer le changement").is_visible()
    assert axe_violations(page) == []


def test_the_learning_pages_fit_a_phone(chromium, live_server, console_errors):
    from dossiers.models import Recommendation

    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "member@example.org", console_errors)
    page.set_viewport_size({"width": 360, "height": 800})
    recommendation = Recommendation.objects.filter(field_reports__isnull=False).first()
    for path in [
        "/recommandations/?theme=plaidoyer",
        f"/recommandations/{recommendation.pk}/",
        f"/recommandations/{recommendation.pk}/retours/nouveau/",
        "/themes/plaidoyer/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
