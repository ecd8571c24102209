"""Author names link to their profile: in threads, the annotation panel's JSON, the
moderation queue, notifications, search results and a dossier's authors (issue 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Flag, Notification
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory, DossierFactory

pytestmark = pytest.mark.django_db


def link_to(user) -> str:
    return f'href="{reverse("accounts:member", kwargs={"pk": user.pk})}"'


def test_a_thread_links_each_author_to_their_profile(bob_client, alice, dossier) -> None:
    CommentFactory(dossier=dossier, author=alice, body="Bonjour")
    html = bob_client.get(dossier.get_absolute_url()).content.decode()
    assert f'<a class="comment__author" {link_to(alice)}>Alice Martin</a>' in html


def test_the_annotation_json_gives_the_author_s_profile(bob_client, alice, dossier) -> None:
    note = AnnotationFactory(dossier=dossier, author=alice)
    data = bob_client.get(reverse("discussions:annotation-detail", kwargs={"pk": note.pk})).json()
    assert data["ccfd"]["author"] == "Alice Martin"
    assert data["ccfd"]["author_url"] == f"http://testserver{alice.get_absolute_url()}"
    page = bob_client.get(
        reverse("discussions:thread-page", kwargs={"kind": "annotation", "pk": note.pk})
    )
    assert f"<a {link_to(alice)}>Alice Martin</a>" in page.content.decode()


def test_the_moderation_queue_links_authors_and_reporters(mo_client, alice, bob, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice)
    note = AnnotationFactory(dossier=dossier, author=alice)
    Flag.objects.create(comment=comment, reporter=bob, reason="off_topic")
    Flag.objects.create(annotation=note, reporter=bob, reason="off_topic")
    html = mo_client.get(reverse("discussions:moderation")).content.decode()
    assert html.count(f"<a {link_to(alice)}>Alice Martin</a>") == 2
    assert html.count(f"<a {link_to(bob)}>Bob Leroy</a>") == 2


def test_a_notification_links_to_its_actor_s_profile(alice_client, alice, bob, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=bob)
    Notification.objects.create(
        recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=comment
    )
    html = alice_client.get(reverse("discussions:notifications")).content.decode()
    assert f'<a class="notification__actor" {link_to(bob)}>Profil : Bob Leroy</a>' in html


def test_a_dossier_s_authors_link_to_their_profiles(bob_client, alice) -> None:
    dossier = DossierFactory()
    dossier.authors.set([alice])
    html = bob_client.get(dossier.get_absolute_url()).content.decode()
    assert f"<a {link_to(alice)}>Alice Martin</a>" in html


def test_a_message_found_by_search_links_to_its_author_s_profile(bob_client, alice, dossier):
    CommentFactory(dossier=dossier, author=alice, body="Un mot sur la réciprocité")
    html = bob_client.get(reverse("search:results"), {"q": "réciprocité"}).content.decode()
    assert f'<a class="search-hit__author" {link_to(alice)}>Profil : Alice Martin</a>' in html
