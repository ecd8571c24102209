"""The issue's "done when", on the demo content, on whichever database the suite runs."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from accounts.models import User
from discussions.models import Annotation, Comment
from dossiers.models import Dossier
from tests.conftest import client_for
from tests.search.conftest import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 closed at exit
    return {user.email: user for user in User.objects.all()}


def _dossier_slugs(client, q: str) -> set[str]:
    ids = {pk for _kind, pk in found(client, q, kind="dossier")}
    return set(Dossier.objects.filter(pk__in=ids).values_list("slug", flat=True))


def test_demo_searches_find_the_right_dossiers(demo) -> None:
    member = client_for(demo["member@example.org"])
    assert "partenariats-migrations-afrique-du-sud" in _dossier_slugs(member, "migrations")
    assert "reciprocite-entre-partenaires" in _dossier_slugs(member, "reciprocite")
    assert {
        "strategie-partenariat-societes-civiles-africaines",
        "partenariats-en-zones-de-conflit",
    } <= _dossier_slugs(member, "partenariats")


def test_demo_fresh_comment_and_private_note(demo) -> None:
    member = demo["member@example.org"]
    other = next(u for u in demo.values() if u != member and not u.is_staff)
    dossier = Dossier.objects.get(slug="reciprocite-entre-partenaires")
    comment = Comment.objects.create(
        dossier=dossier, author=other, body="Les jumelages entre diocèses ont porté leurs fruits."
    )
    note = Annotation.objects.create(
        dossier=dossier,
        author=member,
        exact=dossier.body_text[10:40],
        start=10,
        end=40,
        body="Penser aux jumelages scolaires",
        visibility=Annotation.Visibility.PRIVATE,
    )
    assert ("comment", comment.pk) in found(client_for(member), "jumelage")
    assert ("annotation", note.pk) in found(client_for(member), "jumelages scolaires")
    assert ("annotation", note.pk) not in found(client_for(other), "jumelages scolaires")


def test_demo_dossiers_come_first_for_their_own_subject(demo) -> None:
    member = client_for(demo["member@example.org"])
    for q, slug in [
        ("migrations", "partenariats-migrations-afrique-du-sud"),
        ("reciprocite", "reciprocite-entre-partenaires"),
    ]:
        kind, pk = found(member, q)[0]
        assert (kind, Dossier.objects.get(pk=pk).slug) == ("dossier", slug)
