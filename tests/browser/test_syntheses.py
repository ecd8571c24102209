"""The synthesis editor's citation picker in a real browser: the filter narrows the
discussion's contributions, the keyboard alone cites one (ArrowDown, Enter) and a « Citer »
button another, each reference inserted where the cursor is; the preview then shows them as
numbered links, publishing shows the synthesis above the discussion with the answers marked
« cité dans la synthèse ». No console error (CSP included); axe-core finds nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from syntheses.models import Synthesis
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import AXE, axe_violations
from tests.discussions.factories import CommentFactory
from tests.factories import DossierFactory, QuestionFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def writing(chromium: Any, live_server: Any, console_errors: list[str]) -> Any:
    UserFactory(
        email="carol@example.org", display_name="Carol Curatrice", is_staff=True, group="Curators"
    )
    awa = UserFactory(display_name="Awa Diallo")
    ines = UserFactory(display_name="Inès Garcia")
    dossier = DossierFactory(slug="plaidoyer")
    question = QuestionFactory(dossier=dossier)
    answers = [
        CommentFactory(
            dossier=dossier, question=question, author=awa, body="Des indicateurs co-construits."
        ),
        CommentFactory(
            dossier=dossier, question=question, author=ines, body="Une relecture annuelle commune."
        ),
    ]
    page = log_in(chromium, live_server, "carol@example.org", console_errors)
    url = reverse("syntheses:write", kwargs={"kind": "question", "pk": question.pk})
    page.goto(f"{live_server.url}{url}")
    return page, dossier, answers


def test_a_curator_cites_two_answers_with_the_keyboard_and_publishes(
    writing: Any, live_server: Any, console_errors: list[str]
) -> None:
    page, dossier, answers = writing
    box = page.locator("textarea[data-synthesis-body]")
    box.fill("Deux pistes :")
    # The filter narrows the list; ArrowDown then Enter cite the first one shown.
    search = page.locator("#picker-filter")
    search.fill("releCTURE")
    items = page.locator("[data-picker-item]")
    assert [item.is_visible() for item in items.all()] == [True, False]  # newest first
    search.press("ArrowDown")
    cite = page.locator(f'button[data-ref="[[c:{answers[1].pk}]]"]')
    assert cite.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    assert box.input_value() == f"Deux pistes : [[c:{answers[1].pk}]]"
    assert box.evaluate("box => box === document.activeElement")
    assert "Référence insérée" in page.locator("[data-picker-status]").inner_text()

    # Another at the cursor, from the filter's Enter.
    box.press("End")
    box.type(" et")
    search.fill("indicateurs")
    search.press("Enter")
    assert box.input_value() == (f"Deux pistes : [[c:{answers[1].pk}]] et [[c:{answers[0].pk}]]")

    page.get_by_role("button", name="Aperçu").click()
    preview = page.locator(".synthesis-preview")
    assert preview.locator("sup.citation a").all_inner_texts() == ["[1]", "[2]"]
    assert not Synthesis.objects.exists()
    if AXE.exists():
        assert axe_violations(page) == []

    page.get_by_role("button", name="Publier la synthèse").click()
    page.wait_for_url("**/syntheses/*/")
    assert Synthesis.objects.get().citations.count() == 2
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    thread = page.locator(f"#thread-question-{answers[0].question_id}")
    assert thread.locator(".synthesis").is_visible()
    assert thread.locator(".comment__cited").count() == 2
    assert console_errors == []
