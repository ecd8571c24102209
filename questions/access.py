"""The gates to cross-dossier questions and the dossier questions they gather.

What a user may not read answers 404, so a draft dossier's question gathered under a cross
question stays unknown to members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from dossiers.models import Question
from questions.models import CrossQuestion

if TYPE_CHECKING:
    from accounts.models import User


def cross_question_for(user: User, slug: str) -> CrossQuestion:
    """The cross question with this slug if `user` may read it, else 404."""
    return get_object_or_404(CrossQuestion.objects.readable_by(user), slug=slug)


def gathered_question_for(user: User, cross: CrossQuestion, pk: int) -> Question:
    """A question `cross` gathers, of a dossier `user` may read, else 404."""
    question = (
        Question.objects.readable_by(user).filter(pk=pk, crossing__cross_question=cross).first()
    )
    if question is None:
        raise Http404(_("This question does not exist or you may not read it."))
    return question
