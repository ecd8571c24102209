"""Readers see what an edited message said before: « modifié » opens its earlier versions."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from discussions import services
from discussions.models import Annotation, Comment
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory

pytestmark = pytest.mark.django_db


def counted_get(client, url: str) -> tuple[HttpResponse, int]:
    """The response and its query count, after a first request that fills the caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def revisions_url(comment: Comment) -> str:
    return reverse("discussions:comment-revisions", args=[comment.pk])


@pytest.fixture
def edited(alice, dossier) -> Comment:
    comment = CommentFactory(dossier=dossier, author=alice, body="Premier **jet**.")
    services.comment_edit(comment=comment, body="Deuxième version <script>x()</script>.")
    services.comment_edit(comment=comment, body="Version finale.")
    return comment


def test_the_edited_mark_on_the_page_opens_the_earlier_versions(bob_client, edited) -> None:
    html = bob_client.get(edited.dossier.get_absolute_url()).content.decode()
    link = re.search(r'<a class="comment__edited" href="([^"]+)" hx-get="([^"]+)"', html)
    assert link is not None and link[1] == link[2] == revisions_url(edited)
    match = resolve(link[1])
    assert (match.view_name, match.kwargs) == ("discussions:comment-revisions", {"pk": edited.pk})
    assert f'hx-target="#slot-{edited.pk}">modifié le ' in html


def test_without_javascript_a_page_shows_the_text_and_its_earlier_versions_newest_first(
    bob_client, edited
) -> None:
    response = bob_client.get(revisions_url(edited))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Versions précédentes d’un message</h1>" in html
    assert "2 versions précédentes" in html
    current, second, first = (
        html.index("Version finale."),
        html.index("Deuxième version"),
        html.index("Premier <strong>jet</strong>."),
    )
    assert current < second < first
    assert "<script>x()" not in html  # earlier texts are sanitised like the current one
    assert f'href="{edited.get_absolute_url()}"' in html


def test_htmx_gets_the_versions_alone_for_the_comment_s_slot(bob_client, edited) -> None:
    response = bob_client.get(revisions_url(edited), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.startswith(f'<details class="comment-revisions" id="revisions-{edited.pk}" open>')
    assert "<html" not in html and "Version finale." not in html
    assert "Deuxième version" in html and "Premier <strong>jet</strong>." in html


def test_a_message_never_edited_says_it_has_no_earlier_version(bob_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice)
    assert "Ce message n’a pas de version précédente." in (
        bob_client.get(revisions_url(comment)).content.decode()
    )


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 302), ("member", 200), ("author", 200), ("curator", 200), ("moderator", 200)],
)
def test_every_reader_of_the_discussion_sees_the_versions(
    alice, bob, carol, mo, edited, persona, expected
) -> None:
    people = {"anonymous": None, "member": bob, "author": alice, "curator": carol, "moderator": mo}
    response = client_for(people[persona]).get(revisions_url(edited))
    assert response.status_code == expected
    if expected == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("member", 404), ("author", 404), ("curator", 200), ("moderator", 404)],
)
def test_the_versions_of_a_message_on_a_draft_are_for_those_who_read_the_draft(
    alice, bob, carol, mo, draft, persona, expected
) -> None:
    comment = CommentFactory(dossier=draft, author=alice, body="Avant.")
    services.comment_edit(comment=comment, body="Après.")
    people = {"member": bob, "author": alice, "curator": carol, "moderator": mo}
    assert client_for(people[persona]).get(revisions_url(comment)).status_code == expected


def test_a_withdrawn_or_hidden_message_shows_in_no_version(alice_client, mo_client, edited) -> None:
    for state in [Comment.State.HIDDEN, Comment.State.DELETED]:
        Comment.objects.filter(pk=edited.pk).update(state=state)
        assert alice_client.get(revisions_url(edited)).status_code == 404
        assert mo_client.get(revisions_url(edited)).status_code == 404


def test_a_reply_to_a_private_note_is_its_author_s_only_in_every_version(
    alice, alice_client, bob_client, dossier
) -> None:
    note = AnnotationFactory(
        dossier=dossier, author=alice, visibility=Annotation.Visibility.PRIVATE
    )
    reply = CommentFactory(dossier=dossier, annotation=note, author=alice, body="Pour moi.")
    services.comment_edit(comment=reply, body="Toujours pour moi.")
    assert alice_client.get(revisions_url(reply)).status_code == 200
    assert bob_client.get(revisions_url(reply)).status_code == 404


def test_the_versions_cost_as_many_queries_for_many_edits_as_for_one(
    alice, bob_client, dossier
) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Version 0.")
    services.comment_edit(comment=comment, body="Version 1.")
    _response, one = counted_get(bob_client, revisions_url(comment))
    for number in range(2, 12):
        services.comment_edit(comment=comment, body=f"Version {number}.")
    response, many = counted_get(bob_client, revisions_url(comment))
    assert "11 versions précédentes" in response.content.decode()
    assert many == one
