"""A note that mentions « @Bob Leroy » links to his profile and, shared, tells him once, as a
message does (the note box offers colleagues as one types: issue 10, item 6)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Annotation, Follow, Notification
from dossiers.models import Dossier
from tests.discussions.test_annotation_api import (
    BODY,
    LIST_URL,
    create_payload,
    detail_url,
    patch_json,
    post_json,
)
from tests.factories import DossierFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def text(db) -> Dossier:
    return DossierFactory(body=BODY, slug="texte")


def mentions_of(user) -> int:
    return Notification.objects.filter(recipient=user, kind="mention").count()


def test_a_shared_note_links_the_mention_and_tells_the_colleague_once(
    alice_client, bob, text
) -> None:
    Follow.objects.create(user=bob, dossier=text)
    response = post_json(alice_client, LIST_URL, create_payload(text, note="Vu @Bob Leroy ?"))
    assert response.status_code == 201, response.content

    note = Annotation.objects.get()
    profile = reverse("accounts:member", kwargs={"pk": bob.pk})
    assert f'<a class="mention" href="{profile}">@Bob Leroy</a>' in note.body_html
    # Told once, as mentioned, not also as a follower of the dossier.
    assert list(Notification.objects.filter(recipient=bob).values_list("kind", flat=True)) == [
        "mention"
    ]


def test_a_private_note_tells_nobody(alice_client, bob, text) -> None:
    payload = create_payload(text, note="Pour moi : voir @Bob Leroy", visibility="private")
    assert post_json(alice_client, LIST_URL, payload).status_code == 201
    assert mentions_of(bob) == 0


def test_an_edit_tells_the_newly_mentioned_only(alice_client, bob, carol, text) -> None:
    post_json(alice_client, LIST_URL, create_payload(text, note="Vu @Bob Leroy ?"))
    note = Annotation.objects.get()

    patch_json(alice_client, detail_url(note), {"note": "Vu @Bob Leroy et @Carol Curatrice ?"})
    patch_json(alice_client, detail_url(note), {"note": "@Carol Curatrice, @Bob Leroy : vu ?"})

    assert (mentions_of(bob), mentions_of(carol)) == (1, 1)
    note.refresh_from_db()
    assert note.body_html.count('class="mention"') == 2
