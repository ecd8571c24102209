"""Members posting at the same moment: no deadlock, nothing stored twice (issue 14).

Real threads, each with its own database connection, so the row locks and the foreign-key
checks at COMMIT meet as they do between two web workers. SQLite serialises every write
with one file lock, so only PostgreSQL can show the problem.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.db import connection

from accounts.models import User
from discussions.models import Comment, Notification
from discussions.services import comment_create
from dossiers.models import Dossier
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and deadlocks need PostgreSQL (SQLite writes one at a time)",
    ),
    pytest.mark.django_db(transaction=True),
]

# Distinct first words, so each "@Name" mentions exactly one member.
NAMES = [
    "Awa Diallo",
    "Bruno Petit",
    "Chloe Martin",
    "Driss Benali",
    "Elise Moreau",
    "Fatou Ndiaye",
    "Gael Robert",
    "Hugo Lambert",
]
ROUNDS = 6

Kind = Notification.Kind


def _post_replies(
    *,
    index: int,
    members: list[User],
    tops: list[Comment],
    dossier: Dossier,
    barrier: threading.Barrier,
    errors: list[BaseException],
) -> None:
    """Member `index` answers another member's comment each round, mentioning two more."""
    count = len(members)
    try:
        for round_ in range(ROUNDS):
            barrier.wait()  # every round starts together, so the posts overlap
            answered = (index + 1 + round_) % count
            first, second = (index + 2 + round_) % count, (index + 3 + round_) % count
            body = (
                f"Round {round_}, from {NAMES[index]}: "
                f"@{NAMES[first]} and @{NAMES[second]}, what do you think?"
            )
            try:
                comment_create(
                    author=members[index], target=dossier, body=body, parent=tops[answered]
                )
            except Exception as error:  # every failure is what the test counts
                errors.append(error)
    except BaseException as error:  # a broken barrier: another thread died
        errors.append(error)
    finally:
        connection.close()


def test_members_replying_and_mentioning_each_other_at_once_all_succeed_once() -> None:
    members = [
        UserFactory(display_name=name, email_replies=False, email_mentions=False) for name in NAMES
    ]
    dossier = DossierFactory()
    # Each member opens a discussion first, so all of them follow the dossier.
    tops = [
        comment_create(author=member, target=dossier, body=f"Notes from {member.display_name}")
        for member in members
    ]
    barrier = threading.Barrier(len(members), timeout=30)
    errors: list[BaseException] = []
    threads = [
        threading.Thread(
            target=_post_replies,
            kwargs={
                "index": index,
                "members": members,
                "tops": tops,
                "dossier": dossier,
                "barrier": barrier,
                "errors": errors,
            },
        )
        for index in range(len(members))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    replies = list(Comment.objects.filter(parent__isnull=False))
    assert len(replies) == len(members) * ROUNDS
    assert len({reply.body for reply in replies}) == len(replies)

    stored = Counter(
        Notification.objects.filter(comment__in=replies).values_list(
            "recipient_id", "comment_id", "kind"
        )
    )
    assert [key for key, times in stored.items() if times > 1] == []
    by_pk = {member.pk: member for member in members}
    for reply in replies:
        # The answered member is told of a reply, the others mentioned of a mention, the
        # remaining followers of a new contribution; the author of nothing.
        answered = reply.parent.author_id
        mentioned = {pk for pk, member in by_pk.items() if f"@{member.display_name}" in reply.body}
        expected = {(answered, reply.pk, Kind.REPLY)}
        for pk in by_pk.keys() - {reply.author_id, answered}:
            kind = Kind.MENTION if pk in mentioned else Kind.NEW_CONTRIBUTION
            expected.add((pk, reply.pk, kind))
        assert {key for key in stored if key[1] == reply.pk} == expected


def _submit(
    *,
    author: User,
    dossier: Dossier,
    body: str,
    barrier: threading.Barrier,
    errors: list[BaseException],
) -> None:
    try:
        barrier.wait()
        comment_create(author=author, target=dossier, body=body)
    except BaseException as error:  # every failure is what the test counts
        errors.append(error)
    finally:
        connection.close()


def test_the_same_text_submitted_many_times_at_once_is_stored_once() -> None:
    author = UserFactory(display_name="Awa Diallo")
    dossier = DossierFactory()
    submits = 8
    barrier = threading.Barrier(submits, timeout=30)
    errors: list[BaseException] = []
    threads = [
        threading.Thread(
            target=_submit,
            kwargs={
                "author": author,
                "dossier": dossier,
                "body": "Merci pour ce dossier.",
                "barrier": barrier,
                "errors": errors,
            },
        )
        for _ in range(submits)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Comment.objects.filter(author=author).count() == 1
