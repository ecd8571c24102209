"""The W3C export of a dossier's annotations, checked against the W3C conformance schemas.

The schemas live beside the project, in ../shared/w3c-annotation-model/ (a copy of the
web-platform-tests suite); they are read from there, never copied in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from discussions.models import Annotation, Comment
from dossiers.models import Dossier
from tests.discussions.test_annotation_api import BODY, PASSAGE
from tests.factories import AnnotationFactory, CaseStudyFactory, DossierFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

W3C = Path(settings.BASE_DIR).parent / "shared" / "w3c-annotation-model"
needs_schemas = pytest.mark.skipif(
    not (W3C / "definitions").is_dir(),
    reason=f"the W3C annotation schemas are not at {W3C} (CI has them; a lone clone may not)",
)


def load(path: str) -> Any:
    return json.loads((W3C / path).read_text(encoding="utf-8"))


@cache
def registry() -> Any:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    return Registry().with_resources(
        (
            p.name,
            Resource.from_contents(load(f"definitions/{p.name}"), default_specification=DRAFT4),
        )
        for p in (W3C / "definitions").glob("*.json")
    )


def assertions(test_file: str) -> Iterator[dict[str, Any]]:
    test = load(test_file)
    here = PurePosixPath(test_file).parent

    def walk(items: list[Any]) -> Iterator[dict[str, Any]]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            elif isinstance(item, str):
                yield load(item if "/" in item else f"{here}/{item}")
            else:
                yield item

    yield from walk(test["assertions"])


def must_failures(document: Any, test_file: str = "annotations/annotationMusts.test") -> list[str]:
    from jsonschema import Draft4Validator

    failures = []
    for schema in assertions(test_file):
        validator = Draft4Validator(
            schema, registry=registry(), format_checker=Draft4Validator.FORMAT_CHECKER
        )
        expected = schema.get("expectedResult", "valid") == "valid"
        if (
            validator.is_valid(document) != expected
            and schema.get("assertionType", "must") == "must"
        ):
            failures.append(schema.get("errorMessage") or schema.get("title"))
    return failures


@pytest.fixture
def text(db) -> Dossier:
    return DossierFactory(body=BODY, slug="societes-civiles", title="Sociétés civiles")


def export_url(dossier: Dossier) -> str:
    return reverse("discussions:annotation-export", kwargs={"slug": dossier.slug})


@pytest.fixture
def exported(alice, bob, mo, text) -> dict[str, Any]:
    """A dossier with a shared note (tagged), a highlight without a note, a reply, a reply to
    the reply, a hidden reply, a note on a case study and private notes of two people."""
    shared = AnnotationFactory(
        author=alice, dossier=text, exact=PASSAGE, tags=["plaidoyer", "réciprocité"]
    )
    AnnotationFactory(author=alice, dossier=text, exact="Les chargés", body="")
    case = CaseStudyFactory(dossier=text, body="Une étude : les paysans s’organisent.")
    AnnotationFactory(
        author=bob, case_study=case, exact="les paysans", body="Voir aussi **le Brésil**."
    )
    AnnotationFactory(
        author=alice, dossier=text, exact="Café", body="Pour moi.", visibility="private"
    )
    AnnotationFactory(
        author=bob, dossier=text, exact="résumé", body="Secret de Bob.", visibility="private"
    )
    reply = Comment.objects.create(dossier=text, annotation=shared, author=bob, body="D’accord.")
    Comment.objects.create(
        dossier=text, annotation=shared, author=alice, parent=reply, body="Merci !"
    )
    Comment.objects.create(
        dossier=text, annotation=shared, author=bob, body="Caché.", state="hidden"
    )
    return {"shared": shared, "reply": reply}


def get_export(client: Any, dossier: Dossier) -> dict[str, Any]:
    response = client.get(export_url(dossier))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


def test_the_dossier_page_links_to_its_annotations_as_json_ld(alice_client, text):
    html = alice_client.get(text.get_absolute_url()).content.decode()
    assert (
        f'<link rel="alternate" type="application/ld+json" title="Annotations (W3C Web '
        f'Annotation)" href="{export_url(text)}">'
    ) in html


@needs_schemas
def test_every_exported_annotation_passes_the_w3c_musts(alice_client, exported, text):
    collection = get_export(alice_client, text)
    items = collection["first"]["items"]
    assert len(items) == 6  # the 4 annotations alice may read and the 2 visible replies
    for item in items:
        assert must_failures(item) == [], item


@needs_schemas
def test_the_collection_and_its_page_pass_the_w3c_musts(alice_client, exported, text):
    collection = get_export(alice_client, text)
    assert must_failures(collection, "collections/collectionMusts.test") == []
    assert must_failures(collection, "collections/pages/pageMusts.test") == []
    page = json.loads(alice_client.get(export_url(text), {"page": "1"}).content)
    assert page["type"] == "AnnotationPage"
    assert must_failures(page, "collections/pages/pageMusts.test") == []


@needs_schemas
def test_the_format_checker_is_active_so_a_naive_created_fails(alice_client, exported, text):
    item = get_export(alice_client, text)["first"]["items"][0]
    item["created"] = "2025-01-15T10:30:00"
    assert must_failures(item) != []
    item["created"] = "pas une date"
    assert must_failures(item) != []


def test_the_export_holds_selectors_bodies_tags_and_replies(alice_client, exported, text):
    collection = get_export(alice_client, text)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["id"] == f"http://testserver{export_url(text)}"
    assert collection["label"] == "Annotations sur « Sociétés civiles »"
    items = {item["id"]: item for item in collection["first"]["items"]}
    shared = exported["shared"]
    note = items[f"http://testserver/discussions/annotations/{shared.pk}/"]
    assert note["motivation"] == "commenting"
    # The author by their profile page, never their email address.
    assert note["creator"] == {
        "type": "Person",
        "id": f"http://testserver{shared.author.get_absolute_url()}",
        "name": "Alice Martin",
    }
    assert datetime.fromisoformat(note["created"]).tzinfo is not None
    assert note["target"]["source"] == "http://testserver/dossiers/societes-civiles/#corps"
    quote, position = note["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == shared.exact
    assert position == {"type": "TextPositionSelector", "start": shared.start, "end": shared.end}
    # The selectors hold in the text (the schemas do not check it).
    assert text.body_text[position["start"] : position["end"]] == quote["exact"]
    assert note["body"][0] == {
        "type": "TextualBody",
        "value": "<p>Une note.</p>\n",
        "format": "text/html",
        "purpose": "commenting",
    }
    assert {"type": "TextualBody", "value": "réciprocité", "purpose": "tagging"} in note["body"]
    replies = [item for item in items.values() if item["motivation"] == "replying"]
    assert len(replies) == 2  # the hidden reply stays out
    first, second = sorted(replies, key=lambda item: item["created"])
    assert first["target"] == note["id"]
    assert second["target"] == first["id"]  # the true parent, not flattened
    assert first["body"]["value"] == "<p>D’accord.</p>\n"
    assert (
        first["creator"]["id"] == f"http://testserver{exported['reply'].author.get_absolute_url()}"
    )
    highlight = next(item for item in items.values() if item["motivation"] == "highlighting")
    assert "body" not in highlight


def test_the_export_holds_only_what_the_requester_may_read(
    alice_client, bob_client, exported, text
):
    def notes(client: Any) -> set[str]:
        found = set()
        for item in get_export(client, text)["first"]["items"]:
            bodies = item.get("body", [])
            for body in bodies if isinstance(bodies, list) else [bodies]:
                found.add(body["value"])
        return found

    assert "<p>Pour moi.</p>\n" in notes(alice_client)
    assert "<p>Secret de Bob.</p>\n" not in notes(alice_client)
    assert "<p>Secret de Bob.</p>\n" in notes(bob_client)
    assert "<p>Pour moi.</p>\n" not in notes(bob_client)


def test_the_export_of_a_draft_is_404_for_members(alice_client, draft):
    response = alice_client.get(export_url(draft))
    assert response.status_code == 404
    assert response.json() == {
        "error": "Ce texte n’existe pas ou vous n’avez pas le droit de le lire."
    }


def test_the_export_costs_the_same_queries_for_1_or_30_annotations(alice, bob, alice_client, text):
    def add(count: int) -> None:
        for _ in range(count):
            annotation = AnnotationFactory(author=alice, dossier=text, exact=PASSAGE, tags=["x"])
            Comment.objects.create(dossier=text, annotation=annotation, author=bob, body="Oui.")

    add(1)
    response, one = counted_get(alice_client, export_url(text))
    assert json.loads(response.content)["total"] == 2
    add(29)
    response, thirty = counted_get(alice_client, export_url(text))
    assert response["Content-Type"].startswith("application/ld+json")
    assert json.loads(response.content)["total"] == 2 * 30
    assert Annotation.objects.count() == 30
    assert thirty == one
    # The budget: session, user, dossier gate, the questions « réfléchir avant de lire »
    # gathers (locked_questions), the syntheses of the dossier's discussions, annotations
    # with their authors, tags, replies. The viewer's permissions (whether « réfléchir avant
    # de lire » applies to them) come from the cache once read.
    assert one == 8
