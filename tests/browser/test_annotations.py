"""Annotating in a real browser: select, annotate, reload, find the highlight, open it."""

from __future__ import annotations

from typing import Any

import pytest

from discussions.models import Annotation
from tests.browser.conftest import log_in
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# An emoji (2 UTF-16 units, 1 code point) and accents before the passage.
BODY = (
    "## Contexte\n\nCafé 🌍 résumé : le partenariat s’est construit *pas à pas*.\n\n"
    "Les chargés de mission accompagnent les partenaires du Sud.\n"
)
PASSAGE = "accompagnent les partenaires"

SELECT = """([selector, passage]) => {
  const body = document.querySelector(selector);
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(passage);
    if (at !== -1) {
      const range = document.createRange();
      range.setStart(walker.currentNode, at);
      range.setEnd(walker.currentNode, at + passage.length);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
      return true;
    }
  }
  return false;
}"""


@pytest.fixture
def reading(chromium: Any, live_server: Any, console_errors: list[str]) -> Any:
    UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(body=BODY, slug="texte")
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    return page, dossier


def test_a_member_annotates_a_passage_and_finds_the_highlight_after_a_reload(
    reading: Any, console_errors: list[str]
) -> None:
    page, dossier = reading
    # The browser's text of the body is the text the server counts positions in.
    assert page.evaluate("document.getElementById('corps').textContent") == dossier.body_text

    assert page.evaluate(SELECT, ["#corps", PASSAGE])
    trigger = page.locator("[data-annotation-trigger]")
    trigger.wait_for(state="visible")
    trigger.click()
    page.fill("#annotation-note", "Une *pratique* à retenir.")
    page.fill("#annotation-tags", "plaidoyer, réciprocité")
    page.click("#annotation-panel button[type=submit]")
    page.locator("#annotation-panel .annotation-view__note em").wait_for()

    annotation = Annotation.objects.get()
    assert dossier.body_text[annotation.start : annotation.end] == PASSAGE
    assert sorted(annotation.tags.names()) == ["plaidoyer", "réciprocité"]

    page.reload()
    mark = page.locator(f'mark.annotation-highlight[data-annotation-id="{annotation.pk}"]')
    mark.wait_for()
    assert mark.inner_text() == PASSAGE
    assert mark.get_attribute("tabindex") == "0"

    mark.focus()
    page.keyboard.press("Enter")
    panel = page.locator("#annotation-panel")
    panel.wait_for(state="visible")
    assert panel.locator(".annotation-view__note").inner_text() == "Une pratique à retenir."
    assert panel.locator(".annotation-quote").inner_text() == PASSAGE
    # The reply thread of the discussions app arrives in the panel.
    panel.locator(".annotation-view__replies .thread").wait_for()
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert console_errors == []


def test_the_keyboard_shortcut_opens_the_form_and_a_private_note_is_dotted(
    reading: Any, console_errors: list[str]
) -> None:
    page, dossier = reading
    assert page.evaluate(SELECT, ["#corps", "Café 🌍 résumé"])
    page.keyboard.press("Alt+a")
    page.locator("#annotation-note").wait_for()
    assert page.evaluate("document.activeElement.id") == "annotation-note"
    page.fill("#annotation-note", "Pour moi.")
    page.check("#annotation-panel input[value=private]")
    page.click("#annotation-panel button[type=submit]")
    mark = page.locator("mark.annotation-highlight--private")
    mark.wait_for()
    assert mark.inner_text() == "Café 🌍 résumé"
    annotation = Annotation.objects.get()
    assert annotation.visibility == "private"
    assert dossier.body_text[annotation.start : annotation.end] == "Café 🌍 résumé"
    assert console_errors == []


