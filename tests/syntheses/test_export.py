"""A synthesis in the W3C export of its dossier: an annotation whose motivation is
"assessing" and whose body cites its sources, checked against the W3C conformance schemas
(../shared/w3c-annotation-model/, as the annotation export's tests read them)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Comment
from syntheses.services import synthesis_save
from tests.discussions.factories import CommentFactory
from tests.discussions.test_annotation_export import must_failures, needs_schemas
from tests.factories import DossierFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db


def exported(client: Client, dossier: Any) -> dict[str, Any]:
    url = reverse("discussions:annotation-export", kwargs={"slug": dossier.slug})
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)


def assessing(collection: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in collection["first"]["items"] if item["motivation"] == "assessing"]


@pytest.fixture
def synthesis(carol: Any, question: Any, answers: list[Comment]) -> Any:
    secret = CommentFactory(dossier=DossierFactory(status="draft"), body="Secret.")
    body = f"Local [[c:{answers[0].pk}]], partenaires [[c:{answers[1].pk}]], [[c:{secret.pk}]]."
    return synthesis_save(writer=carol, target=question, body=body)


@needs_schemas
def test_the_synthesis_is_an_assessing_annotation_that_passes_the_w3c_musts(
    alice_client: Client, synthesis: Any, dossier: Any
) -> None:
    [item] = assessing(exported(alice_client, dossier))
    assert must_failures(item) == []
    assert item["id"].endswith(synthesis.get_absolute_url())
    assert item["target"].endswith(
        f"?fil=question-{synthesis.question_id}#thread-question-{synthesis.question_id}"
    )
    assert item["creator"]["name"] == "Carol Curatrice"


def test_its_body_cites_the_sources_the_requester_may_read(
    alice_client: Client, synthesis: Any, dossier: Any, answers: list[Comment]
) -> None:
    [item] = assessing(exported(alice_client, dossier))
    text, *sources = item["body"]
    assert text["purpose"] == "assessing" and "[1]</a></sup>" in text["value"]
    assert [source["purpose"] for source in sources] == ["linking", "linking"]
    assert [source["source"].rsplit("/", 2)[-2] for source in sources] == [
        str(answers[0].pk),
        str(answers[1].pk),
    ]
    assert "Secret" not in json.dumps(item)


def test_a_member_gets_no_synthesis_of_a_draft(alice_client: Client, carol: Any) -> None:
    draft = DossierFactory(status="draft")
    synthesis_save(writer=carol, target=draft, body="Rien.")
    url = reverse("discussions:annotation-export", kwargs={"slug": draft.slug})
    assert alice_client.get(url).status_code == 404


def test_the_export_makes_as_many_queries_for_many_syntheses_as_for_one(
    alice_client: Client, carol: Any, dossier: Any, question: Any, answers: list[Comment]
) -> None:
    from tests.factories import QuestionFactory

    synthesis_save(writer=carol, target=question, body=f"[[c:{answers[0].pk}]]")
    url = reverse("discussions:annotation-export", kwargs={"slug": dossier.slug})
    _response, one = counted_get(alice_client, url)
    for _ in range(5):
        part = QuestionFactory(dossier=dossier)
        cited = [CommentFactory(dossier=dossier, question=part) for _ in range(3)]
        synthesis_save(writer=carol, target=part, body=" ".join(f"[[c:{c.pk}]]" for c in cited))
    _response, many = counted_get(alice_client, url)
    assert many == one
