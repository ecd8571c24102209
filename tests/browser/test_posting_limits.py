"""Over the posting limit in a real browser: the htmx form shows the French refusal in place
and keeps the text typed; the page's headers (Permissions-Policy among them) cause no console
error."""

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


def test_the_refusal_shows_in_the_form_and_keeps_the_text(
    settings, chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "comment": "1/m/user"}
    UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(slug="limite")
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}#discussion")
    thread = f"#thread-dossier-{dossier.pk}"

    page.fill(f"{thread} > form textarea", "Premier message.")
    page.click(f"{thread} > form button[type=submit]")
    page.locator(f"{thread} .comment", has_text="Premier message.").wait_for()

    page.fill(f"{thread} > form textarea", "Un message de trop.")
    page.click(f"{thread} > form button[type=submit]")
    refusal = page.locator(f"{thread} form [role=alert]")
    refusal.wait_for()
    assert "Vous avez beaucoup publié en peu de temps" in refusal.inner_text()
    assert page.locator(f"{thread} form textarea").input_value() == "Un message de trop."
    assert Comment.objects.count() == 1
    assert console_errors == []
