"""Discussions on annotations: a private note's thread is its author's alone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Comment, Notification
from discussions.services import comment_create
from tests.factories import AnnotationFactory

pytestmark = pytest.mark.django_db


def test_a_shared_annotation_takes_replies_from_everyone(bob_client, alice, dossier) -> None:
    note = AnnotationFactory(dossier=dossier, author=alice, visibility="shared", body="Ma note")

    response = bob_client.post(
        reverse("discussions:comment-create"),
        {"kind": "annotation", "pk": note.pk, "body": "D’accord"},
    )

    comment = Comment.objects.get()
    assert comment.annotation == note
    assert response["Location"].startswith(
        reverse("discussions:thread-page", args=["annotation", note.pk])
    )
    assert Notification.objects.get(recipient=alice).kind == "reply"
    fragment = bob_client.get(
        reverse("discussions:thread", args=["annotation", note.pk])
    ).content.decode()
    assert "D’accord" in fragment


def test_a_private_annotation_thread_is_404_to_others(
    alice_client, bob_client, alice, dossier
) -> None:
    note = AnnotationFactory(dossier=dossier, author=alice, visibility="private", body="Ma note")
    thread = reverse("discussions:thread", args=["annotation", note.pk])

    assert alice_client.get(thread).status_code == 200
    assert bob_client.get(thread).status_code == 404
    response = bob_client.post(
        reverse("discussions:comment-create"),
        {"kind": "annotation", "pk": note.pk, "body": "Je lis"},
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_reply_on_a_private_note_never_reaches_a_follower(alice, bob, dossier) -> None:
    from discussions.models import Follow

    Follow.objects.create(user=bob, dossier=dossier)
    note = AnnotationFactory(dossier=dossier, author=alice, visibility="private", body="Ma note")

    comment_create(author=alice, target=note, body="Pense-bête @Bob Leroy")

    assert not Notification.objects.filter(recipient=bob).exists()


def test_annotation_replies_stay_off_the_dossier_page(alice_client, alice, dossier) -> None:
    note = AnnotationFactory(dossier=dossier, author=alice, visibility="shared", body="Ma note")
    comment = comment_create(author=alice, target=note, body="Réponse sur la note")

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert f'id="comment-{comment.pk}"' not in html
