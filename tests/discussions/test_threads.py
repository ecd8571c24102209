"""Threads on the dossier page: nesting, ordering, tombstones, permalinks, query counts."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from discussions.models import Comment
from discussions.tree import MAX_INDENT, REPLIES_SHOWN, THREADS_PER_PAGE
from tests.discussions.factories import CommentFactory, reply_chain
from tests.factories import CaseStudyFactory, QuestionFactory, RecommendationFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db


def ids_in_order(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article id="comment-(\d+)"', html)]


def at(minutes: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=100 - minutes)


def backdate(comment: Comment, minutes: int) -> Comment:
    comment.created_at = at(minutes)
    comment.save(update_fields=["created_at"])
    return comment


def test_replies_nest_under_their_parent_and_threads_come_newest_activity_first(
    alice_client, alice, bob, dossier
) -> None:
    old = backdate(CommentFactory(dossier=dossier, author=bob, body="Ancien fil"), 1)
    recent = backdate(CommentFactory(dossier=dossier, author=alice, body="Fil récent"), 5)
    reply_to_old = backdate(
        CommentFactory(dossier=dossier, author=alice, parent=old, body="Réponse tardive"), 10
    )
    first_reply = backdate(
        CommentFactory(dossier=dossier, author=alice, parent=recent, body="a"), 6
    )
    second_reply = backdate(CommentFactory(dossier=dossier, author=bob, parent=recent, body="b"), 7)

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    # The old thread has the newest activity (a reply at minute 10): it comes first.
    assert ids_in_order(html) == [
        old.pk,
        reply_to_old.pk,
        recent.pk,
        first_reply.pk,
        second_reply.pk,
    ]
    assert 'class="comment comment--depth-1' in html
    assert "2 messages" not in html and "5 messages" in html


def test_deep_replies_show_flat_with_in_reply_to(alice_client, alice, dossier) -> None:
    chain = reply_chain(top=CommentFactory(dossier=dossier, author=alice), depth=MAX_INDENT + 2)

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    deepest = chain[-1]
    assert f'id="comment-{deepest.pk}" class="comment comment--depth-{MAX_INDENT}' in html
    assert f'en réponse à <a href="#comment-{chain[-2].pk}">' in html


def test_the_nesting_markup_is_balanced(alice_client, alice, dossier) -> None:
    top = CommentFactory(dossier=dossier, author=alice)
    reply_chain(top=top, depth=7)
    CommentFactory(dossier=dossier, author=alice, parent=top)
    CommentFactory(dossier=dossier, author=alice)

    html = alice_client.get(
        reverse("discussions:thread", args=["dossier", dossier.pk])
    ).content.decode()

    assert html.count("<ol") == html.count("</ol>")
    assert html.count("<li") == html.count("</li>")


def test_each_part_of_the_dossier_has_its_own_discussion(alice_client, alice, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier)
    recommendation = RecommendationFactory(dossier=dossier)
    question = QuestionFactory(dossier=dossier)
    on_case = CommentFactory(dossier=dossier, case_study=case, author=alice, body="Sur l’étude")
    on_question = CommentFactory(
        dossier=dossier, question=question, author=alice, body="Sur la question"
    )

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    for kind, pk in [
        ("dossier", dossier.pk),
        ("etude", case.pk),
        ("recommandation", recommendation.pk),
        ("question", question.pk),
    ]:
        assert f'id="thread-{kind}-{pk}"' in html
    case_thread = html[html.index(f'id="thread-etude-{case.pk}"') :]
    case_thread = case_thread[: case_thread.index("</section>")]
    assert f'id="comment-{on_case.pk}"' in case_thread
    assert f'id="comment-{on_question.pk}"' not in case_thread


def test_a_deleted_comment_with_replies_stays_as_a_tombstone(
    alice_client, alice, bob, dossier
) -> None:
    parent = CommentFactory(dossier=dossier, author=alice, body="Un texte à retirer")
    reply = CommentFactory(dossier=dossier, author=bob, parent=parent, body="Une réponse qui reste")
    alice_client.post(reverse("discussions:comment-delete", args=[parent.pk]))

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert "Message supprimé par son auteur" in html
    assert "Un texte à retirer" not in html
    assert "Une réponse qui reste" in html
    assert ids_in_order(html) == [parent.pk, reply.pk]
    assert (
        Comment.objects.get(pk=parent.pk).parent is None
        and Comment.objects.get(pk=reply.pk).parent_id == parent.pk
    )


def test_a_deleted_comment_without_replies_disappears(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Seul")
    alice_client.post(reverse("discussions:comment-delete", args=[comment.pk]))

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert f'id="comment-{comment.pk}"' not in html
    assert "Message supprimé" not in html


def test_a_hidden_comment_with_replies_shows_the_moderation_tombstone(
    alice_client, alice, bob, dossier
) -> None:
    parent = CommentFactory(dossier=dossier, author=bob, body="Propos déplacés", state="hidden")
    CommentFactory(dossier=dossier, author=alice, parent=parent, body="Je ne suis pas d’accord")

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert "Message masqué par la modération" in html
    assert "Propos déplacés" not in html


def test_the_page_shows_the_latest_threads_and_pages_the_rest(alice_client, alice, dossier) -> None:
    comments = [CommentFactory(dossier=dossier, author=alice) for _ in range(THREADS_PER_PAGE + 5)]

    html = alice_client.get(dossier.get_absolute_url()).content.decode()

    assert len(ids_in_order(html)) == THREADS_PER_PAGE
    assert "Messages précédents (5 fils)" in html
    older = alice_client.get(
        reverse("discussions:thread-page", args=["dossier", dossier.pk]), {"page": 2}
    )
    assert len(ids_in_order(older.content.decode())) == 5
    # The oldest is not on the page, but its permalink reaches the page that shows it.
    oldest = comments[0]
    assert f'id="comment-{oldest.pk}"' not in html
    response = alice_client.get(oldest.get_absolute_url(), follow=True)
    assert f'id="comment-{oldest.pk}"' in response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"?page=2#comment-{oldest.pk}")


def test_the_thread_fragment_renders_alone_with_its_form(alice_client, alice, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier)
    CommentFactory(dossier=dossier, case_study=case, author=alice, body="Sur le terrain")

    response = alice_client.get(reverse("discussions:thread", args=["etude", case.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.startswith('<section class="thread" id="thread-etude-')
    assert 'name="kind" value="etude"' in html and "Sur le terrain" in html


def test_a_thread_of_another_kind_or_an_unknown_target_is_404(alice_client, dossier) -> None:
    assert alice_client.get("/discussions/fil/inconnu/1/").status_code == 404
    assert (
        alice_client.get(reverse("discussions:thread", args=["etude", 999999])).status_code == 404
    )


def discuss(dossier, count: int, alice, bob) -> None:
    """`count` more comments on the dossier, in chains of up to ten (nine replies deep)."""
    made = 0
    while made < count:
        top = CommentFactory(dossier=dossier, author=bob if made % 2 else alice)
        made += len(reply_chain(top=top, depth=min(9, count - made - 1)))


def test_the_dossier_page_query_count_does_not_grow_with_comments_or_depth(
    alice_client, alice, bob
) -> None:
    from tests.factories import DossierFactory

    dossier = DossierFactory()
    case = CaseStudyFactory(dossier=dossier)
    QuestionFactory(dossier=dossier)
    CommentFactory(dossier=dossier, case_study=case, author=bob)
    discuss(dossier, 1, alice, bob)
    _, one = counted_get(alice_client, dossier.get_absolute_url())
    discuss(dossier, 199, alice, bob)
    _, two_hundred = counted_get(alice_client, dossier.get_absolute_url())
    assert two_hundred == one


def test_the_thread_view_query_count_does_not_grow_with_comments_or_depth(
    alice_client, alice, bob, dossier
) -> None:
    url = reverse("discussions:thread", args=["dossier", dossier.pk])
    discuss(dossier, 1, alice, bob)
    response, one = counted_get(alice_client, url)
    assert len(ids_in_order(response.content.decode())) == 1
    discuss(dossier, 199, alice, bob)
    response, two_hundred = counted_get(alice_client, url)
    # A page: its threads (chains of ten), each with its first replies.
    assert len(ids_in_order(response.content.decode())) == THREADS_PER_PAGE * (1 + REPLIES_SHOWN)
    assert two_hundred == one


def test_the_discussion_page_query_count_does_not_grow_with_comments_or_depth(
    alice_client, alice, bob, dossier
) -> None:
    url = reverse("discussions:thread-page", args=["dossier", dossier.pk])
    discuss(dossier, 1, alice, bob)
    _, one = counted_get(alice_client, url)
    discuss(dossier, 199, alice, bob)
    response, two_hundred = counted_get(alice_client, url)
    assert len(ids_in_order(response.content.decode())) == THREADS_PER_PAGE * (1 + REPLIES_SHOWN)
    assert two_hundred == one


def test_the_permalink_of_a_withdrawn_comment_without_replies_leads_to_its_discussion(
    alice_client, alice, dossier
) -> None:
    gone = CommentFactory(dossier=dossier, author=alice, state=Comment.State.DELETED)
    kept = CommentFactory(dossier=dossier, author=alice, state=Comment.State.DELETED)
    CommentFactory(dossier=dossier, author=alice, parent=kept)

    assert alice_client.get(gone.get_absolute_url())["Location"].endswith(
        f"#thread-dossier-{dossier.pk}"
    )
    assert alice_client.get(kept.get_absolute_url())["Location"].endswith(f"#comment-{kept.pk}")
