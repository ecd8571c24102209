"""The dossier page's links from each question to the cross-dossier question gathering it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.db.models import Count

from discussions.models import Comment
from dossiers.models import Dossier, Question
from questions.models import CrossQuestion, GroupedQuestion, locked_questions

register = template.Library()


@dataclass
class Crossing:
    cross: CrossQuestion
    # Answers hidden from the reader until they post one (« réfléchir avant de lire »).
    hidden: int = 0
    locked: bool = False


@register.simple_tag(takes_context=True)
def crossings_of(context: template.Context, dossier: Dossier) -> dict[int, Crossing]:
    """The cross question of each of the dossier's questions, keyed by question, and how
    many answers wait for the reader: three queries whatever the number of questions."""
    user = context["request"].user
    crossings = {
        grouped.question_id: Crossing(grouped.cross_question)
        for grouped in GroupedQuestion.objects.filter(question__dossier=dossier).select_related(
            "cross_question"
        )
    }
    hidden_ids = crossings.keys() & (locked_questions(user) or set())
    if hidden_ids:
        counts = dict(
            Comment.objects.filter(question__in=hidden_ids, state=Comment.State.VISIBLE)
            .exclude(author=user.pk)
            .order_by()
            .values_list("question")
            .annotate(n=Count("pk"))
        )
        for pk in hidden_ids:
            crossings[pk].locked = True
            crossings[pk].hidden = counts.get(pk, 0)
    return crossings


@register.filter
def crossing_of(crossings: dict[int, Crossing], question: Question) -> Any:
    return crossings.get(question.pk)
