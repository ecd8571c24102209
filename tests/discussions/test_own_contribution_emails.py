"""What happens to a member's own contribution (a moderator hides or restores it, the passage
of their annotation changes) reaches them by email too: at once if they want it, else in the
daily digest; and only while they may still read it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from discussions import services
from discussions.models import Annotation, Notification
from discussions.tasks import digest_send, notification_email_send
from dossiers.models import Dossier
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory, QuestionFactory

pytestmark = pytest.mark.django_db

PASSAGE = "Les chargés de mission accompagnent les partenaires."


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction's commit (the email task), as in production."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_hidden_message_is_emailed_to_its_author_at_once_with_the_note(
    alice, mo, dossier, on_commit
) -> None:
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer mener ?")
    message = CommentFactory(dossier=dossier, question=question, author=alice)
    with on_commit():
        services.contribution_moderate(
            contribution=message, moderator=mo, hide=True, note="Propos hors sujet."
        )

    [email] = mail.outbox
    assert email.to == ["alice@example.org"]
    assert "Votre message sur la question « Quel plaidoyer mener ? »" in email.subject
    assert "a été masqué par la modération" in email.subject
    assert "Note de la modération : Propos hors sujet." in email.body
    assert Notification.objects.get(recipient=alice).emailed_at is not None


def test_a_hidden_and_a_restored_annotation_are_emailed_with_their_passage(
    alice, mo, dossier, on_commit
) -> None:
    note = AnnotationFactory(dossier=dossier, author=alice, exact="Pratiques")
    with on_commit():
        services.contribution_moderate(contribution=note, moderator=mo, hide=True)
    note.refresh_from_db()
    with on_commit():
        services.contribution_moderate(contribution=note, moderator=mo, hide=False)

    assert [email.to for email in mail.outbox] == [["alice@example.org"]] * 2
    assert all("« Pratiques »" in email.body for email in mail.outbox)


def test_a_changed_passage_is_emailed_to_the_annotation_s_author(alice, carol, on_commit) -> None:
    text = Dossier.objects.create(
        title="Texte", slug="texte", body=f"## Contexte\n\n{PASSAGE}\n", status="published"
    )
    AnnotationFactory(
        dossier=text, author=alice, exact=PASSAGE, visibility=Annotation.Visibility.PRIVATE
    )
    text.body = "## Contexte\n\nTout a été réécrit.\n"
    text._history_user = carol
    with on_commit():
        text.save()

    [email] = mail.outbox
    assert email.to == ["alice@example.org"]
    assert "Le passage de votre annotation sur « Texte » a changé" in email.subject
    assert f"« {PASSAGE} »" in email.body
    assert "« Passage modifié »" in email.body


def test_without_the_preference_they_wait_for_the_digest(alice, mo, dossier, on_commit) -> None:
    alice.email_own_contributions = False
    alice.save(update_fields=["email_own_contributions"])
    message = CommentFactory(dossier=dossier, author=alice)
    with on_commit():
        services.contribution_moderate(contribution=message, moderator=mo, hide=True)
    assert mail.outbox == []

    assert digest_send.call(alice.pk) == 1
    [digest] = mail.outbox
    assert "Votre message sur le dossier « Accompagner les sociétés civiles » a été masqué" in (
        digest.body
    )


def test_the_task_asks_again_whether_the_author_may_still_read_it(alice, mo, dossier) -> None:
    """The notification was made while the dossier was published; it went back to draft
    before the worker ran."""
    message = CommentFactory(dossier=dossier, author=alice)
    services.contribution_moderate(contribution=message, moderator=mo, hide=True)
    notification = Notification.objects.get(recipient=alice)
    Dossier.objects.filter(pk=dossier.pk).update(status=Dossier.Status.DRAFT)

    assert notification_email_send.call(notification.pk) is False
    assert digest_send.call(alice.pk) == 0
    assert mail.outbox == []


def test_the_profile_offers_the_preference(alice, alice_client) -> None:
    profile = reverse("accounts:profile")
    html = alice_client.get(profile).content.decode()
    assert 'name="email_own_contributions"' in html
    assert "m’écrire aussitôt au sujet de mes propres contributions" in html.lower()

    data = {"display_name": "Alice Martin", "email_replies": "on", "email_digest": "on"}
    assert alice_client.post(profile, data).status_code == 302
    alice.refresh_from_db()
    assert alice.email_own_contributions is False


def test_a_passage_over_two_paragraphs_still_gives_a_one_line_subject(
    alice, bob, on_commit
) -> None:
    # A header with a line break raises BadHeaderError: the email was never sent.
    text = Dossier.objects.create(
        title="Texte",
        slug="deux-paragraphes",
        body="Premier paragraphe.\n\nSecond paragraphe.\n",
        status="published",
    )
    start = text.body_text.index("Premier")
    exact = text.body_text[start : text.body_text.index("Second") + len("Second")]
    assert "\n" in exact
    note = AnnotationFactory(dossier=text, author=alice, exact=exact)
    with on_commit():
        services.comment_create(author=bob, target=note, body="Je ne suis pas d’accord.")

    [email] = mail.outbox
    assert email.to == ["alice@example.org"]
    assert "\n" not in email.subject and "Premier paragraphe. Second" in email.subject
