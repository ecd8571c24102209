"""Posting, replying, editing and deleting, with and without htmx, and what bad input gets."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import COMMENT_MAX_LENGTH, Comment, CommentRevision, Follow
from tests.discussions.factories import CommentFactory
from tests.factories import CaseStudyFactory, QuestionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("discussions:comment-create")
HTMX = {"HTTP_HX_REQUEST": "true"}


def post(client, target_kind: str, pk: int, body: str, parent: int | str | None = None, **extra):
    data = {"kind": target_kind, "pk": pk, "body": body}
    if parent is not None:
        data["parent"] = parent
    return client.post(CREATE, data, **extra)


def test_a_member_comments_on_a_recommendation_and_lands_on_the_permalink(
    alice_client, alice, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)

    response = post(alice_client, "recommandation", recommendation.pk, "Très utile pour nous.")

    comment = Comment.objects.get()
    assert comment.recommendation == recommendation and comment.dossier == dossier
    assert comment.author == alice and comment.body_html == "<p>Très utile pour nous.</p>\n"
    assert response.status_code == 302
    assert response["Location"] == (
        f"{dossier.get_absolute_url()}?fil=recommandation-{recommendation.pk}#comment-{comment.pk}"
    )
    page = alice_client.get(response["Location"]).content.decode()
    assert f'id="comment-{comment.pk}"' in page


@pytest.mark.parametrize("kind", ["dossier", "etude", "question"])
def test_every_kind_of_target_takes_comments(alice_client, dossier, kind) -> None:
    target = {
        "dossier": dossier,
        "etude": CaseStudyFactory(dossier=dossier) if kind == "etude" else None,
        "question": QuestionFactory(dossier=dossier) if kind == "question" else None,
    }[kind]

    assert post(alice_client, kind, target.pk, "Un avis").status_code == 302
    assert Comment.objects.get().target_kind == kind


def test_a_reply_keeps_its_parent(alice_client, bob, dossier) -> None:
    parent = CommentFactory(dossier=dossier, author=bob)

    post(alice_client, "dossier", dossier.pk, "Je réponds", parent=parent.pk)

    assert Comment.objects.get(body="Je réponds").parent == parent


def test_htmx_posting_returns_the_thread_fragment_with_the_new_comment(
    alice_client, dossier
) -> None:
    response = post(alice_client, "dossier", dossier.pk, "Sans rechargement", **HTMX)

    html = response.content.decode()
    comment = Comment.objects.get()
    assert response.status_code == 200
    assert html.startswith(f'<section class="thread" id="thread-dossier-{dossier.pk}"')
    assert f'id="comment-{comment.pk}"' in html and "autofocus" in html


def test_an_empty_body_gets_a_french_error_and_stores_nothing(alice_client, dossier) -> None:
    response = post(alice_client, "dossier", dossier.pk, "   ")

    assert response.status_code == 400
    assert "Écrivez un message avant de l’envoyer." in response.content.decode()
    assert not Comment.objects.exists()


def test_an_empty_body_with_htmx_shows_the_error_in_place_of_the_form(
    alice_client, dossier
) -> None:
    response = post(alice_client, "dossier", dossier.pk, "", **HTMX)

    assert response.status_code == 200
    assert response["HX-Retarget"] == f"#form-dossier-{dossier.pk}"
    assert "Écrivez un message" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_oversized_body_gets_a_french_error(alice_client, dossier) -> None:
    response = post(alice_client, "dossier", dossier.pk, "x" * (COMMENT_MAX_LENGTH + 1))

    assert response.status_code == 400
    assert "trop long" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("kind", "pk"),
    [("inconnu", "1"), ("dossier", "abc"), ("dossier", ""), ("etude", "1.5")],
)
def test_a_malformed_target_is_a_400(alice_client, dossier, kind, pk) -> None:
    response = alice_client.post(CREATE, {"kind": kind, "pk": pk, "body": "Bonjour"})

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_forged_or_unreadable_target_is_a_404(alice_client, draft) -> None:
    assert post(alice_client, "dossier", 999999, "Bonjour").status_code == 404
    assert post(alice_client, "dossier", draft.pk, "Bonjour").status_code == 404
    assert (
        post(alice_client, "etude", CaseStudyFactory(dossier=draft).pk, "Bonjour").status_code
        == 404
    )
    assert not Comment.objects.exists()


def test_a_parent_from_another_target_is_refused(alice_client, bob, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier)
    elsewhere = CommentFactory(dossier=dossier, case_study=case, author=bob)

    response = post(alice_client, "dossier", dossier.pk, "Mauvais fil", parent=elsewhere.pk)

    assert response.status_code == 400
    assert not Comment.objects.filter(body="Mauvais fil").exists()


@pytest.mark.parametrize("parent", ["abc", "999999"])
def test_a_forged_parent_is_refused(alice_client, dossier, parent) -> None:
    assert post(alice_client, "dossier", dossier.pk, "Réponse", parent=parent).status_code == 400
    assert not Comment.objects.exists()


def test_a_reply_to_a_tombstone_is_refused_in_french(alice_client, bob, dossier) -> None:
    parent = CommentFactory(dossier=dossier, author=bob, state=Comment.State.DELETED)

    response = post(alice_client, "dossier", dossier.pk, "Trop tard", parent=parent.pk)

    assert response.status_code == 400
    assert "supprimé ou masqué" in response.content.decode()
    assert not Comment.objects.filter(body="Trop tard").exists()


def test_the_same_text_posted_twice_within_a_minute_is_stored_once(alice_client, dossier) -> None:
    first = post(alice_client, "dossier", dossier.pk, "Double clic")
    second = post(alice_client, "dossier", dossier.pk, "Double clic")

    assert Comment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_same_text_on_another_target_is_a_new_comment(alice_client, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier)
    post(alice_client, "dossier", dossier.pk, "Même texte")
    post(alice_client, "etude", case.pk, "Même texte")

    assert Comment.objects.count() == 2


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[clic](javascript:alert(1))", 'href="javascript:'),
        ('<img src=x onerror="alert(1)">', "<img"),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
        ("![x](data:image/png;base64,AAAA)", 'src="data:'),
        ('<a href="#" onclick="alert(1)">x</a>', '<a href="#" onclick'),
    ],
)
def test_user_text_is_sanitised(alice_client, dossier, source, forbidden) -> None:
    post(alice_client, "dossier", dossier.pk, source)

    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    comment = Comment.objects.get()
    assert forbidden not in comment.body_html
    body = html[html.index(f'id="body-{comment.pk}"') :]
    body = body[: body.index("</div>")]
    assert forbidden not in body


def test_the_author_edits_and_the_previous_text_is_kept(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Première version")

    response = alice_client.post(
        reverse("discussions:comment-edit", args=[comment.pk]), {"body": "Seconde version"}
    )

    comment.refresh_from_db()
    assert response.status_code == 302
    assert comment.body == "Seconde version" and comment.edited_at is not None
    revision = CommentRevision.objects.get(comment=comment)
    assert revision.body == "Première version" and revision.written_at == comment.created_at
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert "modifié le" in html and "Seconde version" in html


def test_each_edit_keeps_one_revision(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="v1")
    url = reverse("discussions:comment-edit", args=[comment.pk])
    alice_client.post(url, {"body": "v2"})
    alice_client.post(url, {"body": "v3"})
    alice_client.post(url, {"body": "v3"})  # unchanged: no revision

    assert list(comment.revisions.values_list("body", flat=True)) == ["v1", "v2"]


def test_the_edit_form_works_without_javascript_and_with_htmx(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Texte à revoir")
    url = reverse("discussions:comment-edit", args=[comment.pk])

    page = alice_client.get(url)
    fragment = alice_client.get(url, **HTMX)

    assert page.status_code == 200 and "<html" in page.content.decode()
    assert "Texte à revoir" in page.content.decode()
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    response = alice_client.post(url, {"body": "Revu"}, **HTMX)
    assert response.content.decode().startswith('<section class="thread"')


def test_an_empty_edit_is_refused_and_changes_nothing(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Garder")

    response = alice_client.post(
        reverse("discussions:comment-edit", args=[comment.pk]), {"body": ""}
    )

    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.body == "Garder" and not comment.revisions.exists()


def test_the_reply_form_works_without_javascript_and_with_htmx(alice_client, bob, dossier) -> None:
    parent = CommentFactory(dossier=dossier, author=bob)
    url = reverse("discussions:comment-reply", args=[parent.pk])

    page = alice_client.get(url).content.decode()
    fragment = alice_client.get(url, **HTMX).content.decode()

    assert "<html" in page and f'name="parent" value="{parent.pk}"' in page
    assert "<html" not in fragment and f'name="parent" value="{parent.pk}"' in fragment


def test_deleting_keeps_the_row_and_the_replies(alice_client, alice, bob, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice)
    reply = CommentFactory(dossier=dossier, author=bob, parent=comment)

    response = alice_client.post(reverse("discussions:comment-delete", args=[comment.pk]))

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.state == Comment.State.DELETED
    assert Comment.objects.get(pk=reply.pk).parent_id == comment.pk


def test_deleting_needs_a_post(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice)
    assert (
        alice_client.get(reverse("discussions:comment-delete", args=[comment.pk])).status_code
        == 405
    )


def test_a_first_contribution_follows_the_dossier(alice_client, alice, dossier) -> None:
    post(alice_client, "dossier", dossier.pk, "Je m’abonne en passant")
    assert Follow.objects.filter(user=alice, dossier=dossier).exists()


def test_the_follow_button_follows_and_unfollows(alice_client, alice, dossier) -> None:
    url = reverse("discussions:follow", args=[dossier.slug])

    alice_client.post(url, {"action": "follow"})
    assert Follow.objects.filter(user=alice, dossier=dossier).exists()
    assert "Ne plus suivre" in alice_client.get(dossier.get_absolute_url()).content.decode()
    response = alice_client.post(url, {"action": "unfollow"}, **HTMX)
    assert not Follow.objects.filter(user=alice, dossier=dossier).exists()
    assert "Suivre ce dossier" in response.content.decode()


def test_nobody_follows_a_dossier_they_cannot_read(alice_client, draft) -> None:
    response = alice_client.post(reverse("discussions:follow", args=[draft.slug]))
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_an_out_of_range_id_is_a_404_not_a_500(alice_client, dossier) -> None:
    huge = "9" * 30
    assert post(alice_client, "dossier", huge, "Bonjour").status_code == 404
    assert post(alice_client, "dossier", dossier.pk, "Bonjour", parent=huge).status_code == 400
    assert alice_client.get(f"/discussions/commentaires/{huge}/").status_code == 404
    assert not Comment.objects.exists()


def test_a_null_character_is_refused_in_french(alice_client, dossier) -> None:
    response = post(alice_client, "dossier", dossier.pk, "Bon\x00jour")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_posting_without_the_csrf_token_is_refused(alice, dossier) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = post(client, "dossier", dossier.pk, "Sans jeton")

    assert response.status_code == 403
    assert not Comment.objects.exists()
