"""Who may do what: anonymous, member, author, curator, moderator, for every protected view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Comment, Flag
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "member", "author", "curator", "moderator"]


@pytest.fixture
def people(alice, bob, carol, mo) -> dict[str, object]:
    return {"anonymous": None, "member": bob, "author": alice, "curator": carol, "moderator": mo}


@pytest.fixture
def comment(alice, dossier) -> Comment:
    return CommentFactory(dossier=dossier, author=alice, body="Mon retour d’expérience")


def status_for(people, persona: str, method: str, url: str, data: dict | None = None) -> int:
    client = client_for(people[persona])
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return 401  # sent to the login page
    return response.status_code


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 403), ("author", 302), ("curator", 403), ("moderator", 403)],
)
def test_only_the_author_edits(people, comment, persona, expected) -> None:
    url = reverse("discussions:comment-edit", args=[comment.pk])
    assert status_for(people, persona, "post", url, {"body": "Changé"}) == expected
    comment.refresh_from_db()
    assert (comment.body == "Changé") == (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 403), ("author", 200), ("curator", 403), ("moderator", 403)],
)
def test_only_the_author_sees_the_edit_form(people, comment, persona, expected) -> None:
    url = reverse("discussions:comment-edit", args=[comment.pk])
    assert status_for(people, persona, "get", url) == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 403), ("author", 302), ("curator", 403), ("moderator", 403)],
)
def test_only_the_author_deletes(people, comment, persona, expected) -> None:
    url = reverse("discussions:comment-delete", args=[comment.pk])
    assert status_for(people, persona, "post", url) == expected
    comment.refresh_from_db()
    assert (comment.state == Comment.State.DELETED) == (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 403), ("author", 403), ("curator", 403), ("moderator", 302)],
)
def test_only_moderators_hide(people, comment, persona, expected) -> None:
    url = reverse("discussions:comment-hide", args=[comment.pk])
    assert status_for(people, persona, "post", url, {"note": "Hors sujet"}) == expected
    comment.refresh_from_db()
    assert (comment.state == Comment.State.HIDDEN) == (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 403), ("author", 403), ("curator", 403), ("moderator", 302)],
)
def test_only_moderators_restore(people, comment, persona, expected) -> None:
    comment.state = Comment.State.HIDDEN
    comment.save(update_fields=["state"])
    url = reverse("discussions:comment-restore", args=[comment.pk])
    assert status_for(people, persona, "post", url) == expected
    comment.refresh_from_db()
    assert (comment.state == Comment.State.VISIBLE) == (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 403), ("author", 403), ("curator", 403), ("moderator", 200)],
)
def test_the_moderation_queue_is_for_moderators(people, persona, expected) -> None:
    assert status_for(people, persona, "get", reverse("discussions:moderation")) == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 302), ("author", 302), ("curator", 302), ("moderator", 302)],
)
def test_every_member_replies_and_reports(people, comment, persona, expected) -> None:
    data = {
        "kind": "dossier",
        "pk": comment.dossier_id,
        "parent": comment.pk,
        "body": f"Avis {persona}",
    }
    assert (
        status_for(people, persona, "post", reverse("discussions:comment-create"), data) == expected
    )
    flag = {"reason": Flag.Reason.OFF_TOPIC}
    url = reverse("discussions:comment-flag", args=[comment.pk])
    assert status_for(people, persona, "post", url, flag) == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("member", 404), ("author", 404), ("curator", 200), ("moderator", 404)],
)
def test_a_draft_discussion_is_404_to_whoever_cannot_read_the_draft(
    people, draft, alice, persona, expected
) -> None:
    hidden = CommentFactory(dossier=draft, author=UserFactory(), body="Secret")
    assert (
        status_for(
            people, persona, "get", reverse("discussions:thread", args=["dossier", draft.pk])
        )
        == expected
    )
    permalink = status_for(people, persona, "get", hidden.get_absolute_url())
    assert permalink == (302 if expected == 200 else expected)
    for name in ("comment-reply", "comment-flag"):
        status = status_for(
            people, persona, "get", reverse(f"discussions:{name}", args=[hidden.pk])
        )
        assert status == expected


def test_a_member_gets_404_not_403_for_editing_a_comment_they_cannot_read(
    bob_client, draft, bob
) -> None:
    own_on_draft = CommentFactory(dossier=draft, author=bob)
    assert (
        bob_client.post(
            reverse("discussions:comment-edit", args=[own_on_draft.pk]), {"body": "x"}
        ).status_code
        == 404
    )
