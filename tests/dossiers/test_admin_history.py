"""A dossier's history in the admin reads as what people changed: texts as a word diff, the
reason given, no change made of line endings, no « Deleted utilisateur (pk=None) »."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from dossiers.history import text_change_html
from dossiers.models import Dossier
from tests.dossiers.test_concurrent_edits import BODY, change_url, opened
from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def text(db) -> Dossier:
    # Made by code, as the demo is: its first versions have no « changed by ».
    return DossierFactory(
        title="Semences paysannes",
        slug="semences",
        body=BODY + "\n\n" + "Un long paragraphe qui ne change pas. " * 200,
        author_names="Programme Migrants\nService Afrique",
    )


def save_as_a_browser_does(client, dossier: Dossier, **changes: str) -> None:
    data = opened(client, dossier)
    data.update(changes)
    # Browsers send every textarea's lines ended by CR LF.
    for name in ("body", "summary", "author_names"):
        data[name] = data[name].replace("\n", "\r\n")
    response = client.post(change_url(dossier), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def history_html(client, dossier: Dossier) -> str:
    url = reverse("admin:dossiers_dossier_history", args=[dossier.pk])
    return client.get(url).content.decode()


def test_texts_are_stored_with_the_line_endings_they_were_written_with(carol_client, text) -> None:
    save_as_a_browser_does(carol_client, text, title="Semences paysannes et marchés")
    text.refresh_from_db()
    assert "\r" not in text.body + text.author_names + text.summary
    assert text.author_names == "Programme Migrants\nService Afrique"


def test_the_history_shows_a_word_diff_the_reason_and_no_phantom_change(carol_client, text) -> None:
    body = text.body.replace("pas à pas", "pas à pas, puis d’un seul élan")
    save_as_a_browser_does(carol_client, text, body=body, change_reason="Précision du contexte")
    html = history_html(carol_client, text)
    assert re.search(r"<ins>[^<]*puis d’un seul élan[^<]*</ins>", html)
    assert "chars]" not in html
    assert "Précision du contexte" in html
    # Untouched, though posted back with CR LF: not a change.
    assert "Autres auteurs" not in html
    # The first save by a person fills « last changed by », empty in the version before.
    assert "Deleted" not in html and "pk=None" not in html
    assert "None" not in html.split('id="change-history"')[1]


def test_the_reason_is_kept_with_the_parts_saved_in_the_same_form(carol_client, text) -> None:
    from tests.factories import CaseStudyFactory

    study = CaseStudyFactory(dossier=text, order=1, title="Au Burkina Faso", body="Un texte.")
    data = opened(carol_client, text)
    data["case_studies-0-body"] = "Un texte revu."
    data["change_reason"] = "Relecture"
    assert carol_client.post(change_url(text), data).status_code == 302
    assert study.history.first().history_change_reason == "Relecture"


def test_a_word_diff_is_escaped() -> None:
    old, new = text_change_html("Un <b>texte</b> ancien.", "Un <b>texte</b> <script>x</script>.")
    assert "<script>" not in new and "&lt;script&gt;" in new
    assert "<del>ancien</del>" in old
