"""The learning digests of a batch of members (learning/digest_batch.py): each the digest
the one-member builder gives, the batch task's sending and marking, a failed email."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import User
from discussions.models import Notification
from discussions.services import follow_create
from learning import digest as digest_module
from learning.digest import digest_build, users_due
from learning.services import report_create, status_change
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    QuestionFactory,
    RecommendationFactory,
    ThemeFactory,
    UserFactory,
)
from tests.learning.test_digest import FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db) -> User:
    return UserFactory(email="awa@example.org", display_name="Awa Diallo", learning_digest="weekly")


def _shape(digest) -> dict:
    """What a digest holds, item by item, and the email it makes."""
    email = digest_module.digest_email(digest)
    sections = ("field_reports", "status_changes", "questions", "syntheses", "annotations")
    return {
        **{name: [item.pk for item in getattr(digest, name)] for name in sections},
        "of_the_week": getattr(digest.question_of_the_week, "pk", None),
        "notifications": [n.pk for n in digest.notifications],
        "pending": [n.pk for n in digest.pending],
        "since": digest.since,
        "email": (email.subject, email.body, email.alternatives[0][0]),
    }


def test_the_batch_builder_gives_each_member_the_digest_of_the_one_member_builder(
    member, alice, bob, carol, dossier, draft
) -> None:
    """A curator, a member who answered a « réfléchir avant de lire » question and one who
    did not, all following a published dossier and a draft: the digests built together are
    the ones built one by one, each with what its reader may read."""
    from learning.digest_batch import digests_build
    from questions.models import CrossQuestion, GroupedQuestion
    from syntheses.services import synthesis_save

    theme = ThemeFactory()
    for place in (dossier, draft):
        place.themes.add(theme)
    readers = [carol, member, alice]
    for reader in readers:
        reader.themes.add(theme)
        follow_create(user=reader, dossier=dossier)
        follow_create(user=reader, dossier=draft)
    questions = {}
    for place in (dossier, draft):
        recommendation = RecommendationFactory(dossier=place)
        status_change(recommendation=recommendation, status="discussed", note="", changed_by=carol)
        report_create(author=bob, recommendation=recommendation, fields=FIELDS)
        questions[place.pk] = QuestionFactory(dossier=place)
        answer = CommentFactory(dossier=place, question=questions[place.pk], author=bob)
        for reader in readers:
            Notification.objects.create(
                recipient=reader, actor=bob, kind="reply", dossier=place, comment=answer
            )
            AnnotationFactory(dossier=place, author=reader, exact="Contexte")
    cross = CrossQuestion.objects.create(wording="Quel plaidoyer ?", slug="q", reflect_first=True)
    GroupedQuestion.objects.create(cross_question=cross, question=questions[dossier.pk])
    # Featured this week, but of a draft only: the curator's question of the week.
    of_draft = CrossQuestion.objects.create(
        wording="En préparation ?", slug="p", featured_from=timezone.localdate()
    )
    GroupedQuestion.objects.create(cross_question=of_draft, question=questions[draft.pk])
    CommentFactory(dossier=dossier, question=questions[dossier.pk], author=member)
    synthesis_save(writer=carol, target=questions[dossier.pk], body="Ce que nous retenons.")
    now = timezone.now() + timedelta(minutes=1)

    batch = [_shape(d) for d in digests_build(readers, now=now)]
    alone = [_shape(digest_build(reader, now=now)) for reader in readers]

    assert batch == alone
    curator, answered, locked = batch
    assert len(curator["field_reports"]) == 2 and len(answered["field_reports"]) == 1
    assert answered["syntheses"] and not locked["syntheses"]
    assert curator["of_the_week"] == of_draft.pk
    assert answered["of_the_week"] == locked["of_the_week"] == cross.pk
    assert len(locked["notifications"]) < len(answered["notifications"])


def test_the_batch_keeps_each_members_own_period_and_leaves_out_their_own_contributions(
    member, alice, bob, dossier
) -> None:
    """Read together since the earliest start, the candidates are each member's only from
    their own digest's start, without their own reports nor the questions they answered."""
    from learning.digest_batch import digests_build
    from learning.models import FieldReport, StatusChange

    now = timezone.now() + timedelta(minutes=1)
    User.objects.filter(pk=member.pk).update(learning_digest_sent_at=now - timedelta(days=2))
    recommendation = RecommendationFactory(dossier=dossier)
    old_report = report_create(author=alice, recommendation=recommendation, fields=FIELDS)
    old_change = status_change(
        recommendation=recommendation, status="discussed", note="", changed_by=alice
    )
    FieldReport.objects.filter(pk=old_report.pk).update(created_at=now - timedelta(days=4))
    StatusChange.objects.filter(pk=old_change.pk).update(changed_at=now - timedelta(days=4))
    new_report = report_create(author=bob, recommendation=recommendation, fields=FIELDS)
    new_change = status_change(
        recommendation=recommendation, status="adopted", note="", changed_by=alice
    )
    question = QuestionFactory(dossier=dossier)
    CommentFactory(dossier=dossier, question=question, author=bob)
    readers = [User.objects.get(pk=member.pk), User.objects.get(pk=bob.pk)]
    for reader in readers:
        follow_create(user=reader, dossier=dossier)
        reader.themes.add(*dossier.themes.all() or [ThemeFactory()])
    dossier.themes.add(*readers[0].themes.all())

    batch = [_shape(d) for d in digests_build(readers, now=now)]

    assert batch == [_shape(digest_build(reader, now=now)) for reader in readers]
    of_member, of_bob = batch
    assert of_member["field_reports"] == [new_report.pk]
    assert of_bob["field_reports"] == [old_report.pk]
    assert of_member["status_changes"] == [new_change.pk]
    assert of_bob["status_changes"] == [new_change.pk, old_change.pk]
    assert of_member["questions"] == [question.pk] and of_bob["questions"] == []


