"""Pages shared by the members they show the same thing to (page_memo.shared_page), and the
scoped writes that leave the other dossiers' pages shared (ccfd_community/write_generations.py)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from accounts.models import User
from ccfd_community import page_memo, write_generations
from discussions.anchoring import Selector
from discussions.annotation_services import annotation_create
from discussions.models import Comment, Follow
from discussions.services import comment_create
from dossiers.models import Dossier
from questions.models import CrossQuestion, GroupedQuestion
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import DossierFactory, QuestionFactory, UserFactory
from tests.memo import counting, get

pytestmark = pytest.mark.django_db


TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


@pytest.fixture
def served_at() -> list[tuple[str, int]]:
    return []


@pytest.fixture
def served_shared(monkeypatch, served_at) -> list[int]:
    """The members a shared page was served to, in order (and where: `served_at`)."""
    served: list[int] = []
    response = page_memo.SharedPage.response

    def serving(page: page_memo.SharedPage, request) -> object:
        served.append(request.user.pk)
        served_at.append((request.path, request.user.pk))
        return response(page, request)

    monkeypatch.setattr(page_memo.SharedPage, "response", serving)
    return served


def kept_by(builder: Client, url: str, *others: Client) -> None:
    """`url` built and kept for `builder`, once each other client has asked a page: a test
    client's first request starts its handler, which starts a new generation (as a worker
    starting does), and gives it its CSRF cookie."""
    for client in others:
        client.get(url)
    get(builder, url)
    get(builder, url)  # with the CSRF cookie of the first answer: kept, and shared


def without_tokens(page: str) -> str:
    return TOKEN.sub("TOKEN", page)


def test_every_demo_member_is_served_the_pages_they_would_have_got_built(
    settings, served_shared, served_at
) -> None:
    """The demo holds members of every role, a moderator, a curator, drafts, syntheses,
    questions « réfléchir avant de lire » answered by some and locked to others, follows,
    unread notifications and each member's own messages: whatever of a member the home page
    or a dossier page shows and `home_reader` or `dossier_reader` forgot would make a page
    differ here."""
    call_command("load_demo", force=True, verbosity=0)
    newcomers = [UserFactory(), UserFactory()]  # nothing written, nothing followed yet
    members = list(User.objects.order_by("pk"))
    urls = [reverse("dossiers:home")]
    urls += [dossier.get_absolute_url() for dossier in Dossier.objects.order_by("pk")]
    clients = {member.pk: client_for(member) for member in members}
    settings.PAGE_MEMO = False
    built = {
        (url, pk): without_tokens(client.get(url).content.decode())
        for url in urls
        for pk, client in clients.items()
    }
    with_own_buttons = {key for key, page in built.items() if "/supprimer/" in page}
    settings.PAGE_MEMO = True
    for url in urls:
        for pk, client in clients.items():
            response = client.get(url)
            assert response.status_code in (200, 404)
            assert without_tokens(response.content.decode()) == built[url, pk], (url, pk)
    # The second newcomer was served the pages the first one's were kept as (and more
    # members pages others built): the comparison above was theirs.
    assert served_shared.count(newcomers[1].pk) == len(urls)
    assert len(set(served_shared)) > 2
    # Authors too, their buttons put back: a member served a page with their own buttons.
    assert with_own_buttons & set(served_at)


def test_a_shared_page_carries_its_member_s_menu_and_a_token_of_theirs(
    alice_client: Client, bob_client: Client, dossier, served_shared
) -> None:
    url = dossier.get_absolute_url()
    kept_by(alice_client, url, bob_client)
    page, queries = get(bob_client, url)
    assert served_shared and "Bob Leroy" in page and "Alice Martin" not in page
    assert queries < 10
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    bob_client.handler.enforce_csrf_checks = True
    response = bob_client.post(
        reverse("discussions:comment-create"),
        {
            "kind": "dossier",
            "pk": dossier.pk,
            "body": "Posté avec le jeton d'une page partagée.",
            "csrfmiddlewaretoken": token,
        },
    )
    assert response.status_code in (200, 302)
    assert Comment.objects.filter(body__startswith="Posté avec le jeton").exists()


def test_a_page_is_shared_with_and_from_the_authors_of_its_messages_their_buttons_swapped(
    alice_client: Client, bob_client: Client, alice, bob, dossier, served_shared, settings
) -> None:
    comment = CommentFactory(dossier=dossier, author=bob, body="Le message de Bob.")
    url = dossier.get_absolute_url()
    message = r"Le message de Bob.*?</article>"
    kept_by(bob_client, url, alice_client)  # Bob's page, with his buttons
    alice_page, _ = get(alice_client, url)
    assert served_shared == [alice.pk]  # without them
    mine = re.search(message, alice_page, re.S).group()
    assert "Signaler" in mine and "Modifier" not in mine and "Supprimer" not in mine
    bob_client.cookies.clear()
    bob_client.force_login(bob)  # another session of his: not in the per-session memo
    bob_page, _ = get(bob_client, url)
    assert served_shared == [alice.pk, bob.pk]  # with his buttons put back
    own = re.search(message, bob_page, re.S).group()
    assert "Modifier" in own and "Supprimer" in own and "Signaler" not in own
    settings.PAGE_MEMO = False
    for client, page in ((alice_client, alice_page), (bob_client, bob_page)):
        assert without_tokens(page) == without_tokens(client.get(url).content.decode())
    # His « Supprimer » carries a token of his.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', own).group(1)
    bob_client.handler.enforce_csrf_checks = True
    delete = reverse("discussions:comment-delete", kwargs={"pk": comment.pk})
    assert bob_client.post(delete, {"csrfmiddlewaretoken": token}).status_code in (200, 302)
    comment.refresh_from_db()
    assert comment.state == Comment.State.DELETED


def test_a_page_whose_piece_is_not_found_once_is_not_shared_with_that_member(rf, alice, bob):
    """A piece given for a member that the page does not hold once, whole outside its
    tokens and menu, would leave them with the others' buttons: the page is not shared
    with them (and still is with the others)."""
    request = rf.get("/")
    request.user = alice
    request.META["CSRF_COOKIE"] = "s" * 32
    request.page_memo_nav = "<nav>Alice</nav>"
    own = {bob.pk: (("<b>x</b>", "<b>y</b>"),), 99: (("<i>z</i>", "<i>w</i>"),)}
    page_memo.personal_to(request, [], lambda: own)
    response = HttpResponse("<p><nav>Alice</nav><b>x</b><b>x</b><i>z</i></p>")
    shared = page_memo.SharedPage.of(request, response)
    assert bob.pk in shared.personal_to and 99 not in shared.personal_to
    assert list(shared.own) == [99]
    # Built by a member whose own piece is not in it: the others' cannot be put back.
    page_memo.personal_to(request, [], lambda: {alice.pk: (("<i>z</i>", "<u>mine</u>"),)})
    assert page_memo.SharedPage.of(request, response) is None


def test_a_member_who_follows_the_dossier_is_not_served_the_others_page(
    alice_client: Client, bob_client: Client, dossier, served_shared
) -> None:
    url = dossier.get_absolute_url()
    kept_by(alice_client, url, bob_client)
    assert "Vous suivez ce dossier." not in get(bob_client, url)[0]
    assert served_shared
    bob_client.post(reverse("discussions:follow", kwargs={"slug": dossier.slug}))
    served_shared.clear()
    assert "Vous suivez ce dossier." in get(bob_client, url)[0]
    assert "Vous suivez ce dossier." not in get(alice_client, url)[0]


def test_the_home_page_is_not_shared_with_the_authors_of_its_news(
    alice, alice_client: Client, bob, bob_client: Client, dossier, served_shared
) -> None:
    dave = UserFactory(display_name="Dave Durand")
    dave_client = client_for(dave)
    for member in (alice, bob, dave):
        Follow.objects.create(user=member, dossier=dossier)
    CommentFactory(dossier=dossier, author=bob, body="Une nouvelle de Bob.")
    home = reverse("dossiers:home")
    for client in (alice_client, bob_client, dave_client):
        client.get(home)  # each client's handler and CSRF cookie
    get(dave_client, home)
    get(dave_client, home)  # kept, and shared
    alice_page, _ = get(alice_client, home)
    assert served_shared == [alice.pk]
    assert "Une nouvelle de Bob." in alice_page and "Alice Martin" in alice_page
    bob_page, _ = get(bob_client, home)
    assert served_shared == [alice.pk]  # his own message is not news to him
    assert "Une nouvelle de Bob." not in bob_page


def test_a_page_is_cut_at_every_token_of_its_secret_and_only_there() -> None:
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    secret = _get_new_csrf_string()
    first, second = _mask_cipher_secret(secret), _mask_cipher_secret(secret)
    another = _mask_cipher_secret(_get_new_csrf_string())  # another member's: left alone
    longer = _mask_cipher_secret(secret) + "x"  # not a token: 65 letters
    page = (
        f'<p>Réflexion…</p><input value="{first}"><b>{another}</b><i>{longer}</i>'
        f'<body data-token="{second}">é'
    ).encode()
    assert page_memo._cut_at_tokens(page, secret) == (
        '<p>Réflexion…</p><input value="'.encode(),
        f'"><b>{another}</b><i>{longer}</i><body data-token="'.encode(),
        '">é'.encode(),
    )


@pytest.fixture
def other_dossier() -> Dossier:
    return DossierFactory(title="Un autre dossier", slug="autre")


def post_comment(client: Client, dossier: Dossier, body: str) -> None:
    response = client.post(
        reverse("discussions:comment-create"), {"kind": "dossier", "pk": dossier.pk, "body": body}
    )
    assert response.status_code in (200, 302)


def test_a_new_message_on_a_dossier_leaves_the_other_dossiers_pages_shared(
    alice_client: Client,
    bob,
    bob_client: Client,
    carol_client: Client,
    dossier,
    other_dossier,
    served_shared,
    settings,
) -> None:
    here, there = dossier.get_absolute_url(), other_dossier.get_absolute_url()
    kept_by(alice_client, there, bob_client, carol_client)
    kept_by(alice_client, here)
    post_comment(carol_client, dossier, "Un message tout neuf sur ce dossier.")
    shared_there, _ = get(bob_client, there)
    assert served_shared == [bob.pk]  # the other dossier's page: still shared
    new_here, _ = get(bob_client, here)
    assert served_shared == [bob.pk]  # this one was built again, with the message
    assert "Un message tout neuf sur ce dossier." in new_here
    settings.PAGE_MEMO = False
    built_there = bob_client.get(there).content.decode()
    assert without_tokens(shared_there) == without_tokens(built_there)


def test_a_new_message_counts_its_recipients_notifications_again_and_only_theirs(
    alice,
    alice_client: Client,
    bob,
    bob_client: Client,
    carol_client: Client,
    dossier,
    other_dossier,
    served_shared,
) -> None:
    Follow.objects.create(user=bob, dossier=dossier)
    other = other_dossier.get_absolute_url()
    kept_by(carol_client, other, alice_client, bob_client)
    for client in (alice_client, bob_client):
        get(client, other)  # their counters counted, and kept
    post_comment(carol_client, dossier, "Une nouvelle pour qui suit le dossier.")
    with counting() as statements:
        bob_page, _ = get(bob_client, other)
        alice_page, _ = get(alice_client, other)
    assert served_shared[-2:] == [bob.pk, alice.pk]
    assert '<span class="counter">1<span class="visually-hidden"> non lue' in bob_page
    assert 'class="counter"' not in alice_page
    counted = [s for s in statements if 'FROM "discussions_notification"' in s]
    assert len(counted) == 1  # Bob's; Alice's count was kept


def test_a_new_note_renews_its_dossier_s_pages_only(dossier, alice) -> None:
    before = cache.get_many([write_generations.PAGES_KEY, write_generations.GENERATION_KEY])
    scope = write_generations.scope_key(dossier.page_scope)
    start = dossier.body_text.index(dossier.body_text.split()[0])
    exact = dossier.body_text[start : start + 12]
    annotation_create(
        author=alice,
        body=dossier,
        selector=Selector(exact=exact, start=start, end=start + len(exact)),
        note="Une note, avec une étiquette.",
        visibility="shared",
        tags=["nouvelle étiquette"],
    )
    after = cache.get_many([write_generations.PAGES_KEY, write_generations.GENERATION_KEY, scope])
    assert after[write_generations.PAGES_KEY] == before[write_generations.PAGES_KEY]
    assert after[write_generations.GENERATION_KEY] != before[write_generations.GENERATION_KEY]
    assert after.get(scope)


def test_a_member_s_answer_on_one_dossier_opens_the_answers_on_another_s_page(
    alice_client: Client, bob, bob_client: Client, carol_client: Client, served_shared
) -> None:
    """Answering a gathered question « réfléchir avant de lire » on one dossier opens the
    answers of the others: the member's reader follows their own writes (member_scope),
    though that dossier's page was not written to."""
    sahel = QuestionFactory(dossier=DossierFactory(slug="sahel"), title="Quel plaidoyer ?")
    andes = QuestionFactory(dossier=DossierFactory(slug="andes"), title="Au nom de qui ?")
    cross = CrossQuestion.objects.create(wording="Quel plaidoyer ?", slug="p", reflect_first=True)
    for order, question in enumerate((sahel, andes), start=1):
        GroupedQuestion.objects.create(cross_question=cross, question=question, order=order)
    comment_create(author=bob, target=andes, body="Une réponse andine secrète.")
    url = andes.dossier.get_absolute_url()
    kept_by(carol_client, url, alice_client, bob_client)
    assert "Une réponse andine secrète." not in get(alice_client, url)[0]
    response = alice_client.post(
        reverse("discussions:comment-create"),
        {"kind": "question", "pk": sahel.pk, "body": "Ma réponse, au Sahel."},
    )
    assert response.status_code in (200, 302)
    assert "Une réponse andine secrète." in get(alice_client, url)[0]


