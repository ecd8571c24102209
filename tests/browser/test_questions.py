"""Cross-dossier questions in Chromium, on the demo: the « Done when » of issue 12 (member
opens « Questions », picks the « réfléchir avant de lire » one, sees « 3 réponses — publiez la
vôtre pour les lire », answers, then reads the others, without a page load), « Lire sans
répondre » (htmx), and axe-core on the list and the page."""

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

REFLECT = "Comment rendre compte de ce qui ne se compte pas ?"
# Words of two colleagues' demo answers (questions/demo.py).
OTHERS = ["journal des changements", "récits courts"]


@pytest.fixture
def member_page(chromium, live_server, console_errors):
    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "member@example.org", console_errors)
    page.set_viewport_size({"width": 1280, "height": 900})
    return page


def open_reflect_first(page, live_server) -> None:
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Questions"
    ).click()
    page.get_by_role("link", name=REFLECT).click()
    page.get_by_text("3 réponses — publiez la vôtre pour les lire").wait_for()


def test_a_member_answers_then_reads_the_others(member_page, live_server, console_errors):
    from discussions.models import Comment

    open_reflect_first(member_page, live_server)
    for words in OTHERS:
        assert member_page.get_by_text(words).count() == 0
    url = member_page.url
    member_page.get_by_label("Votre réponse").first.fill(
        "Nous racontons les changements avec les partenaires, une fois l’an."
    )
    member_page.get_by_role("button", name="Publier ma réponse").first.click()
    member_page.get_by_text("journal des changements").wait_for()
    assert member_page.url == url  # swapped in by htmx, no page load
    assert member_page.get_by_text("récits courts").is_visible()
    assert member_page.get_by_text("publiez la vôtre").count() == 0
    assert (
        Comment.objects.filter(
            author__email="member@example.org", question__crossing__isnull=False
        ).count()
        == 1
    )
    assert console_errors == []


def test_reading_without_answering_is_said(member_page, live_server, console_errors):
    open_reflect_first(member_page, live_server)
    member_page.get_by_role("button", name="Lire sans répondre").click()
    member_page.get_by_text("journal des changements").wait_for()
    assert member_page.get_by_text("Vous avez lu les réponses sans répondre").is_visible()
    assert member_page.locator(".reflect-first__readings", has_text="Camille").count() == 1
    assert console_errors == []


@pytest.mark.skipif(
    not AXE.exists(), reason="axe-core is not installed (npm ci --prefix tests/browser)"
)
def test_the_question_pages_have_no_axe_violation(member_page, live_server):
    for path in [
        "/questions/",
        "/questions/rendre-compte-de-ce-qui-ne-se-compte-pas/",
        "/questions/quel-plaidoyer-et-au-nom-de-qui/",
    ]:
        assert member_page.goto(f"{live_server.url}{path}").status == 200, path
        assert axe_violations(member_page) == [], path