def test_overlapping_highlights_nest_and_an_orphan_is_re_attached_from_the_panel(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    from discussions.anchoring import Selector
    from discussions.annotation_services import annotation_create

    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(body=BODY, slug="texte")

    def annotate(passage: str, note: str) -> Annotation:
        start = dossier.body_text.index(passage)
        selector = Selector(exact=passage, start=start, end=start + len(passage))
        return annotation_create(
            author=alice, body=dossier, selector=selector, note=note, visibility="shared", tags=[]
        )

    annotate("chargés de mission accompagnent", "Première.")
    annotate("accompagnent les partenaires", "Seconde.")
    orphan = annotate("construit", "Le passage va disparaître.")
    dossier.body = BODY.replace("s’est construit", "a grandi")
    dossier.save()
    orphan.refresh_from_db()
    assert orphan.state == Annotation.State.ORPHANED

    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    page.locator("mark.annotation-highlight mark.annotation-highlight").wait_for()
    ids = page.eval_on_selector_all(
        "mark.annotation-highlight", "marks => [...new Set(marks.map(m => m.dataset.annotationId))]"
    )
    assert len(ids) == 2  # the orphan has no highlight
    assert page.evaluate("document.getElementById('corps').textContent") == dossier.body_text

    page.click("[data-annotation-open-list]")
    orphans = page.locator("[data-annotation-orphans]")
    orphans.wait_for(state="visible")
    assert "Passage modifié" in orphans.inner_text()
    orphans.locator("button").first.click()
    page.locator(".annotation-view__state").wait_for(state="visible")

    assert page.evaluate(SELECT, ["#corps", "a grandi"])
    page.click("[data-action=reattach]")
    page.locator(f'mark[data-annotation-id="{orphan.pk}"]').wait_for()
    orphan.refresh_from_db()
    assert orphan.state == Annotation.State.ANCHORED
    assert dossier.body_text[orphan.start : orphan.end] == "a grandi"
    assert console_errors == []


def test_a_colleague_opens_the_highlight_and_replies_in_the_panel(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    from discussions.anchoring import Selector
    from discussions.annotation_services import annotation_create
    from discussions.models import Comment

    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    UserFactory(email="claire@example.org", display_name="Claire Moreau")
    dossier = DossierFactory(body=BODY, slug="texte")
    start = dossier.body_text.index(PASSAGE)
    annotation = annotation_create(
        author=alice,
        body=dossier,
        selector=Selector(exact=PASSAGE, start=start, end=start + len(PASSAGE)),
        note="Qu’en pensez-vous ?",
        visibility="shared",
        tags=[],
    )

    page = log_in(chromium, live_server, "claire@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    page.locator(f'mark[data-annotation-id="{annotation.pk}"]').click()
    # Someone else's note can be reported, on a page that comes back here.
    report = page.locator('#annotation-panel [data-field="report-link"]')
    report.wait_for()
    assert report.get_attribute("href") == (
        f"/discussions/annotations/{annotation.pk}/signaler/?next=%2Fdossiers%2Ftexte%2F"
    )
    replies = page.locator("#annotation-panel .annotation-view__replies")
    replies.locator("textarea").fill("Oui, *exactement* ce que nous vivons.")
    replies.locator("form:has(textarea) button[type=submit]").click()
    replies.locator(".comment__body em").wait_for()
    assert "1 message" in replies.locator(".thread__count").inner_text()
    # The form is ready for another message, and the reply is the annotation's.
    assert replies.locator("textarea").input_value() == ""
    reply = Comment.objects.get()
    assert (reply.annotation, reply.author.email) == (annotation, "claire@example.org")
    assert console_errors == []


def test_a_note_saved_in_another_tab_meanwhile_is_reported_and_the_typed_note_kept(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    from discussions.anchoring import Selector
    from discussions.annotation_services import annotation_create, annotation_update

    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(body=BODY, slug="texte")
    start = dossier.body_text.index(PASSAGE)
    annotation = annotation_create(
        author=alice,
        body=dossier,
        selector=Selector(exact=PASSAGE, start=start, end=start + len(PASSAGE)),
        note="Première idée.",
        visibility="shared",
        tags=[],
    )
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    page.locator(f'mark[data-annotation-id="{annotation.pk}"]').click()
    page.click("#annotation-panel [data-action=edit]")
    annotation_update(annotation=annotation, note="Écrit dans l’autre onglet.", version=1)

    page.fill("#annotation-note", "Écrit ici.")
    page.click("#annotation-panel button[type=submit]")
    error = page.locator('#annotation-panel form [data-field="error"]')
    error.wait_for(state="visible")
    assert error.inner_text().startswith("Cette annotation a été modifiée ailleurs")
    assert "« Écrit dans l’autre onglet. »" in error.inner_text()
    assert page.input_value("#annotation-note") == "Écrit ici."
    annotation.refresh_from_db()
    assert annotation.body == "Écrit dans l’autre onglet."

    # Sent again, knowing: based on the version the 409 brought, it is saved.
    page.click("#annotation-panel button[type=submit]")
    page.locator("#annotation-panel .annotation-view__note").wait_for()
    annotation.refresh_from_db()
    assert (annotation.body, annotation.version) == ("Écrit ici.", 3)
    assert [e for e in console_errors if "409" not in e] == []


def test_an_annotation_cited_in_a_synthesis_says_so_in_the_panel(
    reading: Any, console_errors: list[str]
) -> None:
    """The panel of a cited annotation shows « cité dans la synthèse », linked to it."""
    from syntheses.services import synthesis_save
    from tests.factories import AnnotationFactory

    page, dossier = reading
    curator = UserFactory(is_staff=True, group="Curators")
    annotation = AnnotationFactory(dossier=dossier, exact=PASSAGE, body="À retenir.")
    synthesis = synthesis_save(writer=curator, target=dossier, body=f"[[a:{annotation.pk}]]")
    page.reload()
    page.locator(f'mark[data-annotation-id="{annotation.pk}"]').click()
    cited = page.locator("#annotation-panel .annotation-view").get_by_role(
        "link", name="cité dans la synthèse"
    )
    cited.wait_for()
    assert cited.get_attribute("href").endswith(synthesis.get_absolute_url())
    cited.click()
    page.wait_for_url(f"**{synthesis.get_absolute_url()}")
    assert console_errors == []
