"""Long discussions in a real browser: « Messages précédents » and « Voir les autres
réponses » load in place without a reload, the focus goes to the first message loaded, and
a permalink to a reply deep in an old thread lands on it."""

from __future__ import annotations

from typing import Any

import pytest

from discussions.models import Comment
from discussions.tree import REPLIES_PER_PAGE, REPLIES_SHOWN, THREADS_PER_PAGE
from tests.browser.conftest import log_in
from tests.factories import DossierFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def long_discussion(dossier, author) -> tuple[Comment, list[Comment], list[Comment]]:
    """An old thread with many replies, then enough newer threads to fill two pages."""

    def made(count: int, parent: Comment | None = None) -> list[Comment]:
        return Comment.objects.bulk_create(
            Comment(
                dossier=dossier,
                author=author,
                parent=parent,
                body=f"Message {n}",
                body_html=f"<p>{'Réponse' if parent else 'Fil'} {n}</p>",
            )
            for n in range(count)
        )

    old = made(1)[0]
    replies = made(REPLIES_PER_PAGE + 20, parent=old)
    newer = made(THREADS_PER_PAGE * 2 - 1)
    return old, replies, newer


def test_older_threads_and_more_replies_load_in_place_with_the_focus_on_the_first(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    from playwright.sync_api import expect

    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(slug="longue")
    old, replies, newer = long_discussion(dossier, alice)
    page = log_in(chromium, live_server, "alice@example.org", console_errors)
    page.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    page.evaluate("window.notReloaded = true")
    thread = page.locator(f"#thread-dossier-{dossier.pk}")
    assert thread.locator("article.comment").count() == THREADS_PER_PAGE

    thread.get_by_role("link", name="Messages précédents (10 fils)").click()
    # The newest thread of page 2 is the first loaded.
    first_older = newer[-THREADS_PER_PAGE - 1]
    expect(page.locator(f"#comment-{first_older.pk}")).to_be_focused()
    assert thread.locator("article.comment").count() == THREADS_PER_PAGE * 2 + REPLIES_SHOWN
    assert thread.locator(".comments__more--older").count() == 0

    thread.get_by_role("link", name=f"Voir les autres réponses ({REPLIES_PER_PAGE + 15})").click()
    first_loaded = replies[REPLIES_SHOWN]
    expect(page.locator(f"#comment-{first_loaded.pk}")).to_be_focused()
    shown = thread.locator(f"#comment-{old.pk} ~ ol article.comment").count()
    assert shown == REPLIES_SHOWN + REPLIES_PER_PAGE
    assert page.evaluate("window.notReloaded") is True
    assert console_errors == []


def test_a_permalink_to_a_reply_deep_in_an_old_thread_lands_on_it(
    chromium: Any, live_server: Any, console_errors: list[str]
) -> None:
    alice = UserFactory(email="alice@example.org", display_name="Alice Martin")
    dossier = DossierFactory(slug="longue")
    _old, replies, _newer = long_discussion(dossier, alice)
    deep = replies[REPLIES_PER_PAGE + 12]
    page = log_in(chromium, live_server, "alice@example.org", console_errors)

    page.goto(f"{live_server.url}{deep.get_absolute_url()}")

    assert page.url.endswith(f"?debut={REPLIES_PER_PAGE}#comment-{deep.pk}")
    target = page.locator(f"#comment-{deep.pk}")
    assert target.is_visible()
    assert page.evaluate(
        f"""(() => {{
            const box = document.getElementById('comment-{deep.pk}').getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight;
        }})()"""
    )
    assert console_errors == []
