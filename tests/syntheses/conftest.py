"""A question of a published dossier with two answers (alice's, bob's), for the synthesis
tests; the personas are tests/conftest.py's."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.discussions.factories import CommentFactory
from tests.factories import QuestionFactory


@pytest.fixture
def question(dossier: Any) -> Any:
    return QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")


@pytest.fixture
def answers(question: Any, alice: Any, bob: Any) -> list[Any]:
    return [
        CommentFactory(
            dossier=question.dossier, question=question, author=alice, body="Un plaidoyer local."
        ),
        CommentFactory(
            dossier=question.dossier, question=question, author=bob, body="Avec les partenaires."
        ),
    ]


@pytest.fixture
def write_url(question: Any) -> str:
    return reverse("syntheses:write", kwargs={"kind": "question", "pk": question.pk})
