"""Reading a synthesis: above its discussion, its sources as each reader may read them, the
« cité dans la synthèse » mark, its page, the digest's query, query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Comment
from syntheses.models import Synthesis
from syntheses.services import synthesis_save
from tests.discussions.factories import CommentFactory
from tests.factories import (
    DossierFactory,
    FieldReportFactory,
    QuestionFactory,
    RecommendationFactory,
    UserFactory,
)
from tests.queries import counted_get

pytestmark = pytest.mark.django_db


def refs(*comments: Any) -> str:
    return " ".join(f"[[c:{comment.pk}]]" for comment in comments)


@pytest.fixture
def synthesis(carol: Any, question: Any, answers: list[Comment]) -> Synthesis:
    return synthesis_save(writer=carol, target=question, body=f"Ce qui ressort : {refs(*answers)}.")


def test_the_synthesis_shows_above_its_discussion_on_the_dossier_page(
    alice_client: Client, synthesis: Synthesis, dossier: Any, answers: list[Comment]
) -> None:
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    thread = html[html.index(f'id="thread-question-{synthesis.question_id}"') :]
    assert thread.index('class="synthesis"') < thread.index(f'id="comment-{answers[0].pk}"')
    assert "synthétisée" in thread
    assert "Ce qui ressort" in thread
    assert "Avec les contributions de" in thread
    assert "Alice Martin</a> et <a" in thread and "Bob Leroy</a>" in thread


def test_a_cited_message_says_it_is_cited_and_links_back(
    alice_client: Client, synthesis: Synthesis, dossier: Any, answers: list[Comment]
) -> None:
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    message = html[html.index(f'id="comment-{answers[0].pk}"') :]
    message = message[: message.index("</article>")]
    assert "cité dans la synthèse" in message
    assert synthesis.get_absolute_url() in message


def test_a_message_not_cited_has_no_mark(
    alice_client: Client, synthesis: Synthesis, dossier: Any, question: Any
) -> None:
    other = CommentFactory(dossier=dossier, question=question)
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    message = html[html.index(f'id="comment-{other.pk}"') :]
    assert "cité dans la synthèse" not in message[: message.index("</article>")]


def test_a_source_withdrawn_since_stays_cited_as_withdrawn_without_its_text(
    alice_client: Client, synthesis: Synthesis, answers: list[Comment]
) -> None:
    Comment.objects.filter(pk=answers[1].pk).update(state=Comment.State.HIDDEN)
    html = alice_client.get(synthesis.get_absolute_url()).content.decode()
    assert "contribution retirée" in html
    assert "Avec les partenaires" not in html
    # Still numbered: nothing dangles.
    assert "[2]</a></sup>" in html
    credits = html[html.index("Avec les contributions de") :].split("</p>")[0]
    assert "Bob Leroy" not in credits


def test_a_source_the_reader_may_not_read_shows_as_not_visible(
    alice_client: Client, carol: Any, question: Any, answers: list[Comment]
) -> None:
    draft = DossierFactory(status="draft")
    secret = CommentFactory(dossier=draft, body="Texte d’un brouillon.")
    synthesis = synthesis_save(writer=carol, target=question, body=refs(answers[0], secret))
    html = alice_client.get(synthesis.get_absolute_url()).content.decode()
    assert "contribution non visible" in html
    assert "brouillon" not in html
    assert secret.author.get_display_name() not in html


def _sources(html: str) -> str:
    return html[html.index('<ol class="synthesis__sources">') :].split("</ol>")[0]


def test_messages_the_page_shows_are_cited_as_the_synthesis_page_cites_them(
    alice_client: Client, carol: Any, question: Any, answers: list[Comment], dossier: Any
) -> None:
    # On the dossier page, a cited message among the thread's rows (shown, or a tombstone
    # with replies) is taken from them; one elsewhere (a draft's) is read: the sources read
    # the same as on the synthesis's own page, which reads them all.
    CommentFactory(dossier=dossier, question=question, parent=answers[1])
    Comment.objects.filter(pk=answers[1].pk).update(state=Comment.State.HIDDEN)
    secret = CommentFactory(dossier=DossierFactory(status="draft"), body="Texte d’un brouillon.")
    synthesis = synthesis_save(writer=carol, target=question, body=refs(*answers))
    synthesis = synthesis_save(
        writer=carol, target=question, body=refs(*answers, secret), version=synthesis.version
    )
    page = alice_client.get(dossier.get_absolute_url()).content.decode()
    own = alice_client.get(synthesis.get_absolute_url()).content.decode()
    assert _sources(page) == _sources(own)
    listed = _sources(page)
    assert "Alice Martin</a>, message : <a" in listed and "« Un plaidoyer local. »" in listed
    assert "contribution retirée" in listed and "Avec les partenaires" not in listed
    assert "contribution non visible" in listed and "brouillon" not in listed


def test_a_cited_message_the_page_shows_costs_no_query(
    alice_client: Client, carol: Any, question: Any, answers: list[Comment], dossier: Any
) -> None:
    synthesis = synthesis_save(writer=carol, target=question, body=refs(answers[0]))
    _response, shown = counted_get(alice_client, dossier.get_absolute_url())
    elsewhere = CommentFactory(dossier=DossierFactory())  # on another dossier's page
    synthesis_save(writer=carol, target=question, body=refs(elsewhere), version=synthesis.version)
    _response, read = counted_get(alice_client, dossier.get_absolute_url())
    assert read == shown + 1


def test_a_synthesis_of_a_draft_is_not_found_by_a_member(
    alice_client: Client, carol_client: Client, carol: Any
) -> None:
    draft = DossierFactory(status="draft")
    synthesis = synthesis_save(writer=carol, target=draft, body="Rien.")
    assert alice_client.get(synthesis.get_absolute_url()).status_code == 404
    assert carol_client.get(synthesis.get_absolute_url()).status_code == 200


def test_its_page_lists_its_versions(
    alice_client: Client, carol: Any, synthesis: Synthesis, question: Any
) -> None:
    synthesis_save(writer=carol, target=question, body="Autre.", version=synthesis.version)
    html = alice_client.get(synthesis.get_absolute_url()).content.decode()
    versions = html[html.index("Versions") :]
    assert versions.count("Carol Curatrice") == 2


def test_it_shows_on_the_recommendation_page(
    alice_client: Client, carol: Any, dossier: Any
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    report = FieldReportFactory(recommendation=recommendation, title="Un retour parlant")
    synthesis_save(writer=carol, target=recommendation, body=f"Voir [[r:{report.pk}]].")
    url = reverse("learning:recommendation", kwargs={"pk": recommendation.pk})
    html = alice_client.get(url).content.decode()
    assert 'class="synthesis"' in html and "Un retour parlant" in html


def test_the_syntheses_of_discussions_one_took_part_in(
    carol: Any, alice: Any, bob: Any, dossier: Any, question: Any, answers: list[Comment]
) -> None:
    mine = synthesis_save(writer=carol, target=question, body="Sans citation.")
    other = QuestionFactory(dossier=dossier)
    CommentFactory(dossier=dossier, question=other, author=bob)
    theirs = synthesis_save(writer=carol, target=other, body="Rien.")
    on_dossier = synthesis_save(writer=carol, target=dossier, body=refs(answers[0]))
    joined = Synthesis.objects.readable_by(alice).of_discussions_joined_by(alice)
    assert set(joined) == {mine, on_dossier}  # answered there; cited there
    assert set(Synthesis.objects.readable_by(bob).of_discussions_joined_by(bob)) == {mine, theirs}
    assert not Synthesis.objects.of_discussions_joined_by(UserFactory()).exists()


def test_the_dossier_page_makes_as_many_queries_for_many_syntheses_as_for_one(
    alice_client: Client, carol: Any, dossier: Any, question: Any, answers: list[Comment]
) -> None:
    report = FieldReportFactory(recommendation__dossier=dossier)
    synthesis_save(writer=carol, target=question, body=f"{refs(answers[0])} [[r:{report.pk}]]")
    _response, one = counted_get(alice_client, dossier.get_absolute_url())
    for _ in range(4):
        part = QuestionFactory(dossier=dossier)
        cited = [CommentFactory(dossier=dossier, question=part) for _ in range(3)]
        report = FieldReportFactory(recommendation__dossier=dossier)
        synthesis_save(writer=carol, target=part, body=f"{refs(*cited)} [[r:{report.pk}]]")
    _response, many = counted_get(alice_client, dossier.get_absolute_url())
    assert many == one


def test_its_page_makes_as_many_queries_for_many_sources_as_for_one(
    alice_client: Client, carol: Any, dossier: Any, question: Any
) -> None:
    cited = [CommentFactory(dossier=dossier, question=question, author=UserFactory())]
    synthesis = synthesis_save(writer=carol, target=question, body=refs(*cited))
    _response, one = counted_get(alice_client, synthesis.get_absolute_url())
    cited += [
        CommentFactory(dossier=dossier, question=question, author=UserFactory()) for _ in range(9)
    ]
    synthesis_save(writer=carol, target=question, body=refs(*cited), version=synthesis.version)
    _response, many = counted_get(alice_client, synthesis.get_absolute_url())
    assert many == one


def test_a_cited_field_report_and_annotation_say_so_on_their_pages(
    alice_client: Client, carol: Any, dossier: Any, bob: Any
) -> None:
    from tests.factories import AnnotationFactory

    annotation = AnnotationFactory(dossier=dossier, author=bob)
    report = FieldReportFactory(recommendation__dossier=dossier)
    synthesis = synthesis_save(
        writer=carol, target=dossier, body=f"[[a:{annotation.pk}]] [[r:{report.pk}]]"
    )
    for url in (
        reverse("discussions:thread-page", kwargs={"kind": "annotation", "pk": annotation.pk}),
        report.get_absolute_url(),
    ):
        html = alice_client.get(url).content.decode()
        assert "cité dans la synthèse" in html
        assert synthesis.get_absolute_url() in html


def test_it_shows_on_the_cross_dossier_question_page(
    alice_client: Client, carol: Any, question: Any, answers: list[Comment]
) -> None:
    from questions.models import CrossQuestion, GroupedQuestion

    cross = CrossQuestion.objects.create(wording="Quel plaidoyer porter ?", slug="plaidoyer")
    GroupedQuestion.objects.create(cross_question=cross, question=question, order=1)
    synthesis_save(writer=carol, target=question, body=f"Ce qui ressort : {refs(*answers)}.")
    html = alice_client.get(reverse("questions:detail", args=[cross.slug])).content.decode()
    assert 'class="synthesis"' in html and "Ce qui ressort" in html
    assert "synthétisée" in html


def test_the_recommendation_page_makes_as_many_queries_for_many_sources_as_for_one(
    alice_client: Client, carol: Any, dossier: Any
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    url = reverse("learning:recommendation", kwargs={"pk": recommendation.pk})
    reports = [FieldReportFactory(recommendation=recommendation)]
    comments = [CommentFactory(dossier=dossier, recommendation=recommendation)]

    def write() -> None:
        body = " ".join([*(f"[[r:{r.pk}]]" for r in reports), *(f"[[c:{c.pk}]]" for c in comments)])
        synthesis_save(writer=carol, target=recommendation, body=body)

    write()
    _response, one = counted_get(alice_client, url)
    reports += [FieldReportFactory(recommendation=recommendation) for _ in range(5)]
    comments += [
        CommentFactory(dossier=dossier, recommendation=recommendation, author=UserFactory())
        for _ in range(5)
    ]
    write()
    response, many = counted_get(alice_client, url)
    assert response.content.decode().count("cité dans la synthèse") == 6
    assert many == one


def test_the_annotations_api_names_the_synthesis_citing_each_when_the_reader_may_read_it(
    alice_client: Client, carol: Any, dossier: Any, bob: Any
) -> None:
    """« cité dans la synthèse » in the annotations panel: the synthesis's address, for a
    reader who may read it only (not one of a question whose answers are hidden from them)."""
    from questions.models import CrossQuestion, GroupedQuestion
    from tests.factories import AnnotationFactory, QuestionFactory

    cited, plain, in_locked = (AnnotationFactory(dossier=dossier, author=bob) for _ in range(3))
    shown = synthesis_save(writer=carol, target=dossier, body=f"[[a:{cited.pk}]]")
    question = QuestionFactory(dossier=dossier)
    cross = CrossQuestion.objects.create(wording="Quel plaidoyer ?", slug="q", reflect_first=True)
    GroupedQuestion.objects.create(cross_question=cross, question=question)
    synthesis_save(writer=carol, target=question, body=f"[[a:{in_locked.pk}]]")
    url = reverse("discussions:annotation-list")

    items = alice_client.get(url, {"dossier": dossier.pk}).json()["annotations"]

    marks = {item["ccfd"]["pk"]: item["ccfd"]["cited_in"] for item in items}
    assert marks[cited.pk].endswith(shown.get_absolute_url())
    assert marks[plain.pk] is None and marks[in_locked.pk] is None
    one = alice_client.get(reverse("discussions:annotation-detail", args=[cited.pk])).json()
    assert one["ccfd"]["cited_in"] == marks[cited.pk]


def test_a_page_whose_discussions_have_no_synthesis_does_not_ask_for_one(
    alice_client: Client, bob: Any, carol: Any, dossier: Any, question: Any
) -> None:
    """syntheses.shown.synthesised_discussions, kept under the pages' generation: a
    message (a scoped write) leaves it kept; a synthesis written renews it."""
    from discussions.services import comment_create
    from tests.memo import counting

    url = dossier.get_absolute_url()
    alice_client.get(url)
    comment_create(author=bob, target=question, body="Un message : la page est à refaire.")
    with counting() as statements:
        html = alice_client.get(url).content.decode()
    assert "Un message : la page est à refaire." in html
    assert not [sql for sql in statements if 'FROM "syntheses_synthesis"' in sql]
    synthesis_save(writer=carol, target=question, body="Une synthèse toute neuve.")
    assert "Une synthèse toute neuve." in alice_client.get(url).content.decode()
