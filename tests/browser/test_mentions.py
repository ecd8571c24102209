"""Mention suggestions in a real browser: « @Bo » offers colleagues in every message and note
box (the page's form, a reply form htmx swaps in, the annotation panel's note), chosen with
the keyboard; the mention then links to the colleague's profile. axe-core finds nothing on
the profile, the directory or the open list."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from discussions.models import Comment
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import AXE, axe_violations
from tests.browser.test_annotations import BODY, PASSAGE, SELECT
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def discussing(chromium: Any, live_server: Any, console_errors: list[str]) -> Any:
    UserFactory(email="alice@example.org", display_name="Alice Martin")
    UserFactory(email="bob@example.org", display_name="Bob Leroy", job_title="Chargé Sahel")
    UserFactory(email="boris@example.org", display_name="Boris Vian")
    UserFactory(email="bobette@example.org", display_name="Bobette Partie", is_active=False)
    dossier = DossierFactory(slug="fil", body=BODY)
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}#discussion")
    page.wait_for_load_state("networkidle")
    return page, dossier


def options(listbox: Any) -> list[str]:
    listbox.locator('[role="option"]').first.wait_for()
    return listbox.locator('[role="option"] > span:first-child').all_inner_texts()


def test_a_member_picks_a_colleague_with_the_keyboard_and_the_mention_links_to_the_profile(
    discussing: Any, live_server: Any, console_errors: list[str]
) -> None:
    page, dossier = discussing
    thread = f"#thread-dossier-{dossier.pk}"
    box = page.locator(f"{thread} > form textarea")
    box.click()
    box.type("Qu’en pense @Bo")
    listbox = page.locator(f"#{box.get_attribute('id')}-mentions")

    # Active members only, inactive Bobette left out; names and job titles, no address.
    assert options(listbox) == ["Bob Leroy", "Boris Vian"]
    assert "@" not in listbox.inner_text()
    assert box.get_attribute("aria-autocomplete") == "list"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    status = page.locator(f"#{box.get_attribute('id')}-mentions + [role=status]")
    assert status.inner_text().startswith("2 collègues")

    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")
    first = listbox.locator('[role="option"]').first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.press("Enter")

    assert listbox.is_hidden()
    assert box.input_value() == "Qu’en pense @Bob Leroy "
    assert status.inner_text() == "Mention de Bob Leroy ajoutée."
    assert box.get_attribute("aria-activedescendant") is None
    box.type("?")
    page.click(f"{thread} > form button[type=submit]")
    mention = page.locator(f"{thread} .comment a.mention")
    mention.wait_for()

    bob = User.objects.get(email="bob@example.org")
    assert mention.inner_text() == "@Bob Leroy"
    assert mention.get_attribute("href") == reverse("accounts:member", kwargs={"pk": bob.pk})
    assert Comment.objects.get().body == "Qu’en pense @Bob Leroy ?"
    mention.click()
    page.wait_for_url(f"{live_server.url}/membres/{bob.pk}/")
    assert page.locator("h1").inner_text() == "Bob Leroy"
    assert console_errors == []


def test_escape_closes_the_list_and_leaves_the_text_as_typed(discussing: Any) -> None:
    page, dossier = discussing
    box = page.locator(f"#thread-dossier-{dossier.pk} > form textarea")
    box.click()
    box.type("Voir @Bor")
    listbox = page.locator(f"#{box.get_attribute('id')}-mentions")
    assert options(listbox) == ["Boris Vian"]
    box.press("Escape")
    assert listbox.is_hidden()
    box.press("Enter")  # a new line, not a choice
    assert box.input_value() == "Voir @Bor\n"


def test_a_reply_form_swapped_in_by_htmx_offers_colleagues_too(discussing: Any) -> None:
    page, dossier = discussing
    Comment.objects.create(
        dossier=dossier, author=User.objects.get(display_name="Boris Vian"), body="Une question"
    )
    page.reload()
    page.get_by_text("Répondre").click()
    box = page.locator(f"#thread-dossier-{dossier.pk} .comment__slot textarea")
    box.wait_for()
    box.type("Merci @bob")
    listbox = page.locator(f"#{box.get_attribute('id')}-mentions")
    assert options(listbox) == ["Bob Leroy"]
    box.press("ArrowDown")
    box.press("Enter")
    assert box.input_value() == "Merci @Bob Leroy "


def test_the_annotation_note_offers_colleagues_and_escape_keeps_the_panel_open(
    discussing: Any,
) -> None:
    page, _dossier = discussing
    assert page.evaluate(SELECT, ["#corps", PASSAGE])
    trigger = page.locator("[data-annotation-trigger]")
    trigger.wait_for(state="visible")
    trigger.click()
    note = page.locator("#annotation-note")
    note.type("À lire, @Bori")
    listbox = page.locator("#annotation-note-mentions")
    assert options(listbox) == ["Boris Vian"]
    note.press("ArrowDown")
    note.press("Enter")
    assert note.input_value() == "À lire, @Boris Vian "
    note.type("@Bo")
    options(listbox)
    note.press("Escape")
    assert listbox.is_hidden()
    assert page.locator("#annotation-panel").is_visible()


@pytest.mark.skipif(
    not AXE.exists(), reason="axe-core is not installed (npm ci --prefix tests/browser)"
)
def test_profiles_the_directory_and_the_open_list_have_no_axe_violation(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "member@example.org", console_errors)
    page.set_viewport_size({"width": 1280, "height": 900})
    awa = User.objects.get(email="awa.diallo@example.org")
    for path in [
        reverse("accounts:members"),
        reverse("accounts:members") + "?q=zzz",
        reverse("accounts:member", kwargs={"pk": awa.pk}),
        reverse("accounts:member", kwargs={"pk": User.objects.get(email="member@example.org").pk}),
    ]:
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert axe_violations(page) == [], path

    from dossiers.models import Dossier

    dossier = Dossier.objects.get(slug="partenariats-en-zones-de-conflit")
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}#discussion")
    box = page.locator(f"#thread-dossier-{dossier.pk} > form textarea")
    box.scroll_into_view_if_needed()
    box.click()
    box.type("Bonjour @A")
    listbox = page.locator(f"#{box.get_attribute('id')}-mentions")
    listbox.locator('[role="option"]').first.wait_for()
    box.press("ArrowDown")
    assert axe_violations(page) == []
    assert console_errors == []
