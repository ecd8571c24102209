"""The page memo (ccfd_community/page_memo.py): a page asked for again while nothing was
written is served as it was built; any write, a flash message, htmx or another session gets
a page built afresh. Pages shared among members and the scoped writes: test_shared_pages.py."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from ccfd_community import page_memo, write_generations
from discussions.models import Comment, Notification
from tests.discussions.factories import CommentFactory
from tests.factories import UserFactory
from tests.memo import counting, get

pytestmark = pytest.mark.django_db


def test_a_page_asked_again_is_served_as_it_was_built(alice_client: Client, dossier) -> None:
    url = dossier.get_absolute_url()
    # The first answer gives the CSRF cookie (after a real login, the login's answer does):
    # its page holds a token the browser did not have yet, and is not kept.
    get(alice_client, url)
    first, built = get(alice_client, url)
    again, kept = get(alice_client, url)
    assert again == first
    # The session and the member, read to know who asks; not one query of the page itself.
    assert kept <= 2 < built


def test_a_kept_page_keeps_its_security_headers(alice_client: Client, dossier) -> None:
    url = dossier.get_absolute_url()
    alice_client.get(url)
    response = alice_client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_another_member_s_comment_is_on_the_next_page(alice_client: Client, dossier, bob) -> None:
    url = dossier.get_absolute_url()
    get(alice_client, url)
    get(alice_client, url)
    CommentFactory(dossier=dossier, author=bob, body="Une contribution toute neuve.")
    page, built = get(alice_client, url)
    assert "Une contribution toute neuve." in page
    assert built > 2


def test_a_write_without_signals_is_on_the_next_page(alice_client: Client, dossier, bob) -> None:
    comment = CommentFactory(dossier=dossier, author=bob, body="Un premier texte.")
    url = dossier.get_absolute_url()
    get(alice_client, url)
    Comment.objects.filter(pk=comment.pk).update(body_html="<p>Un texte corrigé.</p>")
    page, _ = get(alice_client, url)
    assert "Un texte corrigé." in page


@pytest.mark.django_db(transaction=True)
def test_a_write_in_a_transaction_starts_a_generation_now_and_one_after_it_commits(
    dossier, bob
) -> None:
    with transaction.atomic():
        before = cache.get(write_generations.GENERATION_KEY)
        CommentFactory(dossier=dossier, author=bob)
        CommentFactory(dossier=dossier, author=bob)
        during = cache.get(write_generations.GENERATION_KEY)
        waiting = [c for _ids, c, _robust in connection.run_on_commit]
        # Once after the commit, however many writes: pages built meanwhile are out of date.
        assert waiting.count(connection.page_memo_flush) == 1
    assert before != during != cache.get(write_generations.GENERATION_KEY)


@pytest.mark.django_db(transaction=True)
def test_a_scoped_write_in_a_transaction_renews_its_scope_again_after_it_commits(
    dossier, bob
) -> None:
    scope = write_generations.scope_key(dossier.page_scope)
    pages = cache.get(write_generations.PAGES_KEY)
    with transaction.atomic():
        with write_generations.writes_within(dossier.page_scope):
            CommentFactory(dossier=dossier, author=bob)
        during = cache.get(scope)
    assert during is not None and during != cache.get(scope)
    assert cache.get(write_generations.PAGES_KEY) == pages


def test_each_session_has_its_own_pages(alice_client: Client, bob_client: Client) -> None:
    home = reverse("dossiers:home")
    get(alice_client, home)
    alice_page, _ = get(alice_client, home)
    bob_page, built = get(bob_client, home)
    assert "Alice Martin" in alice_page and "Alice Martin" not in bob_page
    assert "Bob Leroy" in bob_page and built > 2
    anonymous = Client().get(home)
    assert anonymous.status_code == 302  # the login page, never a member's kept page


def test_a_flash_message_is_shown_once_and_the_page_after_it_is_built_again(
    alice_client: Client, alice, bob, dossier
) -> None:
    url = reverse("discussions:notifications")
    comment = CommentFactory(dossier=dossier, author=bob)
    Notification.objects.create(
        recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=comment
    )
    get(alice_client, url)
    get(alice_client, url)
    response = alice_client.post(reverse("discussions:notifications-read"), follow=True)
    shown = "Toutes vos notifications sont marquées comme lues."
    assert shown in response.content.decode()
    after, _ = get(alice_client, url)
    assert shown not in after
    again, kept = get(alice_client, url)
    assert again == after and kept <= 2


def test_htmx_fragments_are_never_kept(alice_client: Client, dossier) -> None:
    url = dossier.get_absolute_url()
    get(alice_client, url)
    _, built = get(alice_client, url, **{"HX-Request": "true"})
    _, again = get(alice_client, url, **{"HX-Request": "true"})
    assert again == built > 2


def test_the_next_minute_builds_the_page_again(alice_client: Client, dossier, monkeypatch) -> None:
    url = dossier.get_absolute_url()
    get(alice_client, url)
    now = page_memo.time.time()
    monkeypatch.setattr(page_memo.time, "time", lambda: now + 60)
    _, built = get(alice_client, url)
    assert built > 2


def test_nothing_is_kept_when_the_memo_is_off_or_the_cache_degraded(
    alice_client: Client, dossier, settings, monkeypatch
) -> None:
    url = dossier.get_absolute_url()
    settings.PAGE_MEMO = False
    get(alice_client, url)
    assert get(alice_client, url)[1] > 2
    settings.PAGE_MEMO = True
    monkeypatch.setattr(page_memo.cache, "degraded", True, raising=False)
    get(alice_client, url)
    assert get(alice_client, url)[1] > 2


def test_every_connection_is_watched() -> None:
    assert write_generations.watch_writes in connection.execute_wrappers
    before = cache.get(write_generations.GENERATION_KEY)
    UserFactory()  # a write in this test's transaction renews the generation at once
    assert cache.get(write_generations.GENERATION_KEY) != before


def test_the_unread_counter_is_counted_again_only_after_a_write(
    alice_client: Client, alice, bob, dossier
) -> None:
    home = reverse("dossiers:home")

    def counts(url: str) -> tuple[str, int]:
        with counting() as statements:
            page = alice_client.get(url).content.decode()
        return page, sum(
            'COUNT(*) AS "__count" FROM "discussions_notification"' in s for s in statements
        )

    assert counts(home)[1] == 1
    assert counts(f"{home}?page=1")[1] == 0  # another address, a page built: counter kept
    comment = CommentFactory(dossier=dossier, author=bob)
    Notification.objects.create(
        recipient=alice, actor=bob, kind="reply", dossier=dossier, comment=comment
    )
    page, counted = counts(f"{home}?page=2")
    assert counted == 1
    assert '<span class="counter">1<span class="visually-hidden"> non lue</span>' in page
