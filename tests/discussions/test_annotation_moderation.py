"""Reporting an annotation, and moderators hiding and restoring it: a hidden annotation is
its author's only (page, API, export, replies, search), and its author is told why."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Annotation, Flag, Notification
from dossiers.models import Dossier
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.discussions.test_annotation_api import BODY, LIST_URL, PASSAGE
from tests.factories import AnnotationFactory, DossierFactory
from tests.queries import counted_get
from tests.search.conftest import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def text(db) -> Dossier:
    return DossierFactory(body=BODY, slug="texte")


@pytest.fixture
def note(alice, text: Dossier) -> Annotation:
    return AnnotationFactory(
        author=alice,
        dossier=text,
        exact=PASSAGE,
        body="Une remarque *blessante* sur les partenaires.",
    )


def url(name: str, annotation: Annotation) -> str:
    return reverse(f"discussions:annotation-{name}", kwargs={"pk": annotation.pk})


def listed(client: Client, dossier: Dossier) -> list[dict]:
    return client.get(LIST_URL, {"dossier": dossier.pk}).json()["annotations"]


def test_a_member_reports_an_annotation_and_returns_to_the_page(bob_client, note, text) -> None:
    form = bob_client.get(url("flag", note))
    assert form.status_code == 200
    html = form.content.decode()
    assert "Signaler une annotation" in html and "accompagnent les partenaires" in html

    refused = bob_client.post(url("flag", note), {"reason": "n'importe quoi"})
    assert refused.status_code == 400
    assert "Sélectionnez un choix valide" in refused.content.decode()
    assert not Flag.objects.exists()

    back = text.get_absolute_url()
    response = bob_client.post(
        url("flag", note) + f"?next={back}", {"reason": "offensive", "details": "Ton blessant"}
    )
    assert response.status_code == 302 and response["Location"] == back
    flag = Flag.objects.get()
    assert (flag.annotation, flag.comment, flag.resolution) == (note, None, "open")
    # A second report while the first is open is the same report.
    bob_client.post(url("flag", note), {"reason": "offensive"})
    assert Flag.objects.count() == 1


def test_nobody_reports_their_own_note_or_a_note_they_cannot_read(
    alice_client,
    bob_client,
    alice,
    text,
) -> None:
    mine = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    private = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE, visibility="private")
    assert alice_client.get(url("flag", mine)).status_code == 404
    assert bob_client.get(url("flag", private)).status_code == 404
    assert bob_client.post(url("flag", private), {"reason": "off_topic"}).status_code == 404
    assert not Flag.objects.exists()


def test_only_moderators_hide_restore_or_dismiss(bob_client, alice_client, note) -> None:
    for client in (bob_client, alice_client):
        assert client.get(url("hide", note)).status_code == 403
        assert client.post(url("hide", note), {"note": ""}).status_code == 403
        assert client.post(url("flags-dismiss", note)).status_code == 403
        assert client.get(reverse("discussions:moderation")).status_code == 403
    note.refresh_from_db()
    assert not note.hidden


def test_a_reported_annotation_is_hidden_then_restored(
    alice,
    bob,
    alice_client,
    bob_client,
    mo_client,
    mo,
    note,
    text,
) -> None:
    reply = CommentFactory(dossier=text, annotation=note, author=bob, body="Je confirme.")
    bob_client.post(url("flag", note), {"reason": "offensive", "details": "Ton blessant"})
    queue = mo_client.get(reverse("discussions:moderation")).content.decode()
    assert "Annotations signalées" in queue
    assert "Ton blessant" in queue and "<em>blessante</em>" in queue
    assert url("hide", note) in queue

    form = mo_client.get(url("hide", note))
    assert form.status_code == 200
    # The form, and its Cancel link, lead back to the queue.
    queue_url = reverse("discussions:moderation")
    assert f'name="next" value="{queue_url}"' in form.content.decode()
    response = mo_client.post(url("hide", note), {"note": "Merci de reformuler."})
    assert response.status_code == 302
    assert response["Location"] == reverse("discussions:moderation")
    note.refresh_from_db()
    assert (
        note.hidden and note.moderated_by == mo and note.moderation_note == "Merci de reformuler."
    )
    assert Flag.objects.get().resolution == Flag.Resolution.HIDDEN

    # Gone for everyone else: the list, the export, its replies, the search.
    assert listed(bob_client, text) == []
    export = bob_client.get(reverse("discussions:annotation-export", args=[text.slug])).json()
    assert export["total"] == 0
    thread = reverse("discussions:thread", kwargs={"kind": "annotation", "pk": note.pk})
    assert bob_client.get(thread).status_code == 404
    assert bob_client.get(reverse("discussions:comment", args=[reply.pk])).status_code == 404
    assert found(bob_client, "blessante") == []
    assert found(client_for(mo), "blessante") == []
    # Its author still sees it, and why.
    (own,) = listed(alice_client, text)
    assert own["ccfd"]["hidden"] is True
    assert own["ccfd"]["moderation_note"] == "Merci de reformuler."
    assert found(alice_client, "blessante") == [("annotation", note.pk)]
    told = Notification.objects.get(recipient=alice, kind=Notification.Kind.MODERATION)
    assert told.annotation == note and told.actor == mo
    notifications = alice_client.get(reverse("discussions:notifications")).content.decode()
    assert "Votre annotation sur" in notifications and "masquée par la modération" in notifications
    assert "Merci de reformuler." in notifications

    queue = mo_client.get(reverse("discussions:moderation")).content.decode()
    assert url("restore", note) in queue
    assert mo_client.post(url("hide", note), {"note": ""}).status_code == 400  # already hidden
    mo_client.post(url("restore", note), {"note": "Après relecture"})
    note.refresh_from_db()
    assert not note.hidden
    assert [item["ccfd"]["pk"] for item in listed(bob_client, text)] == [note.pk]
    assert found(bob_client, "blessante") == [("annotation", note.pk)]
    assert Notification.objects.filter(recipient=alice, kind="moderation").count() == 2


def test_dismissing_the_reports_keeps_the_annotation(bob_client, mo_client, mo, note) -> None:
    bob_client.post(url("flag", note), {"reason": "off_topic"})
    response = mo_client.post(url("flags-dismiss", note))
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert flag.resolution == Flag.Resolution.DISMISSED and flag.resolved_by == mo
    note.refresh_from_db()
    assert not note.hidden
    assert (
        "Aucun signalement ouvert"
        in mo_client.get(reverse("discussions:moderation")).content.decode()
    )


def test_a_moderator_cannot_reach_a_private_note(mo_client, alice, bob, text) -> None:
    private = AnnotationFactory(
        author=alice, dossier=text, exact=PASSAGE, body="Mon secret", visibility="private"
    )
    Flag.objects.create(annotation=private, reporter=bob, reason="other")  # by the admin only
    assert mo_client.get(url("hide", private)).status_code == 404
    assert "Mon secret" not in mo_client.get(reverse("discussions:moderation")).content.decode()


def test_the_queue_costs_the_same_queries_for_1_or_10_reported_annotations(
    alice, bob, mo_client, text
) -> None:
    def report(numbers: range) -> None:
        for n in numbers:
            annotation = AnnotationFactory(
                author=alice, dossier=text, exact=PASSAGE, body=f"Note {n}"
            )
            Flag.objects.create(annotation=annotation, reporter=bob, reason="off_topic")
            if n % 2:
                annotation.hidden = True
                annotation.save(update_fields=["hidden"])

    report(range(1))
    response, one = counted_get(mo_client, reverse("discussions:moderation"))
    assert response.content.decode().count('id="signalement-annotation-') == 1
    report(range(1, 10))
    response, ten = counted_get(mo_client, reverse("discussions:moderation"))
    assert response.content.decode().count('id="signalement-annotation-') == 10
    assert ten == one
