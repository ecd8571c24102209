"""Discussing in a real browser: post, reply and delete without a reload (htmx), no CSP
violation on the way."""

from __future__ import annotations

from typing import Any

import pytest

from discussions.models import Comment
from tests.browser.conftest import log_in
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_member_posts_replies_and_deletes_without_a_reload(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    UserFactory(email="alice@example.org", display_name="Alice Martin")
    UserFactory(email="bob@example.org", display_name="Bob Leroy")
    dossier = DossierFactory(slug="fil")
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}#discussion")
    page.evaluate("window.notReloaded = true")
    thread = f"#thread-dossier-{dossier.pk}"

    page.fill(f"{thread} > form textarea", "Qu’en pense @Bob Leroy ?")
    page.click(f"{thread} > form button[type=submit]")
    first = page.locator(f"{thread} .comment", has_text="Qu’en pense")
    first.wait_for()
    assert first.locator("a.mention").inner_text() == "@Bob Leroy"

    first.get_by_text("Répondre").click()
    page.locator(f"{thread} .comment__slot textarea").fill("Je complète ma question.")
    page.locator(f"{thread} .comment__slot button[type=submit]").click()
    reply = page.locator(f"{thread} .comments--replies .comment", has_text="Je complète")
    reply.wait_for()

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"{thread} .comment", has_text="Qu’en pense").get_by_text("Supprimer").click()
    page.locator(f"{thread} .comment__tombstone").wait_for()

    assert page.evaluate("window.notReloaded") is True
    assert page.locator(f"{thread} .comment", has_text="Je complète").count() == 1
    assert list(Comment.objects.values_list("state", flat=True).order_by("pk")) == [
        "deleted",
        "visible",
    ]
    assert console_errors == []
