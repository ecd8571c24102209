"""The moderation queue in a real browser, JavaScript on: hide, restore and dismiss, for
messages and annotations. A form that kept its htmx attributes on a page without the thread
they target once sent nothing at all (htmx's targetError), while every HTTP test passed."""

from __future__ import annotations

from typing import Any

import pytest

from discussions.models import Annotation, Comment, Flag
from tests.browser.conftest import log_in
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory, DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _people() -> tuple[Any, Any]:
    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    bob = UserFactory(email="bob@example.org", display_name="Bob Leroy")
    UserFactory(email="mo@example.org", display_name="Mo Modérateur", group="Moderators")
    return alice, bob


def _submit(page: Any, live_server: Any, note: str) -> None:
    """Fill the moderation note of the page's form and send it; back on the queue."""
    page.fill("textarea[name=note]", note)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/discussions/moderation/")


def test_a_moderator_hides_then_restores_a_reported_message_from_the_queue(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    alice, bob = _people()
    comment = CommentFactory(dossier=DossierFactory(), author=alice, body="Un propos limite")
    Flag.objects.create(comment=comment, reporter=bob, reason="offensive")
    page = log_in(chromium, live_server, "mo@example.org", console_errors)
    page.goto(f"{live_server.url}/discussions/moderation/")

    page.locator(f"#signalement-{comment.pk}").get_by_text("Masquer…").click()
    _submit(page, live_server, "Ton blessant")
    comment.refresh_from_db()
    assert comment.state == Comment.State.HIDDEN
    assert comment.moderation_note == "Ton blessant"

    page.locator(".moderation-hidden li", has_text="Un propos limite").get_by_text(
        "Rétablir…"
    ).click()
    _submit(page, live_server, "Relu, rien à redire")
    comment.refresh_from_db()
    assert comment.state == Comment.State.VISIBLE
    assert console_errors == []


def test_a_moderator_hides_restores_and_dismisses_annotations_from_the_queue(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    alice, bob = _people()
    dossier = DossierFactory()
    hidden = AnnotationFactory(dossier=dossier, author=alice, body="Note à masquer")
    kept = AnnotationFactory(dossier=dossier, author=alice, body="Note à garder")
    for note in (hidden, kept):
        Flag.objects.create(annotation=note, reporter=bob, reason="other")
    page = log_in(chromium, live_server, "mo@example.org", console_errors)
    page.goto(f"{live_server.url}/discussions/moderation/")

    page.locator(f"#signalement-annotation-{hidden.pk}").get_by_text("Masquer…").click()
    _submit(page, live_server, "Hors sujet")
    assert Annotation.objects.get(pk=hidden.pk).hidden

    page.locator(f"#signalement-annotation-{kept.pk}").get_by_text(
        "Classer les signalements"
    ).click()
    page.wait_for_url(f"{live_server.url}/discussions/moderation/")
    assert not Flag.objects.filter(annotation=kept, resolution=Flag.Resolution.OPEN).exists()

    page.locator(".moderation-hidden li", has_text="Note à masquer").get_by_text(
        "Rétablir…"
    ).click()
    _submit(page, live_server, "")
    assert not Annotation.objects.get(pk=hidden.pk).hidden
    assert console_errors == []
