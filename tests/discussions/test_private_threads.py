"""Discussions on annotations: a private note's thread is its author's alone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Annotation, Comment, Notification
from discussions.services import comment_create

pytestmark = pytest.mark.django_db


def annotation(dossier, author, visibility: str) -> Annotation:
    return Annotation.objects.create(
        dossier=dossier,
        author=author,
        exact="Le partenariat",
        start=0,
        end=14,
        body="Ma note",
        visibility=visibility,
    )


def test_a_shared_annotation_takes_replies_from_everyone(bob_client, alice, dossier) -> None:
    note = annotation(dossier, alice, "shared")

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
    note = annotation(dossier, alice, "private")
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
    note = annotation(dossier, alice, "private")

    comment_create(author=alice, target=note, body="Pense-bête @Bob Leroy")

    assert not Notification.objects.filter(recipient=bob).exists()


def test_annotation_replies_stay_off_the_dossier_page(alice_client, alice, dossier) -> None:
    note = annotation(dossier, alice, "shared")
    comment = comment_create(author=alice, target=note, body="Réponse sur la note")

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert f'id="comment-{comment.pk}"' not in html
