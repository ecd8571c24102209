"""Colleagues' profiles (/membres/<pk>/) and the member directory (/membres/)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from discussions.models import Annotation, Comment
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    DossierFactory,
    QuestionFactory,
    RegionFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def queries_of(client: Client, url: str, data: dict | None = None) -> tuple[str, int]:
    """The page's HTML and its query count, after a first uncounted GET that fills the
    process-wide caches a running server already holds."""
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def profile_url(user: User) -> str:
    return reverse("accounts:member", kwargs={"pk": user.pk})


# --- The profile page -------------------------------------------------------------------


def test_a_profile_shows_name_job_role_regions_and_themes(bob_client, alice, mo) -> None:
    alice.job_title = "Chargée de mission Sahel"
    alice.save(update_fields=["job_title"])
    alice.regions.set([RegionFactory(name="Afrique de l’Ouest", slug="afrique-ouest")])
    alice.themes.set([ThemeFactory(name="Plaidoyer", slug="plaidoyer")])

    html = bob_client.get(profile_url(alice)).content.decode()

    assert "<h1>Alice Martin</h1>" in html
    assert "Chargée de mission Sahel" in html
    assert "Membre" in html
    assert "Afrique de l’Ouest" in html and "Plaidoyer" in html
    assert "Modération" in bob_client.get(profile_url(mo)).content.decode()


def test_a_curator_and_moderator_has_both_roles(bob_client, carol) -> None:
    from django.contrib.auth.models import Group

    carol.groups.add(Group.objects.get(name="Moderators"))
    assert carol.roles() == ["Curation des dossiers", "Modération"]
    assert (
        "Curation des dossiers, Modération" in bob_client.get(profile_url(carol)).content.decode()
    )


def test_a_profile_lists_recent_messages_and_shared_annotations(bob_client, alice, dossier) -> None:
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    CommentFactory(dossier=dossier, author=alice, body="Sur le dossier lui-même")
    CommentFactory(dossier=dossier, question=question, author=alice, body="Une réponse")
    AnnotationFactory(dossier=dossier, author=alice, body="Une note partagée")

    html = bob_client.get(profile_url(alice)).content.decode()

    assert "Sur le dossier lui-même" in html
    assert "Une réponse" in html and "Quel plaidoyer mener ?" in html
    assert "Une note partagée" in html
    assert dossier.title in html


def test_a_profile_never_shows_private_hidden_deleted_or_unreadable_contributions(
    bob_client, alice, dossier, draft
) -> None:
    CommentFactory(dossier=dossier, author=alice, body="Visible de tous")
    CommentFactory(dossier=dossier, author=alice, body="Masqué", state=Comment.State.HIDDEN)
    CommentFactory(dossier=dossier, author=alice, body="Retiré", state=Comment.State.DELETED)
    CommentFactory(dossier=draft, author=alice, body="Sur un brouillon")
    AnnotationFactory(
        dossier=dossier, author=alice, body="Note privée", visibility=Annotation.Visibility.PRIVATE
    )
    AnnotationFactory(dossier=dossier, author=alice, body="Note masquée", hidden=True)
    AnnotationFactory(dossier=draft, author=alice, body="Note sur un brouillon")
    private = AnnotationFactory(
        dossier=dossier, author=alice, body="Autre note", visibility=Annotation.Visibility.PRIVATE
    )
    CommentFactory(dossier=dossier, annotation=private, author=alice, body="Réponse privée")

    html = bob_client.get(profile_url(alice)).content.decode()

    assert "Visible de tous" in html
    for hidden in [
        "Masqué",
        "Retiré",
        "Sur un brouillon",
        "Note privée",
        "Note masquée",
        "Note sur un brouillon",
        "Réponse privée",
    ]:
        assert hidden not in html, hidden
    # Even the author's own profile lists only what colleagues see, private notes aside.
    assert "Note privée" not in client_for(alice).get(profile_url(alice)).content.decode()


def test_a_curator_sees_contributions_on_drafts(carol_client, alice, draft) -> None:
    CommentFactory(dossier=draft, author=alice, body="Sur un brouillon")
    assert "Sur un brouillon" in carol_client.get(profile_url(alice)).content.decode()


def test_the_profile_query_count_does_not_grow_with_contributions(bob_client, alice) -> None:
    def contribute(count: int) -> None:
        for _ in range(count):
            dossier = DossierFactory()
            CommentFactory(dossier=dossier, author=alice)
            CommentFactory(dossier=dossier, question=QuestionFactory(dossier=dossier), author=alice)
            AnnotationFactory(dossier=dossier, author=alice)
        alice.regions.add(RegionFactory())
        alice.themes.add(ThemeFactory())

    contribute(1)
    _, one = queries_of(bob_client, profile_url(alice))
    contribute(9)
    html, ten = queries_of(bob_client, profile_url(alice))
    assert html.count('class="member-contribution"') == 10
    assert ten == one


def test_an_unknown_member_is_404(bob_client) -> None:
    assert bob_client.get(reverse("accounts:member", kwargs={"pk": 999_999})).status_code == 404


@pytest.mark.parametrize("name", ["accounts:members", "accounts:member"])
def test_profiles_and_the_directory_require_login(alice, name) -> None:
    url = reverse(name, kwargs={"pk": alice.pk} if name == "accounts:member" else None)
    response = Client().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- The directory ----------------------------------------------------------------------


def test_the_directory_lists_active_members_only(bob_client, alice, bob) -> None:
    UserFactory(display_name="Ancien Collègue", is_active=False)
    html = bob_client.get(reverse("accounts:members")).content.decode()
    assert f'href="{profile_url(alice)}"' in html
    assert "Ancien Collègue" not in html


def test_the_directory_searches_by_name_region_and_theme(bob_client, alice, bob) -> None:
    sahel = RegionFactory(name="Sahel", slug="sahel")
    plaidoyer = ThemeFactory(name="Plaidoyer", slug="plaidoyer")
    alice.regions.set([sahel])
    bob.themes.set([plaidoyer])
    awa = UserFactory(display_name="Awa Diallo", job_title="Chargée de mission Sahel")
    awa.regions.set([sahel])
    awa.themes.set([plaidoyer])

    def names(**query: str) -> list[str]:
        response = bob_client.get(reverse("accounts:members"), query)
        return [member.display_name for member in response.context["page"].object_list]

    assert names(q="awa") == ["Awa Diallo"]
    assert names(q="martin alice") == ["Alice Martin"]
    assert names(q="mission sahel") == ["Awa Diallo"]
    assert names(region="sahel") == ["Alice Martin", "Awa Diallo"]
    assert names(theme="plaidoyer") == ["Awa Diallo", "Bob Leroy"]
    assert names(region="sahel", theme="plaidoyer") == ["Awa Diallo"]


def test_an_unknown_criterion_is_reported_not_a_500(bob_client, alice) -> None:
    response = bob_client.get(reverse("accounts:members"), {"region": "nulle-part", "q": "x" * 99})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_the_directory_is_paginated_with_a_flat_query_count(bob_client) -> None:
    from accounts.views import MEMBERS_PAGE_SIZE

    def members(count: int) -> None:
        for _ in range(count):
            member = UserFactory()
            member.regions.add(RegionFactory())
            member.themes.add(ThemeFactory())

    members(1)
    _, few = queries_of(bob_client, reverse("accounts:members"))
    members(MEMBERS_PAGE_SIZE + 5)
    html, many = queries_of(bob_client, reverse("accounts:members"))
    assert html.count('class="card member-card"') == MEMBERS_PAGE_SIZE
    assert 'rel="next"' in html
    assert many == few


# --- My profile -------------------------------------------------------------------------


def test_a_member_declares_regions_and_themes_on_their_profile(alice_client, alice) -> None:
    sahel = RegionFactory(name="Sahel", slug="sahel")
    plaidoyer = ThemeFactory(name="Plaidoyer", slug="plaidoyer")
    response = alice_client.post(
        reverse("accounts:profile"),
        {"display_name": "Alice Martin", "regions": [sahel.pk], "themes": [plaidoyer.pk]},
    )
    assert response.status_code == 302
    assert list(alice.regions.all()) == [sahel]
    assert list(alice.themes.all()) == [plaidoyer]
    html = alice_client.get(reverse("accounts:profile")).content.decode()
    assert "<legend>Régions</legend>" in html
    assert f'href="{profile_url(alice)}"' in html


def test_a_member_without_a_display_name_is_never_named_by_their_address(bob_client) -> None:
    nameless = UserFactory(email="claude.dupont@example.org", display_name="")
    assert nameless.get_display_name() == f"Membre n° {nameless.pk}"
    html = bob_client.get(profile_url(nameless)).content.decode()
    assert "claude.dupont" not in html
