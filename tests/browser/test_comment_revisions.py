"""« modifié » opens a message's earlier versions in place, with htmx, in a real browser."""

from __future__ import annotations

from typing import Any

import pytest

from discussions import services
from tests.browser.conftest import log_in
from tests.discussions.factories import CommentFactory
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_earlier_versions_open_under_the_message_without_leaving_the_page(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    UserFactory(email="bob@example.org", display_name="Bob Leroy")
    dossier = DossierFactory(slug="versions")
    comment = CommentFactory(dossier=dossier, author=alice, body="Ce que j’ai dit d’abord.")
    services.comment_edit(comment=comment, body="Ce que je dis maintenant.")
    page = log_in(chromium, live_server, "bob@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}#discussion")
    page.evaluate("window.notReloaded = true")

    page.locator(f"#comment-{comment.pk} a.comment__edited").click()
    versions = page.locator(f"#slot-{comment.pk} details.comment-revisions")
    versions.wait_for()

    assert "Ce que j’ai dit d’abord." in versions.inner_text()
    assert page.evaluate("window.notReloaded") is True
    versions.locator("summary").click()  # and it folds away again
    assert versions.get_attribute("open") is None
    assert console_errors == []
