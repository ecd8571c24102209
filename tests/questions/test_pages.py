"""The cross-dossier question pages: the list and its order, the page of one, answering
(with and without JavaScript), « lire sans répondre », who may do what, and query counts."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussions.models import Comment
from discussions.services import comment_create
from questions.models import CrossQuestion, ReadWithoutAnswering
from syntheses.services import synthesis_save
from tests.factories import DossierFactory, QuestionFactory, UserFactory
from tests.queries import counted_get
from tests.questions.conftest import BOB_SECRET, DRAFT_QUESTION, gather

pytestmark = pytest.mark.django_db


def page_url(setting) -> str:
    return reverse("questions:detail", args=[setting.cross.slug])


def answer_url(setting, question) -> str:
    return reverse("questions:answer", args=[setting.cross.slug, question.pk])


# --- Who may do what ------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["questions:list", "questions:detail"])
def test_anonymous_visitors_are_sent_to_the_login(client, reflect, url_name):
    args = [reflect.cross.slug] if url_name == "questions:detail" else []
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_cross_question_of_drafts_only_is_not_found_for_members(alice_client, carol_client):
    cross = CrossQuestion.objects.create(wording="En préparation", slug="prep")
    gather(cross, QuestionFactory(dossier=DossierFactory(status="draft")))
    assert alice_client.get(reverse("questions:detail", args=["prep"])).status_code == 404
    assert "En préparation" not in alice_client.get(reverse("questions:list")).content.decode()
    assert carol_client.get(reverse("questions:detail", args=["prep"])).status_code == 200


def test_answering_a_draft_dossier_question_is_not_found(alice_client, reflect):
    response = alice_client.post(answer_url(reflect, reflect.drafted), {"body": "Mon avis"})
    assert response.status_code == 404
    assert not Comment.objects.filter(question=reflect.drafted, body="Mon avis").exists()


def test_answering_a_question_of_another_cross_question_is_not_found(alice_client, reflect):
    other = QuestionFactory()
    assert alice_client.post(answer_url(reflect, other), {"body": "x"}).status_code == 404


def test_the_forms_take_only_post(alice_client, reflect):
    assert alice_client.get(answer_url(reflect, reflect.first)).status_code == 405
    read = reverse("questions:read-without-answering", args=[reflect.cross.slug])
    assert alice_client.get(read).status_code == 405


# --- The list -------------------------------------------------------------------------


def test_the_list_counts_readable_questions_and_answers(alice_client, reflect):
    response = alice_client.get(reverse("questions:list"))
    cross = response.context["cross_questions"][0]
    assert (cross.questions_count, cross.answers_count) == (2, 2)  # the draft's left out
    assert not cross.answered


def test_the_list_puts_first_what_the_reader_has_not_answered(alice, alice_client, reflect):
    quiet = CrossQuestion.objects.create(wording="Zzz, sans réponse", slug="zzz")
    gather(quiet, QuestionFactory())
    answered = CrossQuestion.objects.create(wording="Aaa, déjà répondu", slug="aaa")
    question = QuestionFactory()
    gather(answered, question)
    comment_create(author=alice, target=question, body="Fait")
    listed = alice_client.get(reverse("questions:list")).context["cross_questions"]
    # Not answered by her: the one nobody answered first, then the one with answers.
    assert [c.slug for c in listed] == ["zzz", reflect.cross.slug, "aaa"]


# --- The page -------------------------------------------------------------------------


def test_the_page_shows_each_dossier_context_and_hides_the_answers(alice_client, reflect):
    page = alice_client.get(page_url(reflect)).content.decode()
    assert "Dossier Sahel" in page and "Dossier Andes" in page and "2000–2010" in page
    assert "2 réponses — publiez la vôtre pour les lire" in page
    assert BOB_SECRET not in page and DRAFT_QUESTION not in page
    assert "Lire sans répondre" in page


def test_answering_without_javascript_redirects_to_the_page_with_every_answer(
    alice_client, reflect
):
    response = alice_client.post(answer_url(reflect, reflect.second), {"body": "Mon avis"})
    mine = Comment.objects.get(question=reflect.second, body="Mon avis")
    assert response.status_code == 302
    assert response["Location"] == f"{page_url(reflect)}#comment-{mine.pk}"
    page = alice_client.get(page_url(reflect)).content.decode()
    assert BOB_SECRET in page and "Mon avis" in page
    assert "publiez la vôtre" not in page


def test_answering_with_htmx_answers_the_questions_fragment(alice_client, reflect):
    response = alice_client.post(
        answer_url(reflect, reflect.first), {"body": "Mon avis"}, headers={"HX-Request": "true"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert text.startswith('<div id="questions"')
    assert BOB_SECRET in text


def test_an_empty_answer_comes_back_with_a_french_error(alice_client, reflect):
    response = alice_client.post(answer_url(reflect, reflect.first), {"body": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Écrivez un message avant de l’envoyer." in html
    assert not Comment.objects.filter(question=reflect.first, author__email="alice@example.org")
    # The box names its error, for screen readers.
    pk = reflect.first.pk
    assert f'aria-describedby="answer-{pk}-help answer-{pk}-error"' in html
    assert f'id="answer-{pk}-error"' in html


def test_reading_without_answering_is_recorded_once_and_shown(
    alice, alice_client, bob_client, reflect
):
    read = reverse("questions:read-without-answering", args=[reflect.cross.slug])
    assert alice_client.post(read).status_code == 302
    assert alice_client.post(read, headers={"HX-Request": "true"}).status_code == 200
    assert ReadWithoutAnswering.objects.filter(user=alice).count() == 1
    mine = alice_client.get(page_url(reflect)).content.decode()
    assert BOB_SECRET in mine and "Vous avez lu les réponses sans répondre" in mine
    others = bob_client.get(page_url(reflect)).content.decode()
    assert "Lu sans répondre" in others and "Alice Martin" in others


def test_the_dossier_page_links_its_question_and_counts_the_hidden_answers(alice_client, reflect):
    page = alice_client.get(reverse("dossiers:detail", args=["sahel"])).content.decode()
    assert page_url(reflect) in page
    assert "2 réponses — publiez la vôtre pour les lire" in page  # the answer and its reply
    assert BOB_SECRET not in page


# --- Query counts ---------------------------------------------------------------------


def _grow(reflect, members: int) -> None:
    """Nine more dossiers' questions and answers by several members, replies included."""
    people = [UserFactory() for _ in range(members)]
    for n in range(9):
        question = QuestionFactory(dossier=DossierFactory(slug=f"more-{n}"))
        gather_more(reflect.cross, question, order=10 + n)
        for person in people:
            first = comment_create(author=person, target=question, body=f"Réponse {n}")
            comment_create(author=people[0], target=question, body="Suite", parent=first)


