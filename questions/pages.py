"""What the cross-dossier question pages show, in a fixed number of queries whatever the
number of dossiers and answers: the list with its counts, and the page with every dossier's
question, its context and its discussion side by side."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce

from discussions.models import Comment
from discussions.targets import kind_of
from discussions.threads import Thread, shown_comments, thread_entries
from discussions.tree import MAX_INDENT, tree_order
from dossiers.models import Dossier, Question, Region
from questions.models import (
    CrossQuestion,
    GroupedQuestion,
    ReadWithoutAnswering,
    locked_questions,
)
from syntheses.shown import attach_syntheses

if TYPE_CHECKING:
    from accounts.models import User

_VISIBLE = Comment.State.VISIBLE
# Messages shown per dossier's question, newest threads first: side by side, ten dossiers'
# discussions stay readable (and the page within its budget); "see the other messages"
# opens a whole discussion.
PREVIEW_SIZE = 8


def _answers_of(user: User, cross: OuterRef | CrossQuestion) -> Subquery:
    """The number of visible messages in the discussions of the questions `cross` gathers
    that `user` may read the question of (a count: no text, so « réfléchir avant de lire »
    still shows how many answers wait)."""
    counted = (
        Comment.objects.filter(
            question__crossing__cross_question=cross,
            question__dossier__in=Dossier.objects.visible_to(user),
            state=_VISIBLE,
        )
        .order_by()
        .values("question__crossing__cross_question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def cross_question_list(user: User) -> list[CrossQuestion]:
    """The cross questions `user` may read, in one query, with `questions_count`,
    `answers_count`, `answered` (by `user`) and `read_without_answering`.

    Unanswered first, meaning by the reader: those they have not answered come before those
    they have, and among each, those nobody has answered yet come first, then by wording.
    """
    readable_questions = GroupedQuestion.objects.filter(
        cross_question=OuterRef("pk"), question__dossier__in=Dossier.objects.visible_to(user)
    )
    questions_count = (
        readable_questions.order_by().values("cross_question").annotate(n=Count("pk")).values("n")
    )
    mine = Comment.objects.filter(question__crossing__cross_question=OuterRef("pk"), author=user.pk)
    read = ReadWithoutAnswering.objects.filter(cross_question=OuterRef("pk"), user=user.pk)
    listed = CrossQuestion.objects.readable_by(user).annotate(
        questions_count=Coalesce(Subquery(questions_count, output_field=IntegerField()), 0),
        answers_count=_answers_of(user, OuterRef("pk")),
        answered=Exists(mine),
        read_without_answering=Exists(read),
    )
    has_answers = ExpressionWrapper(Q(answers_count__gt=0), output_field=BooleanField())
    return list(listed.order_by("answered", has_answers, "wording", "pk"))


@dataclass
class Block:
    """One dossier's question on the cross question's page."""

    question: Question
    answers_count: int
    # None while the answers are hidden from the reader (« réfléchir avant de lire »).
    thread: Thread | None

    @property
    def dossier(self) -> Dossier:
        return self.question.dossier

    @property
    def dom_id(self) -> str:
        return f"block-{self.question.pk}"


@dataclass
class CrossPage:
    cross: CrossQuestion
    blocks: list[Block]
    # Whether the answers are hidden from the reader until they post one.
    locked: bool
    answered: bool
    my_reading: ReadWithoutAnswering | None
    readings: list[ReadWithoutAnswering]

    @property
    def answers_count(self) -> int:
        return sum(block.answers_count for block in self.blocks)


def cross_page(user: User, cross: CrossQuestion) -> CrossPage:
    """Everything the page shows, in eight queries whatever the number of questions,
    dossiers and answers (readings without answering are few and listed in full)."""
    questions = list(
        Question.objects.readable_by(user)
        .filter(crossing__cross_question=cross)
        .prefetch_related(Prefetch("dossier__regions", queryset=Region.objects.order_by("name")))
        .order_by("crossing__order", "crossing__pk")
    )
    counts = dict(
        Comment.objects.filter(question__in=questions, state=_VISIBLE)
        .order_by()
        .values_list("question")
        .annotate(n=Count("pk"))
    )
    # The lock is the cross question's: all its questions are locked, or none.
    hidden = locked_questions(user) or frozenset()
    locked = any(question.pk in hidden for question in questions)
    threads = {} if locked else question_threads(user, questions)
    readings = list(cross.readings.select_related("user").order_by("created_at", "pk"))
    return CrossPage(
        cross=cross,
        blocks=[Block(q, counts.get(q.pk, 0), threads.get(q.pk)) for q in questions],
        locked=locked,
        answered=Comment.objects.filter(question__in=questions, author=user.pk).exists(),
        my_reading=next((r for r in readings if r.user_id == user.pk), None),
        readings=readings,
    )


@dataclass(slots=True)
class _Skeleton:
    pk: int
    parent_id: int | None
    created_at: datetime
    state: str
    question_id: int


def question_threads(user: User, questions: list[Question]) -> dict[int, Thread]:
    """The discussions of `questions` (their first `PREVIEW_SIZE` messages each), keyed by
    question, in three queries: their shape, the comments shown
    and their authors."""
    rows = Comment.objects.readable_by(user).filter(question__in=questions)
    grouped: dict[int, list[_Skeleton]] = defaultdict(list)
    for values in rows.values_list("pk", "parent_id", "created_at", "state", "question_id"):
        grouped[values[4]].append(_Skeleton(*values))
    trees = {question.pk: tree_order(grouped.get(question.pk, [])) for question in questions}
    wanted: set[int] = set()
    for tree in trees.values():
        for node, depth in tree.order[:PREVIEW_SIZE]:
            wanted.add(node.pk)
            if depth > MAX_INDENT and node.parent_id:
                wanted.add(node.parent_id)
    shown = shown_comments(Comment.objects.filter(pk__in=wanted)) if wanted else []
    comments = {comment.pk: comment for comment in shown}
    threads: dict[int, Thread] = {}
    for question in questions:
        tree = trees[question.pk]
        entries = thread_entries(tree, comments, user, limit=PREVIEW_SIZE)
        threads[question.pk] = Thread(
            kind=kind_of(question),
            target=question,
            entries=entries,
            count=tree.count,
            remaining=len(tree.order) - len(entries),
        )
    # Each question's synthesis above its answers, as on its dossier's page (one query).
    attach_syntheses(user, threads.values())
    return threads
