"""The demo's cross-dossier questions: loaded by load_demo, idempotent, and the « réfléchir
avant de lire » one shows member@example.org « 3 réponses — publiez la vôtre pour les lire »."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from discussions.models import Comment
from questions.models import CrossQuestion, GroupedQuestion
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_demo_gathers_two_cross_questions_once():
    call_command("load_demo", force=True, verbosity=0)
    counts = (
        CrossQuestion.objects.count(),
        GroupedQuestion.objects.count(),
        Comment.objects.count(),
    )
    call_command("load_demo", force=True, verbosity=0)
    assert (
        CrossQuestion.objects.count(),
        GroupedQuestion.objects.count(),
        Comment.objects.count(),
    ) == counts
    assert counts[:2] == (2, 8)
    reflect = CrossQuestion.objects.get(reflect_first=True)
    answers = Comment.objects.filter(question__crossing__cross_question=reflect)
    assert answers.count() == 3
    assert not answers.filter(author__email="member@example.org").exists()


def test_the_member_sees_the_done_when_text():
    call_command("load_demo", force=True, verbosity=0)
    member = User.objects.get(email="member@example.org")
    reflect = CrossQuestion.objects.get(reflect_first=True)
    page = client_for(member).get(reverse("questions:detail", args=[reflect.slug]))
    assert "3 réponses — publiez la vôtre pour les lire" in page.content.decode()