def test_a_write_outside_any_scope_sends_every_dossier_page_to_be_built(
    alice_client: Client, bob_client: Client, carol, dossier, served_shared
) -> None:
    url = dossier.get_absolute_url()
    kept_by(alice_client, url, bob_client)
    User.objects.filter(pk=carol.pk).update(display_name="Carol Renommée")
    get(bob_client, url)
    assert not served_shared


def test_a_dossier_s_parts_are_read_again_only_after_a_write_that_may_change_them(
    alice_client: Client, bob, dossier
) -> None:
    """dossiers.page_cache.page_parts: kept under the pages' generation, so the page built
    after a message on the dossier does not read them again, and an edit of a part, even
    inside the dossier's scope (KEPT_UNDER_PAGES), shows on the next page."""
    from dossiers.models import CaseStudy
    from tests.factories import CaseStudyFactory

    case = CaseStudyFactory(dossier=dossier, title="Étude d’avant")
    url = dossier.get_absolute_url()

    def page() -> tuple[str, int]:
        with counting() as statements:
            html = alice_client.get(url).content.decode()
        return html, sum('FROM "dossiers_casestudy"' in sql for sql in statements)

    assert page()[1] >= 1
    comment_create(author=bob, target=case, body="Un message sur l’étude.")
    html, read = page()
    assert "Un message sur l’étude." in html and read == 0
    CaseStudy.objects.filter(pk=case.pk).update(title="Étude d’après")
    html, read = page()
    assert "Étude d’après" in html and read >= 1
    with write_generations.writes_within(dossier.page_scope):
        CaseStudy.objects.filter(pk=case.pk).update(title="Étude retitrée")
    assert "Étude retitrée" in page()[0]


