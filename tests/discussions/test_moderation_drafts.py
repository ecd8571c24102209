"""The moderation queue shows a moderator only what they may read elsewhere: a moderator who
is not a curator saw the text of reported and hidden messages on draft dossiers there, then
got a 404 on « Masquer »."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions.models import Comment, Flag
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory

pytestmark = pytest.mark.django_db


def test_a_moderator_who_is_not_a_curator_sees_nothing_of_a_draft_in_the_queue(
    mo_client, alice, bob, draft
) -> None:
    reported = CommentFactory(dossier=draft, author=alice, body="Propos signalé du brouillon")
    Flag.objects.create(comment=reported, reporter=bob, reason="other")
    CommentFactory(
        dossier=draft, author=alice, body="Propos masqué du brouillon", state=Comment.State.HIDDEN
    )
    note = AnnotationFactory(dossier=draft, author=alice, body="Note signalée du brouillon")
    Flag.objects.create(annotation=note, reporter=bob, reason="other")

    queue = mo_client.get(reverse("discussions:moderation")).content.decode()

    assert "du brouillon" not in queue
    # And the actions it would have offered answer 404 for this moderator.
    assert mo_client.get(reverse("discussions:comment-hide", args=[reported.pk])).status_code == 404


def test_a_moderator_who_is_a_curator_works_the_reports_of_a_draft(
    mo, alice, bob, draft, client
) -> None:
    mo.is_staff = True
    mo.save(update_fields=["is_staff"])
    mo.groups.add(*mo.groups.model.objects.filter(name="Curators"))
    reported = CommentFactory(dossier=draft, author=alice, body="Propos signalé du brouillon")
    Flag.objects.create(comment=reported, reporter=bob, reason="other")
    client.force_login(mo)

    queue = client.get(reverse("discussions:moderation")).content.decode()

    assert "Propos signalé du brouillon" in queue
    hide = reverse("discussions:comment-hide", args=[reported.pk])
    assert client.post(hide, {"note": "Hors sujet"}).status_code == 302
    reported.refresh_from_db()
    assert reported.state == Comment.State.HIDDEN
