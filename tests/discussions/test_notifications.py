"""Mentions, replies and follows notify the right people once; emails leave from a task,
at once or in the daily digest, and only to who may still read the target."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from discussions.models import Comment, Follow, Notification
from discussions.tasks import notification_email_send
from tests.discussions.factories import CommentFactory
from tests.factories import DossierFactory, QuestionFactory, UserFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

CREATE = reverse("discussions:comment-create")


def post(client, dossier, body: str, parent: Comment | None = None):
    data = {"kind": "dossier", "pk": dossier.pk, "body": body}
    if parent is not None:
        data["parent"] = parent.pk
    return client.post(CREATE, data)


def test_a_reply_notifies_the_parents_author(bob_client, alice, bob, dossier) -> None:
    parent = CommentFactory(dossier=dossier, author=alice)

    post(bob_client, dossier, "Merci pour ce partage", parent=parent)

    notification = Notification.objects.get(recipient=alice)
    assert notification.kind == Notification.Kind.REPLY and notification.actor == bob
    assert not Notification.objects.filter(recipient=bob).exists()


def test_a_mention_notifies_the_right_person_once_and_is_linked(
    bob_client, alice, bob, carol, dossier
) -> None:
    UserFactory(display_name="Alice Martinez")

    post(bob_client, dossier, "@Alice Martin voyez ce point, et encore @alice martin !")

    assert list(Notification.objects.values_list("recipient__email", "kind")) == [
        ("alice@example.org", "mention")
    ]
    comment = Comment.objects.get()
    profile = reverse("accounts:member", kwargs={"pk": alice.pk})
    assert f'class="mention" href="{profile}">@Alice Martin</a>' in comment.body_html
    assert "mailto:" not in comment.body_html


def test_a_mentioned_parent_author_gets_one_notification(bob_client, alice, dossier) -> None:
    parent = CommentFactory(dossier=dossier, author=alice)

    post(bob_client, dossier, "Oui @Alice Martin, tout à fait", parent=parent)

    assert Notification.objects.filter(recipient=alice).count() == 1


def test_a_mention_in_code_or_an_email_address_is_no_mention(bob_client, alice, dossier) -> None:
    post(bob_client, dossier, "Écrire à bob@Alice Martin ou `@Alice Martin`")

    assert not Notification.objects.filter(recipient=alice).exists()
    assert "mention" not in Comment.objects.get().body_html


def test_a_new_mention_added_by_an_edit_notifies_once(alice_client, alice, bob, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Rien")
    url = reverse("discussions:comment-edit", args=[comment.pk])

    alice_client.post(url, {"body": "Qu’en pense @Bob Leroy ?"})
    alice_client.post(url, {"body": "Qu’en pense @Bob Leroy ? Merci."})

    assert Notification.objects.filter(recipient=bob, kind="mention").count() == 1


def test_followers_hear_of_new_contributions(bob_client, alice, carol, dossier) -> None:
    Follow.objects.create(user=alice, dossier=dossier)

    post(bob_client, dossier, "Nouvelle contribution")

    assert Notification.objects.get(recipient=alice).kind == Notification.Kind.NEW_CONTRIBUTION
    assert not Notification.objects.filter(recipient=carol).exists()


def test_a_member_following_a_dossier_gone_back_to_draft_is_not_told(
    carol_client, alice, dossier
) -> None:
    Follow.objects.create(user=alice, dossier=dossier)
    dossier.status = "draft"
    dossier.save(update_fields=["status"])

    post(carol_client, dossier, "Relecture du brouillon")

    assert not Notification.objects.filter(recipient=alice).exists()


def test_the_reply_email_is_queued_not_sent_inline(
    bob_client, alice, dossier, settings, django_capture_on_commit_callbacks
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    parent = CommentFactory(dossier=dossier, author=alice)
    with django_capture_on_commit_callbacks(execute=True):
        post(bob_client, dossier, "Réponse", parent=parent)

    assert mail.outbox == []
    [queued] = default_task_backend.results
    assert queued.task.name == "notification_email_send"
    assert queued.args == [Notification.objects.get(recipient=alice).pk]


def test_the_reply_email_goes_out_once_the_task_runs(
    bob_client, alice, dossier, django_capture_on_commit_callbacks
) -> None:
    parent = CommentFactory(dossier=dossier, author=alice)
    with django_capture_on_commit_callbacks(execute=True):
        post(bob_client, dossier, "Voici ma réponse détaillée", parent=parent)

    [email] = mail.outbox
    assert email.to == ["alice@example.org"]
    assert "Bob Leroy vous a répondu" in email.subject
    assert "Voici ma réponse détaillée" in email.body
    assert f"/discussions/commentaires/{Comment.objects.get(parent=parent).pk}/" in email.body
    assert Notification.objects.get(recipient=alice).emailed_at is not None


def test_no_immediate_email_when_the_recipient_does_not_want_one(
    bob_client, alice, dossier, django_capture_on_commit_callbacks
) -> None:
    alice.email_replies = False
    alice.save(update_fields=["email_replies"])
    parent = CommentFactory(dossier=dossier, author=alice)
    with django_capture_on_commit_callbacks(execute=True):
        post(bob_client, dossier, "Réponse", parent=parent)

    assert mail.outbox == []
    assert Notification.objects.filter(recipient=alice).exists()


def test_the_email_task_rechecks_that_the_recipient_may_read_the_target(
    alice, bob, dossier
) -> None:
    comment = CommentFactory(dossier=dossier, author=bob)
    notification = Notification.objects.create(
        recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=comment
    )
    dossier.status = "draft"
    dossier.save(update_fields=["status"])

    notification_email_send.call(notification.pk)

    assert mail.outbox == []


def test_the_email_task_sends_no_withdrawn_message(alice, bob, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=bob, state=Comment.State.DELETED)
    notification = Notification.objects.create(
        recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=comment
    )

    notification_email_send.call(notification.pk)

    assert mail.outbox == []


def test_the_daily_digest_gathers_the_rest_once(alice, bob, dossier) -> None:
    Follow.objects.create(user=alice, dossier=dossier)
    for body in ("Premier apport", "Second apport"):
        comment = CommentFactory(dossier=dossier, author=bob, body=body)
        Notification.objects.create(
            recipient=alice, actor=bob, kind="new", dossier=dossier, comment=comment
        )

    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    [email] = mail.outbox
    assert email.to == ["alice@example.org"]
    assert email.body.count("Bob Leroy a écrit sur le dossier") == 2
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_the_digest_respects_the_preference_and_readability(
    alice, bob, carol, dossier, draft
) -> None:
    bob.email_digest = False
    bob.save(update_fields=["email_digest"])
    on_draft = CommentFactory(dossier=draft, author=carol)
    Notification.objects.create(
        recipient=alice, actor=carol, kind="new", dossier=draft, comment=on_draft
    )
    public = CommentFactory(dossier=dossier, author=carol)
    Notification.objects.create(
        recipient=bob, actor=carol, kind="new", dossier=dossier, comment=public
    )

    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert mail.outbox == []


def test_the_header_counts_unread_notifications_and_the_list_marks_them_read(
    alice_client, alice, bob, dossier
) -> None:
    comment = CommentFactory(dossier=dossier, author=bob)
    notification = Notification.objects.create(
        recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=comment
    )

    home = alice_client.get(reverse("dossiers:home")).content.decode()
    assert '<span class="counter">1' in home
    listing = alice_client.get(reverse("discussions:notifications")).content.decode()
    assert "Bob Leroy vous a répondu" in listing

    response = alice_client.get(reverse("discussions:notification-open", args=[notification.pk]))
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert (
        '<span class="counter">' not in alice_client.get(reverse("dossiers:home")).content.decode()
    )


def test_mark_all_read(alice_client, alice, bob, dossier) -> None:
    for _ in range(3):
        Notification.objects.create(recipient=alice, actor=bob, kind="new", dossier=dossier)
    alice_client.post(reverse("discussions:notifications-read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_someone_elses_notification_is_404(bob_client, alice, dossier) -> None:
    notification = Notification.objects.create(recipient=alice, kind="new", dossier=dossier)
    assert (
        bob_client.get(reverse("discussions:notification-open", args=[notification.pk])).status_code
        == 404
    )


def news_for(user, dossier, body: str = "Du nouveau") -> None:
    """What the home page lists for `user` on a dossier they follow: a comment from someone
    else, an unread notification of it, a question nobody has answered."""
    Follow.objects.get_or_create(user=user, dossier=dossier)
    author = UserFactory()
    comment = CommentFactory(dossier=dossier, author=author, body=body)
    Notification.objects.create(
        recipient=user, actor=author, kind="reply", dossier=dossier, comment=comment
    )
    QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")


def test_the_home_page_shows_activity_questions_and_notifications(
    alice_client, alice, dossier
) -> None:
    news_for(alice, dossier, "Du neuf sur ce dossier")
    response, one = counted_get(alice_client, reverse("dossiers:home"))

    html = response.content.decode()
    assert "Du neuf sur ce dossier" in html
    assert "Quel plaidoyer mener ?" in html

    for _ in range(10):
        news_for(alice, DossierFactory())
    # Each block shows its few latest items, whatever the number of others.
    _, eleven = counted_get(alice_client, reverse("dossiers:home"))
    assert eleven == one


def test_the_notification_list_query_count_does_not_grow(alice_client, alice, dossier) -> None:
    def notify(count: int) -> None:
        for _ in range(count):
            author = UserFactory()
            comment = CommentFactory(dossier=dossier, author=author)
            Notification.objects.create(
                recipient=alice, actor=author, kind="reply", dossier=dossier, comment=comment
            )

    url = reverse("discussions:notifications")
    notify(1)
    response, one = counted_get(alice_client, url)
    assert response.content.decode().count('class="notification ') == 1
    notify(29)
    response, thirty = counted_get(alice_client, url)
    assert response.content.decode().count('class="notification ') == 30
    assert thirty == one


def test_the_email_task_rechecks_the_preference_at_sending_time(alice, bob, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=bob)
    notification = Notification.objects.create(
        recipient=alice, actor=bob, kind="mention", dossier=dossier, comment=comment
    )
    alice.email_mentions = False
    alice.save(update_fields=["email_mentions"])

    notification_email_send.call(notification.pk)

    assert mail.outbox == []
    notification_email_send.call(
        Notification.objects.create(
            recipient=bob, actor=alice, kind="mention", dossier=dossier, comment=comment
        ).pk
    )
    assert [email.to for email in mail.outbox] == [["bob@example.org"]]


def test_the_daily_digest_costs_the_same_queries_for_one_notification_or_many(
    alice, bob, dossier
) -> None:
    """Read through `for_recipient` (no query per notification to ask whether an answer is
    hidden), marked emailed in one update."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from discussions.tasks import digest_send

    alice.learning_digest = "off"
    alice.save(update_fields=["learning_digest"])

    def notify(count: int) -> None:
        for _ in range(count):
            reply = CommentFactory(dossier=dossier, author=bob)
            Notification.objects.create(
                recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=reply
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert digest_send.call(alice.pk) >= 1
        return len(captured)

    notify(1)
    digest_send.call(alice.pk)  # warm the caches a running worker holds
    notify(1)
    one = queries()
    notify(6)
    assert queries() == one
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0