@pytest.mark.parametrize(
    ("sql", "scoped", "renewed"),
    [
        ('INSERT INTO "discussions_comment" ("body") VALUES (%s)', True, "scope"),
        ('INSERT INTO "discussions_comment" ("body") VALUES (%s)', False, "pages"),
        ('UPDATE "discussions_notification" SET "read_at" = %s', False, "counters"),
        ('UPDATE "discussions_notification" SET "read_at" = %s', True, "scope"),
        ('UPDATE "discussions_notification" SET "emailed_at" = %s WHERE', False, "site"),
        ('DELETE FROM "django_session" WHERE "session_key" = %s', False, "site"),
        ('UPDATE "accounts_user" SET "last_login" = %s WHERE "id" = %s', False, "site"),
        ('UPDATE "accounts_user" SET "display_name" = %s WHERE "id" = %s', True, "scope"),
        ('UPDATE "accounts_user" SET "display_name" = %s WHERE "id" = %s', False, "pages"),
        ('ALTER TABLE "dossiers_dossier" ADD COLUMN "x" integer', False, "pages"),
        ('UPDATE "dossiers_casestudy" SET "title" = %s WHERE "id" = %s', True, "pages, scope"),
        ('DELETE FROM "dossiers_recommendation_case_studies" WHERE', True, "pages, scope"),
        ('INSERT INTO "syntheses_synthesis" ("body") VALUES (%s)', True, "pages, scope"),
    ],
)
def test_what_a_write_renews(sql: str, scoped: bool, renewed: str) -> None:
    expected = {
        "site": {write_generations.GENERATION_KEY},
        "pages": {write_generations.GENERATION_KEY, write_generations.PAGES_KEY},
        "counters": {write_generations.GENERATION_KEY, write_generations.NOTICES_KEY},
        "scope": {write_generations.GENERATION_KEY, write_generations.scope_key("dossier:d")},
        "pages, scope": {
            write_generations.GENERATION_KEY,
            write_generations.PAGES_KEY,
            write_generations.scope_key("dossier:d"),
        },
    }[renewed]
    if scoped:
        with write_generations.writes_within("dossier:d"):
            assert write_generations._renewed_by(sql) == expected
    else:
        assert write_generations._renewed_by(sql) == expected