def test_the_batch_task_sends_the_digests_due_and_marks_what_they_told(member, bob, dossier):
    from learning.digest_batch import learning_digests_send

    follow_create(user=member, dossier=dossier)
    report_create(author=bob, recommendation=RecommendationFactory(dossier=dossier), fields=FIELDS)
    notification = Notification.objects.create(
        recipient=member, actor=bob, kind="reply", dossier=dossier, comment=CommentFactory()
    )
    empty = UserFactory(learning_digest="weekly")

    assert learning_digests_send.call([member.pk, empty.pk]) == 1
    assert learning_digests_send.call([member.pk, empty.pk]) == 0  # queued twice: sent once
    assert [email.to for email in mail.outbox] == [["awa@example.org"]]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert User.objects.filter(pk=empty.pk, learning_digest_sent_at__isnull=False).exists()


def test_a_failed_email_leaves_its_member_due_and_the_rest_of_the_batch_sent(
    member, bob, dossier, monkeypatch
) -> None:
    from learning import digest_batch

    other = UserFactory(learning_digest="weekly", email="zoe@example.org")
    for reader in (member, other):
        follow_create(user=reader, dossier=dossier)
    report_create(author=bob, recommendation=RecommendationFactory(dossier=dossier), fields=FIELDS)
    real = digest_batch.digest_email

    def failing(digest):
        if digest.recipient.pk == member.pk:
            raise ConnectionError("SMTP down")
        return real(digest)

    monkeypatch.setattr(digest_batch, "digest_email", failing)
    assert digest_batch.learning_digests_send.call([member.pk, other.pk]) == 1
    assert [email.to for email in mail.outbox] == [["zoe@example.org"]]
    assert set(users_due(timezone.now()).filter(pk__in=[member.pk, other.pk])) == {member}


