"""No member reads another member's email address: not in a mention, an author's name, a
JSON answer or an export (issue 10). A scan of the main pages, fragments, API answers and
the export, as a member and as a moderator, with colleagues who wrote, annotated, were
mentioned and reported, one of them without a display name."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from discussions.annotation_services import annotation_create
from discussions.models import Comment, Flag
from discussions.services import comment_create
from tests.conftest import client_for
from tests.factories import AnnotationFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def talk(alice, bob, mo, dossier):
    """Alice mentions Bob and a nameless colleague writes and annotates; both are reported."""
    nameless = UserFactory(email="claude.dupont@example.org", display_name="")
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    mention = comment_create(
        author=alice, target=dossier, body="Qu’en pense @Bob Leroy ? Plaidoyer commun."
    )
    comment_create(author=bob, target=dossier, body="Je réponds, plaidoyer.", parent=mention)
    anonymousish = comment_create(author=nameless, target=question, body="Mon plaidoyer")
    note = AnnotationFactory(dossier=dossier, author=nameless, body="Une note de plaidoyer")
    annotation_create(
        author=alice,
        body=dossier,
        selector=note_selector(note),
        note="Et une note d’Alice",
        visibility="shared",
        tags=[],
    )
    comment_create(author=alice, target=note, body="Réponse à la note, plaidoyer")
    Flag.objects.create(comment=anonymousish, reporter=alice, reason="off_topic")
    Flag.objects.create(annotation=note, reporter=alice, reason="off_topic")
    return {"nameless": nameless, "mention": mention, "note": note, "question": question}


def note_selector(note):
    from discussions.anchoring import Selector

    return Selector(
        exact=note.exact, prefix=note.prefix, suffix=note.suffix, start=note.start, end=note.end
    )


def urls(talk, dossier, member) -> list[tuple[str, dict]]:
    note, mention = talk["note"], talk["mention"]
    htmx = {"HTTP_HX_REQUEST": "true"}
    return [
        (reverse("dossiers:home"), {}),
        (reverse("dossiers:list"), {}),
        (dossier.get_absolute_url(), {}),
        (reverse("discussions:thread", kwargs={"kind": "dossier", "pk": dossier.pk}), htmx),
        (reverse("discussions:thread-page", kwargs={"kind": "annotation", "pk": note.pk}), {}),
        (reverse("discussions:comment-reply", kwargs={"pk": mention.pk}), {}),
        (reverse("discussions:comment-reply", kwargs={"pk": mention.pk}), htmx),
        (reverse("discussions:annotation-list") + f"?dossier={dossier.pk}", {}),
        (reverse("discussions:annotation-detail", kwargs={"pk": note.pk}), {}),
        (reverse("discussions:annotation-export", kwargs={"slug": dossier.slug}), {}),
        (reverse("discussions:annotation-export", kwargs={"slug": dossier.slug}) + "?page=1", {}),
        (reverse("discussions:dossier-export", kwargs={"slug": dossier.slug}), {}),
        (reverse("search:results") + "?q=plaidoyer", {}),
        (reverse("search:results") + "?q=plaidoyer&kind=comment", {}),
        (reverse("discussions:notifications"), {}),
        (reverse("accounts:members"), {}),
        (reverse("accounts:members") + "?q=membre", {}),
        (reverse("accounts:member", kwargs={"pk": talk["nameless"].pk}), {}),
        (reverse("accounts:member", kwargs={"pk": member.pk}), {}),
        (reverse("accounts:member-suggestions") + "?q=a", {}),
        (reverse("accounts:member-suggestions") + "?q=b", {}),
    ]


def assert_no_address(content: str, url: str, others) -> None:
    assert "mailto:" not in content, url
    for other in others:
        assert other.email.lower() not in content.lower(), (url, other.email)
        # Nor a part of it in place of a name ("claude.dupont" for a nameless colleague).
        if not other.display_name:
            local_part = other.email.split("@")[0]
            assert local_part not in content.lower(), (url, local_part)


def test_a_member_reads_no_other_members_address(talk, alice, bob, mo, dossier) -> None:
    client = client_for(bob)
    others = [alice, mo, talk["nameless"]]
    for url, headers in urls(talk, dossier, alice):
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        assert_no_address(response.content.decode(), url, others)


def test_a_moderator_reads_no_members_address_in_the_queue(talk, alice, bob, mo, dossier) -> None:
    client = client_for(mo)
    others = [alice, bob, talk["nameless"]]
    for url, headers in [(reverse("discussions:moderation"), {})] + urls(talk, dossier, bob):
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        assert_no_address(response.content.decode(), url, others)


def test_a_mention_links_to_the_profile_and_shows_the_name(talk, bob) -> None:
    profile = reverse("accounts:member", kwargs={"pk": bob.pk})
    assert f'<a class="mention" href="{profile}">@Bob Leroy</a>' in talk["mention"].body_html


def test_the_export_names_authors_by_their_profile(talk, alice, bob_client, dossier) -> None:
    export = bob_client.get(
        reverse("discussions:annotation-export", kwargs={"slug": dossier.slug})
    ).json()
    creators = {item["creator"]["name"]: item["creator"] for item in export["first"]["items"]}
    profile = reverse("accounts:member", kwargs={"pk": alice.pk})
    assert creators["Alice Martin"] == {
        "type": "Person",
        "id": f"http://testserver{profile}",
        "name": "Alice Martin",
    }
    nameless = talk["nameless"]
    assert f"Membre n° {nameless.pk}" in creators


def test_mentions_stored_as_mailto_links_are_relinked_to_profiles(alice, dossier) -> None:
    legacy = Comment.objects.create(dossier=dossier, author=alice, body="@Alice Martin et @Partie")
    Comment.objects.filter(pk=legacy.pk).update(
        body_html='<p><a class="mention" href="mailto:ALICE@example.org">@Alice Martin</a> et '
        '<a class="mention" href="mailto:partie@example.org">@Partie</a></p>'
    )
    migration = importlib.import_module("accounts.migrations.0004_mentions_link_to_profiles")

    migration.link_mentions_to_profiles(apps, None)

    profile = reverse("accounts:member", kwargs={"pk": alice.pk})
    legacy.refresh_from_db()
    assert legacy.body_html == (
        f'<p><a class="mention" href="{profile}">@Alice Martin</a> et @Partie</p>'
    )