READ_TABLES = re.compile(r'(?:FROM|JOIN)\s+"([^"]+)"')


def test_no_dossier_page_reads_a_table_whose_writes_it_does_not_follow(
    settings, monkeypatch
) -> None:
    """UNREAD_BY_SCOPED_PAGES: a scoped page's own content (its reader and its menu aside,
    which follow the site's generation) never reads these tables, for any demo member."""
    call_command("load_demo", force=True, verbosity=0)
    settings.PAGE_MEMO = False
    reading = {"on": False}
    read: set[str] = set()

    def paused(function):
        def run(*args, **kwargs):
            was, reading["on"] = reading["on"], False
            try:
                return function(*args, **kwargs)
            finally:
                reading["on"] = was

        return run

    def view_starts(original):
        def process_view(self, request, *args, **kwargs):
            reading["on"] = True
            return original(self, request, *args, **kwargs)

        return process_view

    def record(execute, sql, params, many, context):
        if reading["on"]:
            read.update(READ_TABLES.findall(sql))
        return execute(sql, params, many, context)

    monkeypatch.setattr(page_memo, "reader_nav", paused(page_memo.reader_nav))
    monkeypatch.setattr(page_memo, "reader_of", paused(page_memo.reader_of))
    monkeypatch.setattr(
        page_memo.PageMemoMiddleware,
        "process_view",
        view_starts(page_memo.PageMemoMiddleware.process_view),
    )
    urls = [dossier.get_absolute_url() for dossier in Dossier.objects.order_by("pk")]
    with connection.execute_wrapper(record):
        for member in User.objects.order_by("pk"):
            client = client_for(member)
            for url in urls:
                client.get(url)
                reading["on"] = False
    assert {"dossiers_dossier", "discussions_comment"} <= read
    assert not read & write_generations.UNREAD_BY_SCOPED_PAGES


def test_a_lost_generation_started_again_does_not_hide_a_write_made_meanwhile(
    monkeypatch,
) -> None:
    name = write_generations.scope_key("dossier:perdu")
    cache.delete(name)
    get_many = cache.get_many

    def then_a_write(keys, *args, **kwargs):
        found = get_many(keys, *args, **kwargs)
        cache.set(name, "renouvelée par une écriture", None)  # between the read and the start
        return found

    monkeypatch.setattr(cache, "get_many", then_a_write)
    generation, _stored = page_memo._generations([name])
    assert generation == ("renouvelée par une écriture",)
