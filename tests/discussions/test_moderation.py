"""Reports, the moderation queue, hiding and restoring, and the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Comment, Flag, Notification
from tests.discussions.factories import CommentFactory
from tests.factories import UserFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(alice, dossier) -> Comment:
    return CommentFactory(dossier=dossier, author=alice, body="Un propos limite")


def test_a_flag_goes_to_the_queue_then_hide_then_restore(
    bob_client, mo_client, alice, bob, mo, comment, dossier
) -> None:
    reply = CommentFactory(dossier=dossier, author=bob, parent=comment, body="Réponse")
    response = bob_client.post(
        reverse("discussions:comment-flag", args=[comment.pk]),
        {"reason": "offensive", "details": "Ton blessant"},
    )
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert flag.reporter == bob and flag.resolution == Flag.Resolution.OPEN

    queue = mo_client.get(reverse("discussions:moderation")).content.decode()
    assert "Un propos limite" in queue and "Ton blessant" in queue
    hide = reverse("discussions:comment-hide", args=[comment.pk])
    assert f'href="{hide}?next={reverse("discussions:moderation")}"' in queue

    mo_client.post(
        reverse("discussions:comment-hide", args=[comment.pk]),
        {"note": "Merci de rester courtois."},
    )
    comment.refresh_from_db()
    flag.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN and comment.moderated_by == mo
    assert comment.moderation_note == "Merci de rester courtois."
    assert flag.resolution == Flag.Resolution.HIDDEN and flag.resolved_by == mo
    page = bob_client.get(dossier.get_absolute_url()).content.decode()
    assert "Un propos limite" not in page and "Message masqué par la modération" in page
    assert f'id="comment-{reply.pk}"' in page
    told = Notification.objects.get(recipient=alice, kind=Notification.Kind.MODERATION)
    assert told.actor == mo

    mo_client.post(
        reverse("discussions:comment-restore", args=[comment.pk]), {"note": "Après relecture"}
    )
    comment.refresh_from_db()
    assert comment.state == Comment.State.VISIBLE
    assert "Un propos limite" in bob_client.get(dossier.get_absolute_url()).content.decode()
    assert (
        Notification.objects.filter(recipient=alice, kind=Notification.Kind.MODERATION).count() == 2
    )


def test_the_author_reads_the_moderators_note_in_their_notifications(
    alice_client, mo_client, comment
) -> None:
    mo_client.post(
        reverse("discussions:comment-hide", args=[comment.pk]), {"note": "Données personnelles"}
    )

    html = alice_client.get(reverse("discussions:notifications")).content.decode()

    assert "masqué par la modération" in html and "Données personnelles" in html


def test_reporting_twice_keeps_one_open_report(bob_client, comment) -> None:
    url = reverse("discussions:comment-flag", args=[comment.pk])
    bob_client.post(url, {"reason": "offensive"})
    bob_client.post(url, {"reason": "other"})
    assert Flag.objects.count() == 1


def test_a_report_without_a_reason_is_refused(bob_client, comment) -> None:
    response = bob_client.post(
        reverse("discussions:comment-flag", args=[comment.pk]), {"reason": "bof"}
    )
    assert response.status_code == 400
    assert not Flag.objects.exists()


def test_dismissing_closes_the_reports_and_keeps_the_comment(
    bob_client, mo_client, comment
) -> None:
    bob_client.post(reverse("discussions:comment-flag", args=[comment.pk]), {"reason": "other"})

    mo_client.post(reverse("discussions:comment-flags-dismiss", args=[comment.pk]))

    assert Flag.objects.get().resolution == Flag.Resolution.DISMISSED
    comment.refresh_from_db()
    assert comment.state == Comment.State.VISIBLE
    assert (
        "Un propos limite" not in mo_client.get(reverse("discussions:moderation")).content.decode()
    )


def test_hiding_with_htmx_returns_the_thread(mo_client, comment, dossier) -> None:
    response = mo_client.post(
        reverse("discussions:comment-hide", args=[comment.pk]), {"note": ""}, HTTP_HX_REQUEST="true"
    )
    assert response.content.decode().startswith(
        f'<section class="thread" id="thread-dossier-{dossier.pk}"'
    )


def test_restoring_a_visible_comment_is_a_400(mo_client, comment) -> None:
    assert (
        mo_client.post(reverse("discussions:comment-restore", args=[comment.pk])).status_code == 400
    )


@pytest.fixture
def admin_client(db):
    from tests.conftest import client_for

    return client_for(UserFactory(email="root@example.org", is_staff=True, is_superuser=True))


def test_the_admin_lists_comments_with_filters_and_search(admin_client, comment, dossier) -> None:
    CommentFactory(
        dossier=dossier, author=comment.author, state=Comment.State.HIDDEN, body="Masqué"
    )
    base = reverse("admin:discussions_comment_changelist")

    assert admin_client.get(base).status_code == 200
    hidden = admin_client.get(base + "?state__exact=hidden").content.decode()
    assert "Masqué" in hidden and "Un propos limite" not in hidden
    assert "Un propos limite" in admin_client.get(base + "?q=limite").content.decode()
    assert admin_client.get(base + "?kind=dossier").status_code == 200
    assert admin_client.get(base + "?flagged=yes").status_code == 200
    change = admin_client.get(reverse("admin:discussions_comment_change", args=[comment.pk]))
    assert change.status_code == 200


def test_the_admin_has_no_hard_delete_and_soft_deletes_instead(
    admin_client, comment, dossier
) -> None:
    reply = CommentFactory(dossier=dossier, author=comment.author, parent=comment)
    base = reverse("admin:discussions_comment_changelist")

    page = admin_client.get(base).content.decode()
    assert 'value="delete_selected"' not in page
    admin_client.post(base, {"action": "soft_delete", "_selected_action": [comment.pk]})

    comment.refresh_from_db()
    assert comment.state == Comment.State.DELETED
    assert Comment.objects.filter(pk=reply.pk).exists()
    delete_url = reverse("admin:discussions_comment_delete", args=[comment.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_the_admin_hides_and_restores_and_the_author_is_told(admin_client, comment) -> None:
    base = reverse("admin:discussions_comment_changelist")
    admin_client.post(base, {"action": "hide", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN
    admin_client.post(base, {"action": "restore", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.state == Comment.State.VISIBLE
    assert Notification.objects.filter(recipient=comment.author, kind="moderation").count() == 2


def test_the_moderation_queue_query_count_does_not_grow(mo_client, dossier) -> None:
    def report(count: int) -> None:
        for _ in range(count):
            comment = CommentFactory(dossier=dossier, author=UserFactory())
            Flag.objects.create(comment=comment, reporter=UserFactory(), reason="other")
            CommentFactory(dossier=dossier, author=UserFactory(), state=Comment.State.HIDDEN)

    report(1)
    response, one = counted_get(mo_client, reverse("discussions:moderation"))
    assert response.content.decode().count('class="card moderation-item"') == 1
    report(19)
    response, twenty = counted_get(mo_client, reverse("discussions:moderation"))
    assert response.content.decode().count('class="card moderation-item"') == 20
    assert twenty == one