def test_the_batch_finds_the_syntheses_of_the_discussions_each_member_took_part_in(
    member, bob, carol, dossier
) -> None:
    """The batch's rule is `of_discussions_joined_by`'s: a visible message in the dossier's
    own discussion or in a part's, or a contribution cited; not a discussion of another
    dossier, nor one they did not join."""
    from learning.digest_batch import digests_build
    from syntheses.services import synthesis_save
    from tests.factories import DossierFactory

    other = DossierFactory(status="published")
    recommendation = RecommendationFactory(dossier=dossier)
    report = report_create(author=member, recommendation=recommendation, fields=FIELDS)
    question, unjoined = QuestionFactory(dossier=dossier), QuestionFactory(dossier=dossier)
    CommentFactory(dossier=dossier, author=member)  # the dossier's own discussion
    CommentFactory(dossier=other, question=QuestionFactory(dossier=other), author=bob)
    CommentFactory(dossier=dossier, question=question, author=member)
    CommentFactory(dossier=dossier, question=unjoined, author=bob)
    joined = [
        synthesis_save(writer=carol, target=dossier, body="Le dossier."),
        synthesis_save(writer=carol, target=question, body="La question."),
        synthesis_save(writer=carol, target=report, body=f"Un retour [[r:{report.pk}]]."),
    ]
    of_bob = synthesis_save(writer=carol, target=unjoined, body="Sans Awa.")
    synthesis_save(writer=carol, target=other, body="Un autre dossier.")
    now = timezone.now() + timedelta(minutes=1)

    batch = [_shape(d) for d in digests_build([member, bob], now=now)]

    assert batch == [_shape(digest_build(reader, now=now)) for reader in (member, bob)]
    assert sorted(batch[0]["syntheses"]) == sorted(s.pk for s in joined)
    # Bob's: the question he answered; his answer in the other dossier is not its discussion.
    assert batch[1]["syntheses"] == [of_bob.pk]


def test_the_email_paths_by_route_prefix_are_the_models_own() -> None:
    """`object_path` builds some paths from a route reversed once: each the same as the
    model's `get_absolute_url`."""
    from learning.digest_render import PK_ROUTES, object_path, pk_path
    from syntheses.services import synthesis_save

    recommendation = RecommendationFactory()
    carol = UserFactory(is_staff=True, is_superuser=True)
    report = report_create(author=carol, recommendation=recommendation, fields=FIELDS)
    comment = CommentFactory(dossier=recommendation.dossier)
    synthesis = synthesis_save(writer=carol, target=recommendation.dossier, body="Texte.")
    objects = [report, comment, synthesis]
    assert {obj._meta.label_lower for obj in objects} == set(PK_ROUTES)
    for obj in objects:
        assert object_path(obj) == obj.get_absolute_url()
    path = pk_path("learning:recommendation", recommendation.pk)
    assert path == f"/recommandations/{recommendation.pk}/"


def test_a_batch_costs_one_query_a_member_whatever_their_digests_hold(carol) -> None:
    """The batch's queries do not grow with what the digests hold, and each member adds
    one (the union asking which of their candidates they may read)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learning.digest_batch import digests_build
    from tests.learning.test_digest import _news_for

    users = [UserFactory(learning_digest="weekly") for _ in range(4)]
    few, many = users[:2], users[2:]
    for user in few:
        _news_for(user, 1, carol)
    for user in many:
        _news_for(user, 6, carol)
    now = timezone.now() + timedelta(minutes=1)

    def queries(users: list[User]) -> int:
        digests_build([User.objects.get(pk=u.pk) for u in users], now=now)  # warm caches
        fresh = [User.objects.get(pk=u.pk) for u in users]
        with CaptureQueriesContext(connection) as captured:
            for digest in digests_build(fresh, now=now):
                digest_module.digest_email(digest).message()
        return len(captured)

    assert [len(d.field_reports) for d in digests_build(many, now=now)] == [6, 6]
    assert queries(many) == queries(few)
    assert queries(few + many) == queries(few) + 2
