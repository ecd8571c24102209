"""Annotating with the keyboard alone, without caret browsing (F7, which Safari lacks):
« Choisir un passage », arrows to the paragraph and its words, Enter, the note, saved."""

from __future__ import annotations

from typing import Any

import pytest

from discussions.models import Annotation
from tests.browser.test_annotations import PASSAGE, reading  # noqa: F401 the fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def status(page: Any) -> str:
    return page.locator("[data-passage-status]").inner_text()


def test_a_passage_is_chosen_and_annotated_with_the_keyboard_alone(
    reading: Any,  # noqa: F811
    console_errors: list[str],
) -> None:
    page, dossier = reading
    button = page.get_by_role("button", name="Choisir un passage")
    button.focus()
    page.keyboard.press("Enter")
    # The passage is a whole paragraph, read out; down to the one to annotate.
    for _ in range(6):
        if status(page).startswith("Passage : « Les chargés"):
            break
        page.keyboard.press("ArrowDown")
    assert status(page).startswith("Passage : « Les chargés de mission accompagnent")
    # Its start four words further, its end two words back.
    for _ in range(4):
        page.keyboard.press("Shift+ArrowRight")
    for _ in range(2):
        page.keyboard.press("ArrowLeft")
    assert status(page) == f"Passage : « {PASSAGE} » (3 mots). Entrée : l’annoter."
    assert page.evaluate("document.getSelection().toString()") == PASSAGE

    page.keyboard.press("Enter")
    note = page.locator("#annotation-note")
    note.wait_for()
    assert page.evaluate("document.activeElement.id") == "annotation-note"
    page.keyboard.type("Noté au clavier.")
    page.locator("#annotation-panel button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.locator("#annotation-panel .annotation-view__note").wait_for()

    annotation = Annotation.objects.get()
    assert dossier.body_text[annotation.start : annotation.end] == PASSAGE
    assert annotation.body == "Noté au clavier."
    assert not console_errors


def test_escape_leaves_the_choice_and_gives_the_focus_back(
    reading: Any,  # noqa: F811
    console_errors: list[str],
) -> None:
    page, _dossier = reading
    button = page.get_by_role("button", name="Choisir un passage")
    button.focus()
    page.keyboard.press("Enter")
    assert status(page).startswith("Passage : «")
    assert page.locator(".passage-picker__block").count() == 1
    page.keyboard.press("Escape")
    assert page.locator(".passage-picker__block").count() == 0
    assert page.evaluate("document.activeElement.dataset.passagePicker") == ""
    assert page.evaluate("document.getSelection().toString()") == ""
    assert not console_errors
