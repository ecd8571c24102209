"""The registry of discussion kinds is the one place that names them, and what reads it
(thread URLs, page anchors, body references) agrees with it."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from unittest import mock

import pytest
from django.urls import reverse

from discussions.models import Comment, contributions
from discussions.targets import BODY_KINDS, KINDS, kind_of
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    FieldReportFactory,
    QuestionFactory,
    RecommendationFactory,
)

ROOT = Path(__file__).resolve().parents[2]
APP_DIRS = [
    "accounts",
    "ccfd_community",
    "discussions",
    "dossiers",
    "learning",
    "search",
    "bench",
]


def _python_files() -> list[Path]:
    files = []
    for name in APP_DIRS:
        for path in (ROOT / name).rglob("*.py"):
            if "migrations" in path.parts or "demo_content" in path.parts:
                continue
            files.append(path)
    return files


def test_kind_names_appear_in_the_registry_and_nowhere_else_in_python() -> None:
    # A slug that is not also a field name ("etude", "recommandation"), alone or as the
    # start of a thread key ("etude-12") or a body reference ("etude:12").
    slugs = [kind.slug for kind in KINDS if kind.field and kind.slug != kind.field]
    pattern = re.compile(rf"^({'|'.join(slugs)})([-:].*)?$")
    found = []
    for path in _python_files():
        if path == ROOT / "discussions" / "targets.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and pattern.match(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.slug)
def test_every_kind_has_a_thread_url_and_an_anchor(alice_client, alice, dossier, kind) -> None:
    targets = {
        "dossiers.Dossier": lambda: dossier,
        "dossiers.CaseStudy": lambda: CaseStudyFactory(dossier=dossier),
        "dossiers.Recommendation": lambda: RecommendationFactory(dossier=dossier),
        "dossiers.Question": lambda: QuestionFactory(dossier=dossier),
        "discussions.Annotation": lambda: AnnotationFactory(dossier=dossier, author=alice),
        "learning.FieldReport": lambda: FieldReportFactory(
            recommendation=RecommendationFactory(dossier=dossier)
        ),
    }
    target = targets[kind.model_label]()

    assert kind_of(target) is kind
    url = reverse("discussions:thread", kwargs={"kind": kind.slug, "pk": target.pk})
    response = alice_client.get(url)
    assert response.status_code == 200
    assert f'id="{kind.dom_id(target.pk)}"' in response.content.decode()


@pytest.mark.django_db
def test_every_body_kind_is_named_on_the_dossier_page(alice_client, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier)
    recommendation = RecommendationFactory(dossier=dossier)
    page = alice_client.get(dossier.get_absolute_url()).content.decode()
    for body in (dossier, case, recommendation):
        kind = kind_of(body)
        assert kind in BODY_KINDS
        assert f'data-annotation-target="{kind.ref(body.pk)}"' in page
    assert f'id="{case.anchor}"' in page and f'id="{recommendation.anchor}"' in page


@pytest.mark.django_db
def test_a_save_that_touches_no_body_field_does_not_render_markdown(alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="*Un avis*")
    real = contributions.render_markdown
    with mock.patch.object(contributions, "render_markdown", side_effect=real) as render:
        comment.state = Comment.State.HIDDEN
        comment.save(update_fields=["state"])
        comment.body = "Un autre avis"
        comment.save(update_fields=["body"])
    assert render.call_count == 1
    comment.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN
