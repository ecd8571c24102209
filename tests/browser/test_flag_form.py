"""Reporting a message in a real browser: a refused report shows its reason in place."""

from __future__ import annotations

from typing import Any

import pytest

from discussions.models import Comment, Flag
from tests.browser.conftest import log_in
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_refused_report_shows_why_in_place_then_goes_through(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    UserFactory(email="alice@example.org", display_name="Alice Martin")
    bob = UserFactory(email="bob@example.org", display_name="Bob Leroy")
    dossier = DossierFactory(slug="fil")
    comment = Comment.objects.create(dossier=dossier, author=bob, body="Un message à signaler.")
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}#discussion")
    page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Signaler").click()
    form = page.locator(f"#slot-{comment.pk} form.comment-form--flag")
    form.wait_for()
    # Too long for the server (the page's maxlength taken off, as a script or an old
    # browser would): the answer is the form with its error, in place.
    form.locator("textarea").evaluate("(area) => area.removeAttribute('maxlength')")
    form.locator("textarea").fill("x" * 2001)
    form.locator("button[type=submit]").click()
    error = page.locator(f"#slot-{comment.pk} form.comment-form--flag .error")
    error.wait_for()
    assert "2000" in error.inner_text().replace("\u202f", "").replace(" ", "")
    assert Flag.objects.count() == 0

    page.locator(f"#slot-{comment.pk} form.comment-form--flag textarea").fill("Hors sujet.")
    page.locator(f"#slot-{comment.pk} form.comment-form--flag button[type=submit]").click()
    page.locator(f"#slot-{comment.pk}", has_text="Merci").wait_for()
    assert Flag.objects.get().details == "Hors sujet."
    assert console_errors == []
