"""The annotation JSON API: validation, permissions, privacy."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import ANNOTATION_NOTE_MAX_LENGTH, Annotation, Comment
from dossiers.models import Dossier
from tests.factories import AnnotationFactory, CaseStudyFactory, DossierFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

# An emoji (two UTF-16 units, one code point) and accents before the passage: positions
# count code points.
BODY = (
    "## Contexte\n\nCafé 🌍 résumé : le partenariat s’est construit pas à pas.\n\n"
    "Les chargés de mission accompagnent les partenaires du Sud.\n"
)
PASSAGE = "accompagnent les partenaires"

LIST_URL = reverse("discussions:annotation-list")


def detail_url(annotation: Annotation) -> str:
    return reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk})


def passage_selector(body: Dossier, passage: str = PASSAGE) -> dict[str, Any]:
    start = body.body_text.index(passage)
    return {"exact": passage, "start": start, "end": start + len(passage)}


def post_json(client: Client, url: str, data: Any) -> Any:
    payload = data if isinstance(data, str) else json.dumps(data)
    return client.post(url, payload, content_type="application/json")


def patch_json(client: Client, url: str, data: Any) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def text(db) -> Dossier:
    return DossierFactory(body=BODY, slug="texte")


def create_payload(body: Dossier, **overrides: Any) -> dict[str, Any]:
    return {
        "target": f"dossier:{body.pk}",
        **passage_selector(body),
        "note": "Une *pratique* à retenir.",
        "visibility": "shared",
        "tags": ["accompagnement"],
        **overrides,
    }


def test_a_member_annotates_a_passage_after_an_emoji_and_accents(alice_client, alice, text):
    response = post_json(alice_client, LIST_URL, create_payload(text))
    assert response.status_code == 201, response.content
    annotation = Annotation.objects.get()
    # "Contexte\nCafé 🌍 …": the emoji is one code point, not two UTF-16 units.
    assert text.body_text[annotation.start : annotation.end] == PASSAGE
    assert annotation.start == text.body_text.index(PASSAGE)
    assert annotation.author == alice
    assert annotation.body_html == "<p>Une <em>pratique</em> à retenir.</p>\n"
    assert annotation.text_version == text.history.latest().history_id
    assert annotation.suffix.startswith(" du Sud.")
    data = response.json()
    assert data["type"] == "Annotation"
    assert data["target"]["selector"][1] == {
        "type": "TextPositionSelector",
        "start": annotation.start,
        "end": annotation.end,
    }
    assert data["ccfd"]["mine"] is True


def test_a_member_annotates_a_case_study(alice_client, text):
    case = CaseStudyFactory(dossier=text, body="Une étude : les paysans s’organisent.")
    payload = create_payload(text, target=f"etude:{case.pk}", exact="les paysans", start=12, end=23)
    response = post_json(alice_client, LIST_URL, payload)
    assert response.status_code == 201, response.content
    annotation = Annotation.objects.get()
    assert annotation.case_study == case and annotation.dossier == text
    assert response.json()["target"]["source"].endswith(f"/dossiers/texte/#etude-{case.pk}")


def test_a_quote_found_by_its_context_is_accepted_with_corrected_positions(alice_client, text):
    selector = passage_selector(text)
    payload = create_payload(
        text,
        start=selector["start"] - 3,
        end=selector["end"] - 3,
        prefix="mission ",
        suffix=" du Sud",
    )
    response = post_json(alice_client, LIST_URL, payload)
    assert response.status_code == 201, response.content
    assert Annotation.objects.get().start == selector["start"]


@pytest.mark.parametrize(
    ("overrides", "why"),
    [
        ({"exact": "les partenaires du Nord"}, "ne correspond pas"),
        ({"start": -1}, "négatives"),
        ({"start": 40, "end": 30}, "avant"),
        ({"start": 10, "end": 10}, "avant"),
        ({"start": 5, "end": 100_000}, "au-delà"),
        ({"start": "3"}, "entier"),
        ({"end": None}, "entier"),
        ({"exact": ""}, "vide"),
        ({"exact": "x" * 5001}, "trop long"),
        ({"prefix": "x" * 65}, "trop long"),
        ({"note": "x" * (ANNOTATION_NOTE_MAX_LENGTH + 1)}, "trop longue"),
        ({"visibility": "public"}, "Visibilité inconnue"),
        ({"tags": "pas une liste"}, "liste"),
        ({"target": "chapitre:1"}, "Cible inconnue"),
        ({"target": "dossier:abc"}, "Cible inconnue"),
        ({"target": None}, "Cible inconnue"),
    ],
)
def test_an_invalid_annotation_is_refused_with_a_reason_and_nothing_stored(
    alice_client, text, overrides, why
):
    response = post_json(alice_client, LIST_URL, create_payload(text, **overrides))
    assert response.status_code == 400
    assert why in response.json()["error"]
    assert not Annotation.objects.exists()


@pytest.mark.parametrize("payload", ["{not json", "[1, 2]", '"a string"', ""])
def test_malformed_json_is_refused_with_a_reason(alice_client, text, payload):
    response = post_json(alice_client, LIST_URL, payload)
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]
    assert not Annotation.objects.exists()


def test_a_target_the_member_may_not_read_answers_404_like_a_missing_one(alice_client, draft, text):
    for target in (f"dossier:{draft.pk}", "dossier:999999", "etude:999999"):
        response = post_json(alice_client, LIST_URL, create_payload(draft, target=target))
        assert response.status_code == 404
        assert "error" in response.json()
    assert alice_client.get(LIST_URL, {"target": f"dossier:{draft.pk}"}).status_code == 404
    assert alice_client.get(LIST_URL, {"dossier": draft.pk}).status_code == 404
    assert not Annotation.objects.exists()


def test_a_curator_annotates_a_draft(carol_client, draft):
    response = post_json(carol_client, LIST_URL, create_payload(draft))
    assert response.status_code == 201


def test_writes_need_the_csrf_token(alice, text):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = post_json(client, LIST_URL, create_payload(text))
    assert response.status_code == 403
    assert not Annotation.objects.exists()


def test_anonymous_visitors_get_a_401_in_json(text):
    response = Client().get(LIST_URL, {"target": f"dossier:{text.pk}"})
    assert response.status_code == 401
    assert "Connectez-vous" in response.json()["error"]


def test_a_private_note_is_seen_by_its_author_only(
    alice, alice_client, bob_client, mo_client, text
):
    private = AnnotationFactory(
        author=alice, dossier=text, exact=PASSAGE, body="Pour moi seule.", visibility="private"
    )
    shared = AnnotationFactory(author=alice, dossier=text, exact="Les chargés", body="Pour tous.")
    for client, expected in ((alice_client, {private.pk, shared.pk}), (bob_client, {shared.pk})):
        for query in ({"target": f"dossier:{text.pk}"}, {"dossier": text.pk}):
            items = client.get(LIST_URL, query).json()["annotations"]
            assert {item["ccfd"]["pk"] for item in items} == expected
    assert bob_client.get(detail_url(private)).status_code == 404
    assert mo_client.get(detail_url(private)).status_code == 404
    assert alice_client.get(detail_url(private)).status_code == 200
    assert bob_client.patch(detail_url(private)).status_code == 404


def test_the_list_of_a_body_leaves_out_the_other_bodies(alice, alice_client, text):
    case = CaseStudyFactory(dossier=text, body="Une étude : les paysans s’organisent.")
    AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    AnnotationFactory(author=alice, case_study=case, exact="les paysans")
    mine = alice_client.get(LIST_URL, {"target": f"etude:{case.pk}"}).json()["annotations"]
    assert [item["ccfd"]["target"] for item in mine] == [f"etude:{case.pk}"]
    everything = alice_client.get(LIST_URL, {"dossier": text.pk}).json()["annotations"]
    assert len(everything) == 2


def test_the_list_costs_the_same_queries_for_1_or_30_annotations(alice, bob, alice_client, text):
    def add(numbers: range) -> None:
        for n in numbers:
            annotation = AnnotationFactory(
                author=alice if n % 2 else bob, dossier=text, exact=PASSAGE, tags=["a", "b"]
            )
            Comment.objects.create(dossier=text, annotation=annotation, author=bob, body="Oui.")
            Comment.objects.create(
                dossier=text, annotation=annotation, author=bob, body="Non.", state="hidden"
            )

    add(range(1))
    response, one = counted_get(alice_client, LIST_URL, {"dossier": text.pk})
    assert len(response.json()["annotations"]) == 1
    add(range(1, 30))
    response, thirty = counted_get(alice_client, LIST_URL, {"dossier": text.pk})
    items = response.json()["annotations"]
    assert len(items) == 30
    assert {item["ccfd"]["replies"] for item in items} == {1}  # the hidden reply not counted
    assert items[0]["ccfd"]["author"] == bob.get_display_name()
    assert items[0]["ccfd"]["tags"] == ["a", "b"]
    assert thirty == one
    # The budget: session, user, dossier gate, the questions « réfléchir avant de lire »
    # gathers (locked_questions), annotations with their authors and reply counts, tags,
    # the syntheses citing them.
    assert one == 7


def test_the_author_changes_the_note_and_visibility(alice, alice_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    response = patch_json(
        alice_client,
        detail_url(annotation),
        {"note": "**Revue**", "visibility": "private", "tags": ["x"]},
    )
    assert response.status_code == 200, response.content
    annotation.refresh_from_db()
    assert annotation.body_html == "<p><strong>Revue</strong></p>\n"
    assert annotation.visibility == "private"
    assert list(annotation.tags.names()) == ["x"]


def test_another_member_may_not_change_or_delete_an_annotation(alice, bob_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    assert patch_json(bob_client, detail_url(annotation), {"note": "Non"}).status_code == 403
    response = bob_client.delete(detail_url(annotation))
    assert response.status_code == 403
    assert "auteur" in response.json()["error"]
    annotation.refresh_from_db()
    assert annotation.body == "Une note."


def test_an_invalid_change_is_refused_and_nothing_changes(alice, alice_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    response = patch_json(
        alice_client, detail_url(annotation), {"note": "Nouvelle", "visibility": "tous"}
    )
    assert response.status_code == 400
    annotation.refresh_from_db()
    assert annotation.body == "Une note."


def test_the_author_deletes_an_annotation_without_replies(alice, alice_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    assert alice_client.delete(detail_url(annotation)).status_code == 204
    assert not Annotation.objects.exists()


def test_an_annotation_with_replies_is_kept_so_the_discussion_is_not_lost(
    alice, bob, alice_client, text
):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    Comment.objects.create(dossier=text, annotation=annotation, author=bob, body="Oui.")
    response = alice_client.delete(detail_url(annotation))
    assert response.status_code == 400
    assert "réponses" in response.json()["error"]
    assert Annotation.objects.filter(pk=annotation.pk).exists()


def test_the_author_re_attaches_an_orphan_to_a_new_passage(alice, alice_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    text.body = "Un texte entièrement réécrit, où les partenaires demeurent."
    text.save()
    annotation.refresh_from_db()
    assert annotation.state == Annotation.State.ORPHANED
    response = patch_json(
        alice_client, detail_url(annotation), passage_selector(text, "les partenaires")
    )
    assert response.status_code == 200, response.content
    annotation.refresh_from_db()
    assert annotation.state == Annotation.State.ANCHORED
    assert text.body_text[annotation.start : annotation.end] == "les partenaires"
    assert annotation.text_version == text.history.latest().history_id


def test_re_attaching_to_a_passage_that_is_not_there_is_refused(alice, alice_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    response = patch_json(
        alice_client, detail_url(annotation), {"exact": "absent", "start": 0, "end": 6}
    )
    assert response.status_code == 400
    annotation.refresh_from_db()
    assert annotation.exact == PASSAGE


def test_a_shared_annotation_is_read_by_others(alice, bob_client, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    response = bob_client.get(detail_url(annotation))
    assert response.status_code == 200
    assert response.json()["ccfd"]["mine"] is False
    assert response.json()["ccfd"]["author"] == "Alice Martin"


def test_the_api_answers_json_405_to_other_methods(alice_client, alice, text):
    annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE)
    assert alice_client.put(detail_url(annotation)).status_code == 405
    assert alice_client.delete(LIST_URL).status_code == 405


def test_the_list_refuses_a_malformed_target(alice_client):
    response = alice_client.get(LIST_URL, {"target": "n'importe quoi"})
    assert response.status_code == 400
    assert "Cible inconnue" in response.json()["error"]


def test_the_author_follows_the_dossier_once_they_annotate(alice, alice_client, text):
    post_json(alice_client, LIST_URL, create_payload(text))
    assert alice.follows.filter(dossier=text).exists()
