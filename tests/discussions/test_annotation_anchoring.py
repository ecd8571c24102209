"""Re-anchoring: when a body changes, its annotations follow their words or become orphans."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.models.fields.files import FieldFile
from django.test import Client
from django.test.utils import CaptureQueriesContext

from discussions.anchoring import Selector, TextChange, locate, validate, with_context
from discussions.models import Annotation, Notification
from dossiers.models import Dossier
from tests.discussions.test_annotation_api import BODY, PASSAGE
from tests.factories import AnnotationFactory, CaseStudyFactory, DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def text(db) -> Dossier:
    return DossierFactory(body=BODY, slug="texte")


def passage(annotation: Annotation, body: Any) -> str:
    body.refresh_from_db()
    annotation.refresh_from_db()
    return body.body_text[annotation.start : annotation.end]


def test_text_inserted_before_keeps_the_annotation_on_the_same_words(alice, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    old_start = annotation.start
    text.body = "## Préambule\n\nUn paragraphe ajouté avant tout 🎉.\n\n" + BODY
    text.save()
    assert passage(annotation, text) == PASSAGE
    assert annotation.start > old_start
    assert annotation.state == Annotation.State.ANCHORED
    assert annotation.text_version == text.history.latest().history_id


def test_a_passage_edited_slightly_is_found_again_with_its_new_words(alice, text):
    annotation = AnnotationFactory(
        author=alice, dossier=text, exact="Les chargés de mission accompagnent les partenaires"
    )
    text.body = BODY.replace(
        "Les chargés de mission accompagnent les partenaires",
        "Les chargées de mission accompagnent leurs partenaires",
    )
    text.save()
    assert passage(annotation, text) == "Les chargées de mission accompagnent leurs partenaires"
    assert annotation.exact == "Les chargées de mission accompagnent leurs partenaires"
    assert annotation.state == Annotation.State.ANCHORED


def test_a_removed_passage_orphans_the_annotation_and_tells_its_author(alice, carol, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    text.body = "## Contexte\n\nTout a été réécrit.\n"
    text._history_user = carol  # as the admin's HistoryRequestMiddleware does
    text.save()
    annotation.refresh_from_db()
    assert annotation.state == Annotation.State.ORPHANED
    assert annotation.exact == PASSAGE  # the quote is kept, to be re-attached
    notification = Notification.objects.get(recipient=alice)
    assert notification.kind == Notification.Kind.ORPHANED
    assert notification.annotation == annotation
    assert notification.actor == carol
    # Another edit does not tell her again.
    text.body += "\nEncore.\n"
    text.save()
    assert Notification.objects.filter(recipient=alice).count() == 1


def test_an_orphan_finds_its_passage_again_when_the_text_comes_back(alice, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    text.body = "Supprimé."
    text.save()
    text.body = BODY
    text.save()
    assert passage(annotation, text) == PASSAGE
    assert annotation.state == Annotation.State.ANCHORED


def test_linus_never_lands_on_chines(alice):
    body = DossierFactory(body="Le noyau écrit par Linus tourne sur des machines anciennes.")
    annotation = AnnotationFactory(author=alice, dossier=body, exact="Linus")
    body.body = "Le noyau tourne sur des machines anciennes."
    body.save()
    annotation.refresh_from_db()
    assert annotation.state == Annotation.State.ORPHANED


def test_a_short_quote_does_not_jump_to_the_same_word_elsewhere(alice):
    body = DossierFactory(
        body="Au début, la coopérative vend du café.\n\nPlus loin, un autre texte parle de la terre."
    )
    annotation = AnnotationFactory(author=alice, dossier=body, exact="la")
    body.body = (
        "Au début, une coopérative vend du café.\n\nPlus loin, un autre texte parle de la terre."
    )
    body.save()
    annotation.refresh_from_db()
    assert annotation.state == Annotation.State.ORPHANED


def test_a_title_edit_leaves_annotations_untouched(alice, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    version = annotation.text_version
    text.title = "Un nouveau titre"
    with CaptureQueriesContext(connection) as queries:
        text.save()
    writes = [
        q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "annotation" in q["sql"]
    ]
    assert writes == []
    annotation.refresh_from_db()
    assert annotation.text_version == version


def test_annotations_of_other_bodies_are_not_touched(alice, text):
    case = CaseStudyFactory(dossier=text, body="Une étude : les paysans s’organisent.")
    on_case = AnnotationFactory(author=alice, case_study=case, exact="les paysans")
    text.body = "Tout autre chose."
    text.save()
    on_case.refresh_from_db()
    assert on_case.state == Annotation.State.ANCHORED


def admin_form_data(response: Any) -> dict[str, Any]:
    """The POST data of an admin change form as it was rendered (fields and inlines)."""
    data: dict[str, Any] = {}

    def add(form: Any) -> None:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(value, FieldFile):
                continue  # no file uploaded: the admin keeps the current one
            if isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [getattr(v, "pk", v) for v in value]
            elif value is None:
                data[key] = ""
            else:
                data[key] = field.widget.format_value(value) if name == "tags" else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return {key: value for key, value in data.items() if value != [] and value is not None}


def test_a_curator_edits_case_study_text_in_the_admin_inline_and_the_highlight_stays(
    alice, carol, text
):
    case = CaseStudyFactory(dossier=text, body="Une étude : les paysans s’organisent en réseau.")
    annotation = AnnotationFactory(author=alice, case_study=case, exact="les paysans")
    client = Client()
    client.force_login(carol)
    url = f"/admin/dossiers/dossier/{text.pk}/change/"
    data = admin_form_data(client.get(url))
    prefix = next(key for key, value in data.items() if value == case.body).removesuffix("body")
    data[f"{prefix}body"] = "Avant : une longue introduction. " + case.body
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert passage(annotation, case) == "les paysans"
    assert annotation.start > 12
    assert annotation.text_version == case.history.latest().history_id
    # The edit is the curator's: the history says so.
    assert case.history.latest().history_user == carol


def test_validate_counts_code_points_after_an_emoji():
    text = "Café 🌍 résumé : les partenaires"
    start = text.index("les")
    selector = validate(text, Selector(exact="les", start=start, end=start + 3))
    assert selector.start == 16  # "🌍" is one code point (two UTF-16 units in a browser)
    assert selector.prefix == "Café 🌍 résumé : "


def test_locate_uses_the_diff_to_choose_between_two_identical_passages():
    old = "Un passage. Du texte entre les deux. Un passage."
    selector = with_context(old, 37, 47)
    new = "Ajout. " + old
    found = locate(new, selector, TextChange(old, new))
    assert found is not None and found.start == 44


def test_a_curator_edits_the_text_before_a_passage_in_the_admin_and_it_stays_on_its_words(
    alice, carol, text
):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    client = Client()
    client.force_login(carol)
    url = f"/admin/dossiers/dossier/{text.pk}/change/"
    data = admin_form_data(client.get(url))
    data["body"] = "## Avant-propos\n\nQuelques mots ajoutés, avec un 🌱.\n\n" + text.body
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert passage(annotation, text) == PASSAGE
    assert annotation.state == Annotation.State.ANCHORED
    assert not Notification.objects.filter(kind=Notification.Kind.ORPHANED).exists()