def gather_more(cross, question, *, order: int) -> None:
    from questions.models import GroupedQuestion

    GroupedQuestion.objects.create(cross_question=cross, question=question, order=order)


@pytest.mark.parametrize("unlocked", [True, False])
def test_the_page_makes_as_many_queries_for_ten_dossiers_as_for_one(
    alice, alice_client, reflect, unlocked
):
    if unlocked:
        ReadWithoutAnswering.objects.create(cross_question=reflect.cross, user=alice)
    _response, one = counted_get(alice_client, page_url(reflect))
    _grow(reflect, members=4)
    response, many = counted_get(alice_client, page_url(reflect))
    assert len(response.context["page"].blocks) == 11
    assert many == one


def test_the_list_makes_as_many_queries_for_many_questions(alice_client, reflect):
    _response, one = counted_get(alice_client, reverse("questions:list"))
    for n in range(5):
        cross = CrossQuestion.objects.create(wording=f"Q {n}", slug=f"q-{n}")
        question = QuestionFactory()
        gather(cross, question)
        comment_create(author=UserFactory(), target=question, body="Oui")
    response, many = counted_get(alice_client, reverse("questions:list"))
    assert len(response.context["cross_questions"]) == 6
    assert many == one


def test_the_dossier_page_makes_as_many_queries_with_its_questions_gathered(alice_client, reflect):
    url = reverse("dossiers:detail", args=["sahel"])
    _response, one = counted_get(alice_client, url)
    for n in range(3):
        question = QuestionFactory(dossier=reflect.first.dossier, order=50 + n)
        gather_more(reflect.cross, question, order=50 + n)
        comment_create(author=UserFactory(), target=question, body="Caché")
    _response, many = counted_get(alice_client, url)
    assert many == one


# --- The question of the week ---------------------------------------------------------


def test_the_question_of_the_week_is_the_featured_one_else_a_rotation(alice, reflect):
    other = CrossQuestion.objects.create(wording="Autre", slug="autre")
    gather(other, QuestionFactory())
    readable = CrossQuestion.objects.readable_by(alice)
    monday = datetime.date(2026, 11, 30)
    weeks = {readable.of_the_week(monday + datetime.timedelta(weeks=n)) for n in range(2)}
    assert weeks == {reflect.cross, other}
    other.featured_from = monday
    other.save()
    assert readable.of_the_week(monday) == other
    assert readable.of_the_week(monday + datetime.timedelta(weeks=5)) == other


# --- The admin ------------------------------------------------------------------------


def test_a_curator_gathers_questions_in_the_admin(carol_client, reflect):
    assert carol_client.get(reverse("admin:questions_crossquestion_changelist")).status_code == 200
    other = QuestionFactory(title="Quelle place pour les partenaires ?")
    response = carol_client.post(
        reverse("admin:questions_crossquestion_add"),
        {
            "wording": "Quelle place pour les partenaires ?",
            "slug": "partenaires",
            "description": "Deux dossiers se le demandent.",
            "grouped-TOTAL_FORMS": "2",
            "grouped-INITIAL_FORMS": "0",
            "grouped-0-question": str(other.pk),
            "grouped-0-order": "1",
            # Already gathered under « Quel plaidoyer porter ? »: refused, in French.
            "grouped-1-question": str(reflect.first.pk),
            "grouped-1-order": "2",
            "readings-TOTAL_FORMS": "0",
            "readings-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()
    assert not CrossQuestion.objects.filter(slug="partenaires").exists()


def test_members_have_no_admin_of_cross_questions(alice_client):
    response = alice_client.get(reverse("admin:questions_crossquestion_changelist"))
    assert response.status_code == 302


def test_the_page_reads_the_syntheses_of_its_questions_once(alice, alice_client, carol, reflect):
    ReadWithoutAnswering.objects.create(cross_question=reflect.cross, user=alice)
    synthesis_save(writer=carol, target=reflect.first, body="Ce qui ressort.")
    alice_client.get(page_url(reflect))
    with CaptureQueriesContext(connection) as queries:
        response = alice_client.get(page_url(reflect))
    assert "Ce qui ressort." in response.content.decode()
    # The syntheses' rows; besides them, the keys of the discussions that have one, read
    # once per pages' generation (which capturing queries renews: tests/conftest.py).
    read = [
        q["sql"]
        for q in queries
        if 'FROM "syntheses_synthesis"' in q["sql"]
        and '"syntheses_synthesis"."body_html"' in q["sql"]
    ]
    assert len(read) == 1, read
