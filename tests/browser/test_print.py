"""Printing the reading page in a real browser: no empty discussions, and the annotations as
numbered notes when « Imprimer » is pressed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import log_in
from tests.factories import AnnotationFactory, DossierFactory, QuestionFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_print_shows_no_empty_discussion_and_the_notes_are_numbered(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(slug="imprimer")
    QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    AnnotationFactory(dossier=dossier, author=alice, exact="Pratiques", body="À relire.")
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    page.locator("mark.annotation-highlight").wait_for()

    page.emulate_media(media="print")
    empty = page.get_by_text("Aucun message pour l’instant.")
    assert empty.count() == 2  # the question's and the dossier's own discussion
    assert all(not empty.nth(index).is_visible() for index in range(empty.count()))
    assert page.get_by_text("Quel plaidoyer mener ?").is_visible()

    page.emulate_media(media="screen")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Imprimer").click()
    page.wait_for_function("window.printed === true")
    page.emulate_media(media="print")
    assert page.locator("#corps mark.annotation-highlight + sup.print-note-ref").inner_text() == "1"
    assert page.locator(".print-notes li").all_inner_texts() == ["Alice Martin — À relire."]
    assert page.locator(".print-notes").is_visible()

    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("[data-print-added]").count() == 0
    assert console_errors == []
