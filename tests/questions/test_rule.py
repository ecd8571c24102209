"""The « réfléchir avant de lire » rule itself: Comment.objects.readable_by and the search
index's readable_by leave out the others' answers until the member answers or chooses to
read without answering; curators and moderators read everything."""

from __future__ import annotations

import pytest

from discussions.models import Comment
from discussions.services import comment_create
from questions.models import ReadWithoutAnswering
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def readable(user, setting) -> set[int]:
    return set(
        Comment.objects.readable_by(user)
        .filter(question__in=[setting.first, setting.second])
        .values_list("pk", flat=True)
    )


def test_a_member_who_has_not_answered_reads_no_answer_nor_reply(alice, reflect):
    assert readable(alice, reflect) == set()


def test_the_author_reads_their_own_answer_and_then_the_others(bob, reflect):
    assert readable(bob, reflect) == {reflect.answer.pk, reflect.reply.pk}


def test_answering_any_gathered_question_opens_the_answers_of_all(alice, reflect):
    mine = comment_create(author=alice, target=reflect.second, body="Mon avis")
    assert readable(alice, reflect) == {reflect.answer.pk, reflect.reply.pk, mine.pk}


def test_reading_without_answering_opens_them_too(alice, reflect):
    ReadWithoutAnswering.objects.create(cross_question=reflect.cross, user=alice)
    assert readable(alice, reflect) == {reflect.answer.pk, reflect.reply.pk}


def test_curators_and_moderators_read_every_answer(carol, mo, reflect):
    assert readable(carol, reflect) == {reflect.answer.pk, reflect.reply.pk}
    assert readable(mo, reflect) == {reflect.answer.pk, reflect.reply.pk}


def test_without_reflect_first_answers_are_read_at_once(alice, reflect):
    reflect.cross.reflect_first = False
    reflect.cross.save()
    assert readable(alice, reflect) == {reflect.answer.pk, reflect.reply.pk}


def test_other_discussions_are_untouched(alice, reflect):
    other = comment_create(author=reflect.answer.author, target=reflect.first.dossier, body="x")
    assert Comment.objects.readable_by(alice).filter(pk=other.pk).exists()


def test_search_entries_follow_the_rule(alice, bob, reflect):
    def found(user) -> set[int]:
        return set(
            SearchEntry.objects.readable_by(user)
            .filter(kind=SearchEntry.Kind.COMMENT)
            .values_list("object_id", flat=True)
        )

    assert reflect.answer.pk not in found(alice)
    assert reflect.reply.pk not in found(alice)
    assert {reflect.answer.pk, reflect.reply.pk} <= found(bob)
    ReadWithoutAnswering.objects.create(cross_question=reflect.cross, user=alice)
    assert {reflect.answer.pk, reflect.reply.pk} <= found(alice)


def test_a_question_belongs_to_at_most_one_cross_question(reflect):
    from django.db import IntegrityError, transaction

    from questions.models import CrossQuestion, GroupedQuestion

    other = CrossQuestion.objects.create(wording="Autre", slug="autre")
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupedQuestion.objects.create(cross_question=other, question=reflect.first)
