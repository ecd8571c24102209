"""Notifications say which part a message was written on, dates read « il y a … », and the
header's counter says « 14 non lues » to screen readers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from discussions import services
from discussions.models import Comment, Notification
from discussions.targets import target_fields
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    QuestionFactory,
    RecommendationFactory,
)
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

NOTIFICATIONS = reverse("discussions:notifications")
DOSSIER = "du dossier « Accompagner les sociétés civiles »"


def listed(client) -> str:
    return client.get(NOTIFICATIONS).content.decode()


def test_a_reply_names_the_question_it_was_written_on(alice, bob, alice_client, dossier) -> None:
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    asked = CommentFactory(dossier=dossier, question=question, author=alice)
    services.comment_create(author=bob, target=question, body="Celui-ci.", parent=asked)

    assert (
        f"Bob Leroy vous a répondu sur la question « Quel plaidoyer mener ? » {DOSSIER}"
        in listed(alice_client)
    )


def test_a_mention_and_news_name_the_recommendation_and_the_case_study(
    alice, bob, carol, alice_client, carol_client, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier, title="Sécuriser les semences")
    case = CaseStudyFactory(dossier=dossier, title="Le Sahel")
    services.follow_create(user=carol, dossier=dossier)
    services.comment_create(author=bob, target=recommendation, body="Qu’en dit @Alice Martin ?")
    services.comment_create(author=bob, target=case, body="Un exemple.")

    assert (
        f"Bob Leroy vous a mentionné·e sur la recommandation « Sécuriser les semences » {DOSSIER}"
    ) in listed(alice_client)
    html = listed(carol_client)
    assert f"Bob Leroy a écrit sur l’étude de cas « Le Sahel » {DOSSIER}" in html
    assert f"Bob Leroy a écrit sur la recommandation « Sécuriser les semences » {DOSSIER}" in html


def test_the_dossier_s_own_discussion_and_a_note_s_are_named_too(
    alice, bob, alice_client, dossier
) -> None:
    root = CommentFactory(dossier=dossier, author=alice)
    services.comment_create(author=bob, target=dossier, body="Oui.", parent=root)
    note = AnnotationFactory(dossier=dossier, author=alice, exact="Pratiques")
    services.comment_create(author=bob, target=note, body="Lesquelles ?")

    html = listed(alice_client)
    assert "Bob Leroy vous a répondu sur le dossier « Accompagner les sociétés civiles »" in html
    assert f"Bob Leroy vous a répondu sur la note portant sur « Pratiques » {DOSSIER}" in html


def test_a_moderated_message_names_its_part(alice, mo, alice_client, dossier) -> None:
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    message = CommentFactory(dossier=dossier, question=question, author=alice)
    services.contribution_moderate(contribution=message, moderator=mo, hide=True)
    assert (
        f"Votre message sur la question « Quel plaidoyer mener ? » {DOSSIER} a été masqué"
        in listed(alice_client)
    )


def test_the_email_names_the_part_too(
    alice, bob, dossier, django_capture_on_commit_callbacks
) -> None:
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    root = CommentFactory(dossier=dossier, question=question, author=alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(author=bob, target=question, body="Oui.", parent=root)
    said = f"Bob Leroy vous a répondu sur la question « Quel plaidoyer mener ? » {DOSSIER}"
    assert mail.outbox[-1].subject.endswith(said)
    assert mail.outbox[-1].body.startswith(said)


def test_dates_of_activity_read_il_y_a(alice, bob, alice_client, dossier) -> None:
    root = CommentFactory(dossier=dossier, author=alice)
    services.comment_create(author=bob, target=dossier, body="Huit heures déjà.", parent=root)
    services.follow_create(user=alice, dossier=dossier)
    eight_hours_ago = timezone.now() - timedelta(hours=8, minutes=5)
    Notification.objects.update(created_at=eight_hours_ago)
    Comment.objects.update(created_at=eight_hours_ago)

    assert ">il y a 8\xa0heures</time>" in listed(alice_client)
    home = alice_client.get(reverse("dossiers:home")).content.decode()
    assert ">il y a 8\xa0heures</time> — « Huit heures déjà. »" in home


@pytest.mark.parametrize(("unread", "said"), [(1, "1 non lue"), (14, "14 non lues")])
def test_the_header_counter_says_how_many_are_unread(
    alice, bob, alice_client, dossier, unread: int, said: str
) -> None:
    for _ in range(unread):
        root = CommentFactory(dossier=dossier, author=alice)
        services.comment_create(author=bob, target=dossier, body="Réponse.", parent=root)
    number, words = said.split(" ", 1)
    assert (
        f'<span class="counter">{number}<span class="visually-hidden"> {words}</span></span>'
        in alice_client.get(reverse("dossiers:home")).content.decode()
    )


def test_naming_the_parts_costs_no_query_per_notification(
    alice, bob, alice_client, dossier
) -> None:
    def reply_everywhere() -> None:
        for target in [
            QuestionFactory(dossier=dossier),
            CaseStudyFactory(dossier=dossier),
            RecommendationFactory(dossier=dossier),
            AnnotationFactory(dossier=dossier, author=alice),
            dossier,
        ]:
            root = CommentFactory(author=alice, **target_fields(target))
            services.comment_create(author=bob, target=target, body="Oui.", parent=root)

    reply_everywhere()
    _response, one = counted_get(alice_client, NOTIFICATIONS)
    _response, home_one = counted_get(alice_client, reverse("dossiers:home"))
    for _ in range(3):
        reply_everywhere()
    _response, many = counted_get(alice_client, NOTIFICATIONS)
    _response, home_many = counted_get(alice_client, reverse("dossiers:home"))
    assert (many, home_many) == (one, home_one)
