"""Writing a synthesis: who may, what it stores, what it refuses, who is told."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Comment, Notification
from syntheses.models import Citation, Synthesis
from syntheses.services import synthesis_save
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory, DossierFactory, FieldReportFactory, UserFactory

pytestmark = pytest.mark.django_db


def refs(*comments: Any) -> str:
    return " ".join(f"[[c:{comment.pk}]]" for comment in comments)


# --- Who may write -------------------------------------------------------------------


def test_curators_are_offered_to_write_a_synthesis_of_a_discussion_with_messages_only(
    carol_client: Client, dossier: Any, bob: Any
) -> None:
    url = reverse("syntheses:write", args=["dossier", dossier.pk])
    assert url not in carol_client.get(dossier.get_absolute_url()).content.decode()
    CommentFactory(dossier=dossier, author=bob, body="Un premier message.")
    assert url in carol_client.get(dossier.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [(None, 302), ("alice", 403), ("bob", 403), ("mo", 403), ("carol", 200)],
)
def test_only_curators_open_the_writing_page(
    request: Any, persona: str | None, status: int, write_url: str
) -> None:
    user = request.getfixturevalue(persona) if persona else None
    response = client_for(user).get(write_url)
    assert response.status_code == status


@pytest.mark.parametrize("persona", ["alice", "mo"])
def test_a_member_or_moderator_posting_stores_nothing(
    request: Any, persona: str, write_url: str, answers: list[Comment]
) -> None:
    client = client_for(request.getfixturevalue(persona))
    response = client.post(write_url, {"body": refs(*answers)})
    assert response.status_code == 403
    assert not Synthesis.objects.exists()


def test_a_discussion_the_member_may_not_read_answers_404(alice_client: Client) -> None:
    draft = DossierFactory(status="draft")
    url = reverse("syntheses:write", kwargs={"kind": "dossier", "pk": draft.pk})
    assert alice_client.get(url).status_code == 404


def test_an_unknown_kind_answers_404(carol_client: Client) -> None:
    url = reverse("syntheses:write", kwargs={"kind": "synthese", "pk": 1})
    assert carol_client.get(url).status_code == 404


# --- Writing -------------------------------------------------------------------------


def test_a_curator_writes_a_synthesis_citing_two_answers_and_their_authors_are_told(
    carol_client: Client, carol: Any, write_url: str, answers: list[Comment], question: Any
) -> None:
    body = f"Deux pistes : local {refs(answers[0])}, partenaires {refs(answers[1])}."
    response = carol_client.post(write_url, {"body": body, "publish": "1"})
    synthesis = Synthesis.objects.get()
    assert response.status_code == 302
    assert response["Location"] == synthesis.get_absolute_url()
    assert synthesis.question == question and synthesis.dossier == question.dossier
    assert synthesis.written_by == carol
    assert [(c.number, c.comment_id) for c in synthesis.citations.all()] == [
        (1, answers[0].pk),
        (2, answers[1].pk),
    ]
    told = Notification.objects.filter(kind=Notification.Kind.CITED, synthesis=synthesis)
    assert sorted(n.recipient.email for n in told) == ["alice@example.org", "bob@example.org"]
    assert all(n.actor == carol for n in told)


def test_each_citation_is_a_numbered_link_to_the_exact_contribution(
    carol: Any, answers: list[Comment], question: Any
) -> None:
    body = f"Un {refs(answers[1])}, deux {refs(answers[0])}, encore {refs(answers[1])}."
    synthesis = synthesis_save(writer=carol, target=question, body=body)
    first = reverse("discussions:comment", kwargs={"pk": answers[1].pk})
    second = reverse("discussions:comment", kwargs={"pk": answers[0].pk})
    assert synthesis.body_html.count(f'<sup class="citation"><a href="{first}"') == 2
    assert f'<a href="{second}" rel="noopener noreferrer nofollow">[2]</a>' in synthesis.body_html
    assert "[[c:" not in synthesis.body_html
    assert "[1]" in synthesis.body_text


def test_annotations_and_field_reports_are_cited_too(carol: Any, dossier: Any, bob: Any) -> None:
    annotation = AnnotationFactory(dossier=dossier, author=bob)
    report = FieldReportFactory(recommendation__dossier=dossier)
    synthesis = synthesis_save(
        writer=carol, target=dossier, body=f"[[a:{annotation.pk}]] et [[r:{report.pk}]]"
    )
    assert [(c.annotation_id, c.field_report_id) for c in synthesis.citations.all()] == [
        (annotation.pk, None),
        (None, report.pk),
    ]
    assert reverse("learning:report", kwargs={"pk": report.pk}) in synthesis.body_html


def test_the_preview_shows_the_text_and_stores_nothing(
    carol_client: Client, write_url: str, answers: list[Comment]
) -> None:
    response = carol_client.post(
        write_url, {"body": f"**Piste** {refs(answers[0])}", "preview": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Piste</strong>" in html and "[1]</a></sup>" in html
    assert not Synthesis.objects.exists() and not Notification.objects.exists()


def test_rewriting_keeps_the_versions_and_tells_only_the_newly_cited(
    carol: Any, question: Any, answers: list[Comment], dossier: Any
) -> None:
    synthesis = synthesis_save(writer=carol, target=question, body=refs(answers[0]))
    third = CommentFactory(dossier=dossier, question=question, author=UserFactory())
    synthesis = synthesis_save(
        writer=carol, target=question, body=refs(answers[0], third), version=synthesis.version
    )
    assert Synthesis.objects.count() == 1
    assert synthesis.history.count() == 2
    assert list(synthesis.history.order_by("history_id").values_list("body", flat=True)) == [
        refs(answers[0]),
        refs(answers[0], third),
    ]
    told = Notification.objects.filter(kind=Notification.Kind.CITED)
    assert sorted(n.recipient_id for n in told) == sorted([answers[0].author_id, third.author_id])


def test_an_edit_from_an_older_version_is_refused_with_the_text_kept(
    carol_client: Client, carol: Any, question: Any, answers: list[Comment], write_url: str
) -> None:
    synthesis = synthesis_save(writer=carol, target=question, body="Première version.")
    synthesis_save(writer=carol, target=question, body="Deuxième.", version=synthesis.version)
    response = carol_client.post(
        write_url, {"body": "Ma version.", "version": synthesis.version, "publish": "1"}
    )
    assert response.status_code == 409
    assert "Ma version." in response.content.decode()
    assert Synthesis.objects.get().body == "Deuxième."


def test_a_tampered_hidden_version_is_refused_with_a_visible_error(
    carol_client: Client, answers: list[Comment], write_url: str
) -> None:
    response = carol_client.post(write_url, {"body": "Ma version.", "version": "abc"})
    html = response.content.decode()
    assert response.status_code == 200 and "Ma version." in html
    assert 'class="error" role="alert"' in html and "nombre entier" in html
    assert not Synthesis.objects.exists()


# --- Refusals: French, nothing stored ------------------------------------------------


def _refused(client: Client, url: str, body: str) -> str:
    response = client.post(url, {"body": body, "publish": "1"})
    assert response.status_code == 200
    assert not Synthesis.objects.exists()
    assert not Citation.objects.exists()
    assert not Notification.objects.filter(kind=Notification.Kind.CITED).exists()
    return response.content.decode()


def test_a_reference_to_nothing_is_refused(carol_client: Client, write_url: str) -> None:
    html = _refused(carol_client, write_url, "Voir [[c:999999]].")
    assert "« [[c:999999]] » : aucun message" in html


def test_a_reference_of_an_unknown_kind_is_refused(carol_client: Client, write_url: str) -> None:
    html = _refused(carol_client, write_url, "Voir [[x:1]].")
    assert "n’est pas une référence" in html


def test_citing_a_synthesis_is_refused_so_no_cycle_can_form(
    carol_client: Client, carol: Any, dossier: Any, write_url: str, answers: list[Comment]
) -> None:
    other = synthesis_save(writer=carol, target=dossier, body=refs(answers[0]))
    response = carol_client.post(write_url, {"body": f"[[s:{other.pk}]]", "publish": "1"})
    assert "ne cite pas une autre synthèse" in response.content.decode()
    assert Synthesis.objects.count() == 1


def test_a_contribution_the_writer_may_not_read_is_refused(
    carol_client: Client, dossier: Any, bob: Any, write_url: str
) -> None:
    private = AnnotationFactory(dossier=dossier, author=bob, visibility="private")
    html = _refused(carol_client, write_url, f"[[a:{private.pk}]]")
    assert f"« [[a:{private.pk}]] » : aucune annotation" in html


def test_a_withdrawn_contribution_is_refused(
    carol_client: Client, write_url: str, answers: list[Comment]
) -> None:
    Comment.objects.filter(pk=answers[0].pk).update(state=Comment.State.DELETED)
    html = _refused(carol_client, write_url, refs(*answers))
    assert f"[[c:{answers[0].pk}]]" in html
    assert f"« [[c:{answers[1].pk}]] »" not in html


def test_a_cited_author_who_asked_for_it_gets_an_email_at_once(
    carol: Any,
    question: Any,
    answers: list[Comment],
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    answers[1].author.email_own_contributions = False
    answers[1].author.save(update_fields=["email_own_contributions"])
    with django_capture_on_commit_callbacks(execute=True):
        synthesis = synthesis_save(writer=carol, target=question, body=refs(*answers))
    [email] = mailoutbox
    assert email.to == ["alice@example.org"]
    assert "Carol Curatrice a cité votre contribution dans la synthèse de la question" in (
        email.subject
    )
    assert synthesis.get_absolute_url() in email.body


def test_a_first_synthesis_written_meanwhile_by_another_curator_is_not_replaced(
    carol_client: Client, carol: Any, question: Any, write_url: str
) -> None:
    form = carol_client.get(write_url).content.decode()  # built when there was none
    assert 'name="version" value="0"' in form
    synthesis_save(writer=UserFactory(is_superuser=True), target=question, body="La sienne.")
    response = carol_client.post(write_url, {"body": "La mienne.", "version": "0", "publish": "1"})
    assert response.status_code == 409
    assert Synthesis.objects.get().body == "La sienne."
