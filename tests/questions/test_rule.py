"""The « réfléchir avant de lire » rule itself: Comment.objects.readable_by and the search
index's readable_by leave out the others' answers until the member answers or chooses to
read without answering; curators and moderators read everything."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from accounts.models import User
from discussions.models import Comment
from discussions.services import comment_create
from questions.models import ReadWithoutAnswering, locked_questions, locked_questions_preload
from search.models import SearchEntry
from tests.factories import UserFactory

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


def test_the_locked_questions_are_read_once_until_a_write(
    alice, reflect, django_assert_num_queries
):
    """A page asks them in each of its queries: read once, and read again after a write of
    the process (here alice's answer), so what follows in the request sees it."""
    locked = locked_questions(alice)
    assert {reflect.first.pk, reflect.second.pk} <= locked
    with django_assert_num_queries(0):
        assert locked_questions(alice) == locked
    mine = comment_create(author=alice, target=reflect.second, body="Mon avis")
    assert locked_questions(alice) == frozenset()
    assert readable(alice, reflect) == {reflect.answer.pk, reflect.reply.pk, mine.pk}


def test_preloaded_for_many_each_gets_what_they_get_alone(alice, bob, carol, reflect):
    dave = UserFactory()
    ReadWithoutAnswering.objects.create(cross_question=reflect.cross, user=dave)
    users = [User.objects.get(pk=user.pk) for user in (alice, bob, carol, dave)]
    locked_questions_preload(users)
    preloaded = [locked_questions(user) for user in users]
    alone = [locked_questions(User.objects.get(pk=user.pk)) for user in users]
    assert preloaded == alone
    assert {reflect.first.pk, reflect.second.pk} <= preloaded[0]
    assert preloaded[1:] == [frozenset(), None, frozenset()]


def gathered() -> Any:
    """Two dossiers' questions gathered « réfléchir avant de lire », one answered by a
    member: the `reflect` setting without the fixtures whose groups a transactional
    test's flush removes (a curator's)."""
    from questions.models import CrossQuestion
    from tests.factories import DossierFactory, QuestionFactory
    from tests.questions.conftest import gather

    first = QuestionFactory(dossier=DossierFactory(slug="sahel"))
    second = QuestionFactory(dossier=DossierFactory(slug="andes"))
    cross = CrossQuestion.objects.create(wording="Quel plaidoyer ?", slug="p", reflect_first=True)
    gather(cross, first, second)
    comment_create(author=UserFactory(), target=first, body="Une réponse")
    return SimpleNamespace(cross=cross, first=first, second=second)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_they_are_kept_across_requests_until_a_write_changes_them(
    alice, monkeypatch
):
    """Each request has its own user object: the set is kept in the page memo's cache
    while the member's scope and the pages' generation are those it was read under.
    (Counted by its reads, not its queries: capturing queries renews every generation,
    tests/conftest.py.)"""
    from django.db import transaction

    from questions import models
    from questions.models import GroupedQuestion
    from tests.factories import QuestionFactory

    reflect = gathered()
    reads: list[list[int]] = []
    read = models._locked_of

    def counted(users):
        reads.append([user.pk for user in users])
        return read(users)

    monkeypatch.setattr(models, "_locked_of", counted)

    def fresh() -> User:
        return User.objects.get(pk=alice.pk)

    locked = locked_questions(fresh())
    assert {reflect.first.pk, reflect.second.pk} <= locked
    assert locked_questions(fresh()) == locked_questions(fresh()) == locked
    assert len(reads) == 1
    # A curator gathers one more question (a write outside any scope: the pages').
    third = QuestionFactory(dossier=reflect.first.dossier)
    GroupedQuestion.objects.create(cross_question=reflect.cross, question=third, order=9)
    assert locked_questions(fresh()) == locked | {third.pk}
    # An answer rolled back opens nothing, inside its transaction or after it.
    with pytest.raises(RuntimeError), transaction.atomic():
        comment_create(author=alice, target=reflect.second, body="Pas gardé")
        assert locked_questions(alice) == frozenset()
        raise RuntimeError
    assert locked_questions(fresh()) == locked | {third.pk}
    # Their own answer (within their scope) opens them at once, and for the next requests.
    comment_create(author=alice, target=reflect.second, body="Mon avis")
    assert locked_questions(alice) == frozenset()
    assert locked_questions(fresh()) == frozenset()


@pytest.mark.django_db(transaction=True)
def test_reading_without_answering_opens_them_from_the_next_request(alice, alice_client):
    """It renews the member's scope (their pages' reader), not every member's pages."""
    from django.core.cache import cache
    from django.urls import reverse

    from ccfd_community import write_generations

    reflect = gathered()
    assert locked_questions(User.objects.get(pk=alice.pk))
    url = reverse("questions:read-without-answering", kwargs={"slug": reflect.cross.slug})
    keys = [write_generations.PAGES_KEY, write_generations.scope_key(f"member:{alice.pk}")]
    alice_client.get(reverse("dossiers:home"))  # its handler started: a generation of its own
    before = cache.get_many(keys)
    assert alice_client.post(url).status_code == 302
    after = cache.get_many(keys)
    assert after[keys[0]] == before[keys[0]] and after[keys[1]] != before.get(keys[1])
    assert locked_questions(User.objects.get(pk=alice.pk)) == frozenset()
