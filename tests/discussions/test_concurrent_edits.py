"""One comment or annotation edited in two tabs: the edit made from an older version is
refused in French with the text saved now, the text being typed is kept, and the first edit
is never lost; re-anchoring never makes such an edit fail (dossiers.versioning)."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from discussions.models import Annotation, Comment
from dossiers.models import Dossier
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory, DossierFactory, UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "## Contexte\n\nLes chargés de mission accompagnent les partenaires du Sud.\n"
PASSAGE = "accompagnent les partenaires"


def edit_url(comment: Comment) -> str:
    return reverse("discussions:comment-edit", args=[comment.pk])


def detail_url(annotation: Annotation) -> str:
    return reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk})


def patch_json(client: Client, url: str, data: Any) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")


def opened_version(client: Client, comment: Comment) -> int:
    """The version the edit form of a new tab carries."""
    return client.get(edit_url(comment)).context["form"]["version"].value()


# --- Comments ------------------------------------------------------------------------------


def test_an_edit_from_a_second_tab_is_refused_and_shows_the_saved_text(
    alice_client, alice, dossier
) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Premier jet")
    first_tab, second_tab = (
        opened_version(alice_client, comment),
        opened_version(alice_client, comment),
    )
    saved = alice_client.post(
        edit_url(comment), {"body": "Version du premier onglet", "version": first_tab}
    )
    assert saved.status_code == 302

    response = alice_client.post(
        edit_url(comment), {"body": "Version du second onglet", "version": second_tab}
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Ce message a été modifié ailleurs (dans un autre onglet ?)" in html
    assert "<p>Version du premier onglet</p>" in html  # the text saved now
    assert ">Version du second onglet</textarea>" in html  # the text being typed
    assert 'name="version" value="2"' in html
    comment.refresh_from_db()
    assert (comment.body, comment.version) == ("Version du premier onglet", 2)


def test_with_htmx_the_refused_edit_form_swaps_in_place(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Premier jet")
    version = opened_version(alice_client, comment)
    alice_client.post(edit_url(comment), {"body": "Version du premier onglet", "version": version})

    response = alice_client.post(
        edit_url(comment), {"body": "Version du second onglet", "version": version}, **HTMX
    )

    assert response.status_code == 200  # htmx swaps only successful answers
    assert response["HX-Retarget"] == f"#edit-form-{comment.pk}"
    assert response["HX-Reswap"] == "outerHTML"
    html = response.content.decode()
    assert html.startswith("<form") and "Ce message a été modifié ailleurs" in html
    assert "Version du second onglet" in html


def test_sending_again_after_the_refusal_replaces_the_text_and_keeps_the_first_in_revisions(
    alice_client, alice, dossier
) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Premier jet")
    version = opened_version(alice_client, comment)
    alice_client.post(edit_url(comment), {"body": "Version du premier onglet", "version": version})
    refused = alice_client.post(
        edit_url(comment), {"body": "Version du second onglet", "version": version}
    )
    again = refused.context["form"]["version"].value()

    response = alice_client.post(
        edit_url(comment), {"body": "Version du second onglet", "version": again}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Version du second onglet"
    assert list(comment.revisions.values_list("body", flat=True)) == [
        "Premier jet",
        "Version du premier onglet",
    ]


def test_an_edit_form_from_before_versions_still_saves(alice_client, alice, dossier) -> None:
    comment = CommentFactory(dossier=dossier, author=alice, body="Premier jet")
    response = alice_client.post(edit_url(comment), {"body": "Sans version"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.body, comment.version) == ("Sans version", 2)


# --- Annotations -----------------------------------------------------------------------


@pytest.fixture
def text(db) -> Dossier:
    return DossierFactory(body=BODY, slug="texte")


@pytest.fixture
def note(alice, text) -> Annotation:
    return AnnotationFactory(dossier=text, author=alice, exact=PASSAGE, body="Ma note")


def test_the_json_of_an_annotation_carries_its_version_and_a_patch_moves_it_on(
    alice_client, note
) -> None:
    assert alice_client.get(detail_url(note)).json()["ccfd"]["version"] == 1
    listed = alice_client.get(reverse("discussions:annotation-list"), {"dossier": note.dossier_id})
    assert listed.json()["annotations"][0]["ccfd"]["version"] == 1

    response = patch_json(alice_client, detail_url(note), {"note": "Revue", "version": 1})

    assert response.status_code == 200
    assert response.json()["ccfd"]["version"] == 2


def test_a_patch_from_an_older_version_answers_409_with_the_annotation_saved_now(
    alice_client, note
) -> None:
    assert (
        patch_json(
            alice_client, detail_url(note), {"note": "Premier onglet", "version": 1}
        ).status_code
        == 200
    )

    response = patch_json(
        alice_client,
        detail_url(note),
        {"note": "Second onglet", "visibility": "private", "version": 1},
    )

    assert response.status_code == 409
    data = response.json()
    assert data["error"] == (
        "Cette annotation a été modifiée ailleurs (dans un autre onglet ?) pendant que vous "
        "l’éditiez. Note enregistrée : « Premier onglet ». Votre texte est conservé : "
        "enregistrez à nouveau pour la remplacer."
    )
    assert data["annotation"]["ccfd"]["note"] == "Premier onglet"
    assert data["annotation"]["ccfd"]["version"] == 2
    note.refresh_from_db()
    assert (note.body, note.visibility, note.version) == ("Premier onglet", "shared", 2)


def test_a_patch_without_version_is_not_checked(alice_client, note) -> None:
    patch_json(alice_client, detail_url(note), {"note": "Premier onglet", "version": 1})
    response = patch_json(alice_client, detail_url(note), {"note": "Client ancien"})
    assert response.status_code == 200
    assert response.json()["ccfd"]["version"] == 3


def test_a_version_that_is_not_a_number_is_refused(alice_client, note) -> None:
    response = patch_json(alice_client, detail_url(note), {"note": "Revue", "version": "1"})
    assert response.status_code == 400
    assert response.json()["error"] == "« version » doit être un nombre entier."


def test_re_anchoring_leaves_the_version_so_a_note_edit_made_meanwhile_passes(
    alice_client, note, text
) -> None:
    version = alice_client.get(detail_url(note)).json()["ccfd"]["version"]
    text.body = "## Contexte\n\nUn paragraphe ajouté avant.\n\n" + BODY.split("\n\n", 1)[1]
    text.save()
    note.refresh_from_db()
    assert note.start != 0 and note.version == version  # moved, not a new version

    response = patch_json(alice_client, detail_url(note), {"note": "Revue", "version": version})

    assert response.status_code == 200


def test_moderation_leaves_the_version(alice_client, mo, note) -> None:
    from discussions.services import contribution_moderate

    contribution_moderate(contribution=note, moderator=mo, hide=True, note="À reformuler.")
    note.refresh_from_db()
    assert note.version == 1


def test_an_admin_save_over_an_annotation_its_author_changed_is_refused(
    admin_client, alice_client, note
) -> None:
    url = reverse("admin:discussions_annotation_change", args=[note.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {bound.html_name: bound.value() for bound in form if bound.value() is not None}
    patch_json(alice_client, detail_url(note), {"note": "Note de l’autrice", "version": 1})

    data["body"] = "Note de l’admin"
    response = admin_client.post(url, data)

    assert response.status_code == 200
    error = str(response.context["adminform"].form.non_field_errors())
    assert "Quelqu’un a enregistré une autre version" in error
    assert "Enregistré maintenant, et différent de votre formulaire" in error
    note.refresh_from_db()
    assert note.body == "Note de l’autrice"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL (SQLite writes one at a time)",
)
@pytest.mark.django_db(transaction=True)
def test_a_note_edited_while_the_text_is_re_anchored_keeps_both_without_deadlock() -> None:
    """Real threads: a curator's save of the text (which re-anchors under row locks) and
    the author's PATCH of the note, started together, round after round."""
    text = DossierFactory(body=BODY, slug="texte")
    author = UserFactory()
    note = AnnotationFactory(dossier=text, author=author, exact=PASSAGE, body="Ma note")
    client = client_for(author)
    errors: list[BaseException] = []
    statuses: list[int] = []
    rounds = 5

    def edit_text(barrier: threading.Barrier, round_: int) -> None:
        try:
            barrier.wait()
            with transaction.atomic():  # as the admin's change view, which locks the row
                dossier = Dossier.objects.select_for_update(no_key=True).get(pk=text.pk)
                dossier.body = (
                    f"## Contexte\n\nAjout {round_}.\n\n" + dossier.body.split("\n\n", 1)[1]
                )
                dossier.save()
        except BaseException as error:  # every failure is what the test counts
            errors.append(error)
        finally:
            connection.close()

    def edit_note(barrier: threading.Barrier, round_: int, version: int) -> None:
        try:
            barrier.wait()
            response = patch_json(
                client, detail_url(note), {"note": f"Note {round_}", "version": version}
            )
            statuses.append(response.status_code)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    for round_ in range(rounds):
        version = Annotation.objects.get(pk=note.pk).version
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=edit_text, args=(barrier, round_)),
            threading.Thread(target=edit_note, args=(barrier, round_, version)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert errors == []
    assert statuses == [200] * rounds
    note.refresh_from_db()
    text.refresh_from_db()
    assert note.body == f"Note {rounds - 1}" and note.version == rounds + 1
    assert text.body_text[note.start : note.end] == PASSAGE
