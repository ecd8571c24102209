"""The reading page's discussions and its print view: questions fold their form like the
other parts, an empty discussion is marked so that print leaves it out, and a print button
for the page's module."""

from __future__ import annotations

import re

import pytest

from tests.discussions.factories import CommentFactory
from tests.factories import CaseStudyFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def section(html: str, dom_id: str) -> str:
    found = re.search(rf'<section class="thread" id="{dom_id}".*?</section>', html, re.DOTALL)
    assert found is not None, dom_id
    return found[0]


def test_a_question_s_form_unfolds_on_demand_like_a_case_study_s(alice_client, dossier) -> None:
    question = QuestionFactory(dossier=dossier)
    case = CaseStudyFactory(dossier=dossier)
    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    for dom_id in [f"thread-question-{question.pk}", f"thread-etude-{case.pk}"]:
        thread = section(html, dom_id)
        assert thread.count("<textarea") == 1
        assert thread.index('<details class="thread__new">') < thread.index("<textarea")
    # The dossier's own discussion keeps its box open.
    assert '<details class="thread__new">' not in section(html, f"thread-dossier-{dossier.pk}")


def test_an_empty_discussion_is_marked_so_that_print_leaves_it_out(alice_client, dossier) -> None:
    answered = QuestionFactory(dossier=dossier)
    empty = QuestionFactory(dossier=dossier)
    CommentFactory(dossier=dossier, question=answered)
    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert '<p class="thread__count thread__count--empty">Aucun message pour l’instant.</p>' in (
        section(html, f"thread-question-{empty.pk}")
    )
    assert '<p class="thread__count">1 message</p>' in section(
        html, f"thread-question-{answered.pk}"
    )


def test_the_page_has_a_print_button_its_module_shows(alice_client, dossier) -> None:
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert "data-print hidden>Imprimer</button>" in html
    assert re.search(r'<script type="module" src="/static/js/print\.[\w.]*js"></script>', html)
