"""Long discussions by pages: the latest threads first, « messages précédents » and more
replies loaded in place (htmx) or on pages of their own, permalinks landing on the page that
holds the comment, sizes and query counts that do not grow with the discussion."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from discussions.models import Comment
from discussions.tree import REPLIES_PER_PAGE, REPLIES_SHOWN, THREADS_PER_PAGE
from tests.discussions.factories import CommentFactory
from tests.factories import CaseStudyFactory, UserFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "<p>Le partenariat s’est construit pas à pas avec les organisations paysannes.</p>"


def ids_in_order(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article id="comment-(\d+)"', html)]


def pagers(html: str) -> list[tuple[str, str, str]]:
    """(direction, href, hx-get) of each pager in the order of the page."""
    return re.findall(
        r'comments__more--([a-z-]+)"><a class="button button--secondary" href="([^"]+)" '
        r'hx-get="([^"]+)"',
        html,
    )


def unescape(url: str) -> str:
    return url.replace("&amp;", "&")


def grow(dossier, *, threads: int, replies: int = 0, **target: object) -> list[Comment]:
    """`threads` threads on the dossier's discussion (or `target`'s), the oldest first, the
    first one with `replies` replies; made in bulk, their HTML given."""
    authors = [UserFactory() for _ in range(3)]

    def made(parent: Comment | None, count: int) -> list[Comment]:
        return Comment.objects.bulk_create(
            Comment(
                dossier=dossier,
                author=authors[n % 3],
                parent=parent,
                body="texte",
                body_html=BODY,
                **target,
            )
            for n in range(count)
        )

    roots = made(None, threads)
    if replies:
        made(roots[0], replies)
    return roots


def thread_page(dossier) -> str:
    return reverse("discussions:thread-page", args=["dossier", dossier.pk])


def the_page_with_every_pager_followed(client, html: str) -> str:
    """The page after pressing every pager until none is left, as htmx does: each pager's
    item replaced by the fragment its hx-get returns."""
    for _ in range(200):
        match = re.search(
            r'<li class="comments__item comments__more[^"]*"><a [^>]*hx-get="([^"]+)"[^>]*>'
            r"[^<]*</a></li>",
            html,
        )
        if match is None:
            return html
        fragment = client.get(unescape(match.group(1)), **HTMX)
        assert fragment.status_code == 200
        html = html[: match.start()] + fragment.content.decode() + html[match.end() :]
    raise AssertionError("the pagers never ran out")


def test_a_discussion_shows_its_latest_threads_and_pages_the_older_ones(
    alice_client, dossier
) -> None:
    roots = grow(dossier, threads=THREADS_PER_PAGE * 2 + 3)

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    newest_first = [root.pk for root in reversed(roots)]
    assert ids_in_order(html) == newest_first[:THREADS_PER_PAGE]
    url = thread_page(dossier)
    assert pagers(html) == [("older", f"{url}?page=2", f"{url}?page=2")]
    assert "Messages précédents (13 fils)" in html


def test_without_javascript_older_threads_are_on_numbered_pages(alice_client, dossier) -> None:
    roots = grow(dossier, threads=THREADS_PER_PAGE * 2 + 3)
    newest_first = [root.pk for root in reversed(roots)]
    url = thread_page(dossier)

    html = alice_client.get(url, {"page": 2}).content.decode()

    assert ids_in_order(html) == newest_first[THREADS_PER_PAGE : THREADS_PER_PAGE * 2]
    assert [(direction, href) for direction, href, _hx in pagers(html)] == [
        ("newer", f"{url}?page=1"),
        ("older", f"{url}?page=3"),
    ]
    assert "Page 2 sur 3" in html
    assert ids_in_order(alice_client.get(url, {"page": 3}).content.decode()) == newest_first[20:]


def test_htmx_loads_the_older_threads_in_place_of_the_pager(alice_client, dossier) -> None:
    roots = grow(dossier, threads=THREADS_PER_PAGE * 2 + 3)
    url = thread_page(dossier)

    response = alice_client.get(url, {"page": 2}, **HTMX)

    html = response.content.decode()
    # Items for the list the pager was in, not a list nor a page; the first one focused.
    assert html.startswith('<li class="comments__item"><article id="comment-')
    assert "<html" not in html and '<ol class="comments">' not in html
    assert "autofocus" in re.search(r"<article [^>]*>", html).group(0)
    assert html.count("autofocus") == 1
    assert [direction for direction, _href, _hx in pagers(html)] == ["older"]
    assert len(ids_in_order(html)) == THREADS_PER_PAGE
    newer = alice_client.get(url, {"page": 2, "sens": "recents"}, **HTMX).content.decode()
    assert [direction for direction, _href, _hx in pagers(newer)] == ["newer"]
    assert roots  # made


def test_following_every_pager_shows_the_whole_discussion_once_in_order_and_balanced(
    alice_client, alice, dossier
) -> None:
    roots = grow(dossier, threads=THREADS_PER_PAGE * 2 + 1, replies=REPLIES_PER_PAGE + 7)
    # Replies nested in a chain, so that loads cut through nesting levels.
    parent = roots[1]
    for _ in range(REPLIES_SHOWN + 6):
        parent = CommentFactory(dossier=dossier, author=alice, parent=parent)

    first = alice_client.get(reverse("discussions:thread", args=["dossier", dossier.pk]))
    html = the_page_with_every_pager_followed(alice_client, first.content.decode())

    whole = Comment.objects.filter(dossier=dossier).count()
    assert len(ids_in_order(html)) == whole == len(set(ids_in_order(html)))
    assert html.count("<ol") == html.count("</ol>")
    assert html.count("<li") == html.count("</li>")
    # The chain of replies comes after its root, in the order written.
    chain = list(
        Comment.objects.filter(dossier=dossier, parent__isnull=False)
        .exclude(parent=roots[0])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    shown = ids_in_order(html)
    assert shown[shown.index(roots[1].pk) + 1 : shown.index(roots[1].pk) + 1 + len(chain)] == chain


def test_a_thread_shows_its_first_replies_and_loads_the_others_by_pages(
    alice_client, dossier
) -> None:
    root = grow(dossier, threads=1, replies=REPLIES_SHOWN + REPLIES_PER_PAGE + 3)[0]
    replies = list(root.children.order_by("pk").values_list("pk", flat=True))
    url = reverse("discussions:comment-replies", args=[root.pk])

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert ids_in_order(html) == [root.pk, *replies[:REPLIES_SHOWN]]
    assert pagers(html) == [
        ("later-replies", f"{url}?debut={REPLIES_SHOWN}", f"{url}?debut={REPLIES_SHOWN}")
    ]
    assert f"Voir les autres réponses ({REPLIES_PER_PAGE + 3})" in html
    more = alice_client.get(url, {"debut": REPLIES_SHOWN}, **HTMX).content.decode()
    assert ids_in_order(more) == replies[REPLIES_SHOWN : REPLIES_SHOWN + REPLIES_PER_PAGE]
    assert [direction for direction, _href, _hx in pagers(more)] == ["later-replies"]
    earlier = alice_client.get(url, {"fin": 10}, **HTMX).content.decode()
    assert ids_in_order(earlier) == replies[:10]


def test_without_javascript_a_thread_s_replies_are_on_pages_of_their_own(
    alice_client, dossier
) -> None:
    root = grow(dossier, threads=1, replies=REPLIES_PER_PAGE * 2 + 3)[0]
    replies = list(root.children.order_by("pk").values_list("pk", flat=True))
    url = reverse("discussions:comment-replies", args=[root.pk])

    html = alice_client.get(url, {"debut": REPLIES_PER_PAGE}).content.decode()

    assert "<html" in html and "Retour à la discussion" in html
    assert ids_in_order(html) == [root.pk, *replies[REPLIES_PER_PAGE : REPLIES_PER_PAGE * 2]]
    assert [(direction, href) for direction, href, _hx in pagers(html)] == [
        ("earlier-replies", f"{url}?debut=0"),
        ("later-replies", f"{url}?debut={REPLIES_PER_PAGE * 2}"),
    ]
    assert html.count("<ol") == html.count("</ol>")


def test_a_permalink_lands_on_the_page_that_holds_the_comment(alice_client, dossier) -> None:
    oldest = grow(dossier, threads=1, replies=REPLIES_PER_PAGE * 2 + 10)[0]
    newest = grow(dossier, threads=THREADS_PER_PAGE * 2)[-1]
    # The long thread is the least recent: on page 3.
    deep = oldest.children.order_by("pk")[REPLIES_PER_PAGE * 2 + 4]
    early = oldest.children.order_by("pk")[1]

    for comment, expected in [
        (newest, f"{dossier.get_absolute_url()}?fil=dossier-{dossier.pk}#comment-{newest.pk}"),
        (early, f"{thread_page(dossier)}?page=3#comment-{early.pk}"),
        (
            deep,
            reverse("discussions:comment-replies", args=[oldest.pk])
            + f"?debut={REPLIES_PER_PAGE * 2}#comment-{deep.pk}",
        ),
    ]:
        response = alice_client.get(comment.get_absolute_url(), follow=True)
        assert response.redirect_chain[-1][0] == expected
        assert f'id="comment-{comment.pk}"' in response.content.decode()


def test_a_reply_posted_deep_in_a_long_thread_shows_focused_in_the_htmx_answer(
    alice_client, dossier
) -> None:
    root = grow(dossier, threads=THREADS_PER_PAGE + 3, replies=30)[0]

    response = alice_client.post(
        reverse("discussions:comment-create"),
        {"kind": "dossier", "pk": dossier.pk, "parent": root.pk, "body": "Ma réponse"},
        **HTMX,
    )

    html = response.content.decode()
    new = Comment.objects.get(body="Ma réponse")
    assert f'id="comment-{new.pk}" class="comment comment--depth-1" tabindex="-1" autofocus' in html
    assert [direction for direction, _href, _hx in pagers(html)][:1] == ["earlier-replies"]


def test_a_reply_posted_without_javascript_leads_to_the_page_that_shows_it(
    alice_client, dossier
) -> None:
    root = grow(dossier, threads=1, replies=REPLIES_PER_PAGE + 30)[0]

    response = alice_client.post(
        reverse("discussions:comment-create"),
        {"kind": "dossier", "pk": dossier.pk, "parent": root.pk, "body": "Ma réponse"},
        follow=True,
    )

    new = Comment.objects.get(body="Ma réponse")
    assert response.redirect_chain[-1][0].endswith(f"?debut={REPLIES_PER_PAGE}#comment-{new.pk}")
    assert f'id="comment-{new.pk}"' in response.content.decode()


@pytest.mark.parametrize(
    ("params", "status"),
    [({"page": 0}, 404), ({"page": 3}, 404), ({"page": "deux"}, 400)],
)
def test_a_page_that_does_not_exist_is_refused(alice_client, dossier, params, status) -> None:
    grow(dossier, threads=THREADS_PER_PAGE + 1)

    assert alice_client.get(thread_page(dossier), params).status_code == status
    assert alice_client.get(thread_page(dossier), params, **HTMX).status_code == status


def test_replies_are_refused_for_a_reply_beyond_the_thread_or_unreadable(
    alice_client, bob_client, draft, dossier
) -> None:
    root = grow(dossier, threads=1, replies=3)[0]
    reply = root.children.first()
    url = reverse("discussions:comment-replies", args=[root.pk])

    assert alice_client.get(url, {"debut": 3}).status_code == 200
    assert alice_client.get(url, {"debut": 4}).status_code == 404
    assert alice_client.get(url, {"fin": 9}).status_code == 404
    assert alice_client.get(url, {"debut": "x"}).status_code == 400
    assert (
        alice_client.get(reverse("discussions:comment-replies", args=[reply.pk])).status_code == 404
    )
    hidden = grow(draft, threads=1, replies=2)[0]
    assert (
        bob_client.get(reverse("discussions:comment-replies", args=[hidden.pk])).status_code == 404
    )


def test_the_pages_need_a_login(client, dossier) -> None:
    root = grow(dossier, threads=1, replies=1)[0]

    for url in [
        thread_page(dossier) + "?page=1",
        reverse("discussions:comment-replies", args=[root.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def paged_urls(dossier, root: Comment) -> list[tuple[str, dict, dict]]:
    replies = reverse("discussions:comment-replies", args=[root.pk])
    return [
        (dossier.get_absolute_url(), {}, {}),
        (reverse("discussions:thread", args=["dossier", dossier.pk]), {}, {}),
        (thread_page(dossier), {"page": 2}, {}),
        (thread_page(dossier), {"page": 2}, HTMX),
        (replies, {"debut": 0}, {}),
        (replies, {"debut": 0}, HTMX),
        (replies, {"fin": 1}, HTMX),
    ]


def test_query_counts_do_not_grow_with_the_discussion(
    alice_client, dossier, django_assert_max_num_queries
) -> None:
    case = CaseStudyFactory(dossier=dossier)
    roots = grow(dossier, threads=THREADS_PER_PAGE + 1, replies=1)
    grow(dossier, threads=1, case_study=case)
    small = {
        (url, tuple(params.items()), bool(headers)): counted_get_with(
            alice_client, url, params, headers
        )
        for url, params, headers in paged_urls(dossier, roots[0])
    }
    grow(dossier, threads=THREADS_PER_PAGE * 5, replies=REPLIES_PER_PAGE * 3)
    grow(dossier, threads=40, case_study=case)
    CommentFactory(dossier=dossier, parent=roots[0])
    for url, params, headers in paged_urls(dossier, roots[0]):
        with django_assert_max_num_queries(small[(url, tuple(params.items()), bool(headers))]):
            assert alice_client.get(url, params, **headers).status_code == 200


def counted_get_with(client, url: str, params: dict, headers: dict) -> int:
    if not headers:
        return counted_get(client, url, params)[1]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params, **headers)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params, **headers).status_code == 200
    return len(queries)


def test_no_response_of_a_ten_thousand_comment_discussion_passes_500_kb(
    alice_client, dossier
) -> None:
    """A third of the messages in one thread, the rest in threads of a root and a reply."""
    big = grow(dossier, threads=1, replies=3_333)[0]
    roots = grow(dossier, threads=3_333)
    Comment.objects.bulk_create(
        Comment(dossier=dossier, author=root.author, parent=root, body="r", body_html=BODY)
        for root in roots
    )
    assert Comment.objects.filter(dossier=dossier).count() == 10_000
    replies = reverse("discussions:comment-replies", args=[big.pk])
    sizes = {}
    for name, url, params, headers in [
        ("dossier page", dossier.get_absolute_url(), {}, {}),
        ("thread", reverse("discussions:thread", args=["dossier", dossier.pk]), {}, {}),
        ("page 2", thread_page(dossier), {"page": 2}, {}),
        ("older threads", thread_page(dossier), {"page": 2}, HTMX),
        ("last page", thread_page(dossier), {"page": 334}, {}),
        ("replies page", replies, {"debut": 3_000}, {}),
        ("more replies", replies, {"debut": 3_000}, HTMX),
    ]:
        response = alice_client.get(url, params, **headers)
        assert response.status_code == 200, name
        sizes[name] = len(response.content)
    assert max(sizes.values()) < 500_000, sizes


def test_an_edit_in_an_old_thread_answers_with_the_page_that_holds_it(
    alice_client, alice, dossier
) -> None:
    old = CommentFactory(dossier=dossier, author=alice, body="Avant")
    grow(dossier, threads=THREADS_PER_PAGE + 2)

    response = alice_client.post(
        reverse("discussions:comment-edit", args=[old.pk]),
        {"body": "Après", "version": old.version},
        **HTMX,
    )

    html = response.content.decode()
    assert f'id="comment-{old.pk}" class="comment comment--depth-0" tabindex="-1" autofocus' in html
    assert [direction for direction, _href, _hx in pagers(html)] == ["newer"]
