"""A « réfléchir avant de lire » cross question over two published dossiers' questions and
a draft's: bob answered the first, carol replied to him, both texts secret to alice until
she answers; a draft dossier's question and its answer stay unseen by members."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from discussions.models import Comment
from discussions.services import comment_create
from dossiers.models import Question
from questions.models import CrossQuestion, GroupedQuestion
from tests.factories import DossierFactory, QuestionFactory, ThemeFactory

BOB_SECRET = "Zanzibarite"
REPLY_SECRET = "Quetzalcoatlique"
DRAFT_SECRET = "Brouillonnerie"
DRAFT_QUESTION = "Ornithorynque"
# A word of every secret text, to search for (the search page repeats what was searched).
SEARCHED = "lagunaire"


@dataclass
class Setting:
    cross: CrossQuestion
    first: Question
    second: Question
    drafted: Question
    answer: Comment
    reply: Comment


def gather(cross: CrossQuestion, *questions: Question) -> None:
    for order, question in enumerate(questions, start=1):
        GroupedQuestion.objects.create(cross_question=cross, question=question, order=order)


@pytest.fixture
def reflect(db, bob, carol) -> Setting:
    theme = ThemeFactory(name="Plaidoyer", slug="plaidoyer")
    first = QuestionFactory(
        dossier=DossierFactory(title="Dossier Sahel", slug="sahel"), title="Quel plaidoyer ?"
    )
    first.dossier.themes.add(theme)
    second = QuestionFactory(
        dossier=DossierFactory(title="Dossier Andes", slug="andes"), title="Au nom de qui ?"
    )
    drafted = QuestionFactory(
        dossier=DossierFactory(title="Brouillon", slug="brouillon-q", status="draft"),
        title=f"{DRAFT_QUESTION} {SEARCHED} ?",
    )
    cross = CrossQuestion.objects.create(
        wording="Quel plaidoyer porter ?", slug="plaidoyer", reflect_first=True
    )
    gather(cross, first, second, drafted)
    answer = comment_create(author=bob, target=first, body=f"{BOB_SECRET} {SEARCHED}")
    reply = comment_create(
        author=carol, target=first, body=f"{REPLY_SECRET} {SEARCHED}", parent=answer
    )
    comment_create(author=carol, target=drafted, body=f"{DRAFT_SECRET} {SEARCHED}")
    return Setting(cross, first, second, drafted, answer, reply)
