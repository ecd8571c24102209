"""The index itself: rebuilt from scratch, it holds what the receivers would have made."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from discussions.models import Comment
from search.models import SearchEntry
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    DossierFactory,
    QuestionFactory,
    RegionFactory,
)
from tests.search.conftest import found

pytestmark = pytest.mark.django_db

FIELDS = ("kind", "object_id", "dossier_id", "title", "summary", "body", "published",
          "owner_id", "priority", "facet_keys", "period_start", "period_end")  # fmt: skip


def _snapshot() -> list[tuple]:
    return sorted(SearchEntry.objects.values_list(*FIELDS))


def test_a_rebuild_recreates_what_the_receivers_made(alice, bob, alice_client) -> None:
    dossier = DossierFactory(title="La reconversion des mines")
    dossier.regions.add(RegionFactory(slug="sahel", name="Sahel"))
    dossier.tags.add("extractives")
    CaseStudyFactory(dossier=dossier)
    QuestionFactory(dossier=dossier)
    note = AnnotationFactory(dossier=dossier, author=alice, body="Privé", visibility="private")
    CommentFactory(dossier=dossier, annotation=note, author=alice, body="Une suite")
    CommentFactory(dossier=dossier, author=bob, state=Comment.State.HIDDEN)
    DossierFactory(status="draft")
    before = _snapshot()
    assert len(before) == 6  # the hidden comment has no entry

    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert _snapshot() == before
    assert ("dossier", dossier.pk) in found(alice_client, "reconversion")


def test_an_entry_text_never_holds_the_snippet_marks(alice_client) -> None:
    dossier = DossierFactory(summary="Un \ue001résumé\ue000 piégé")
    entry = SearchEntry.objects.get(kind="dossier", object_id=dossier.pk)
    assert entry.summary == "Un résumé piégé"
    html = alice_client.get("/recherche/", {"q": "piégé"}).content.decode()
    assert "<mark>piégé</mark>" in html


def test_moving_or_orphaning_an_annotation_does_not_touch_its_entry(
    alice, django_assert_num_queries
) -> None:
    annotation = AnnotationFactory(dossier=DossierFactory(), author=alice, body="Note privée")
    annotation.start, annotation.end, annotation.state = 5, 19, "orphaned"
    with django_assert_num_queries(1):  # the UPDATE of the annotation alone
        annotation.save(update_fields=["start", "end", "state"])
    annotation.visibility = "private"
    annotation.save(update_fields=["visibility"])
    entry = SearchEntry.objects.get(kind="annotation", object_id=annotation.pk)
    assert entry.owner_id == alice.pk
