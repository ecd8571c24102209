"""Who may do what with an annotation, for anonymous, author, member, curator and moderator:
the JSON API (list, read, create, change, delete) and moderation (report, hide, restore,
dismiss, the queue). Each test checks what is stored after the request, not only its status.

The annotations, all written by alice (the author): `shared` on a published dossier,
`private` (her note), `hidden` (shared, hidden by a moderator: hers alone again) and `draft`
(shared, on a dossier unpublished since: only curators read it, the author no longer does).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.http import HttpResponse
from django.urls import reverse

from discussions.models import Annotation, Flag
from dossiers.models import Dossier
from tests.conftest import client_for
from tests.factories import AnnotationFactory

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "author", "member", "curator", "moderator"]
LIST_URL = reverse("discussions:annotation-list")


@pytest.fixture
def people(alice, bob, carol, mo) -> dict[str, Any]:
    return {"anonymous": None, "author": alice, "member": bob, "curator": carol, "moderator": mo}


@pytest.fixture
def annotations(alice, dossier, draft) -> dict[str, Annotation]:
    return {
        "shared": AnnotationFactory(author=alice, dossier=dossier, body="Note partagée"),
        "private": AnnotationFactory(
            author=alice, dossier=dossier, body="Note privée", visibility="private"
        ),
        "hidden": AnnotationFactory(
            author=alice, dossier=dossier, body="Note masquée", hidden=True
        ),
        "draft": AnnotationFactory(author=alice, dossier=draft, body="Note du brouillon"),
    }


def send(people, persona: str, method: str, url: str, data: Any = None) -> HttpResponse:
    """The API takes JSON; the moderation forms take form data (a dict given to POST)."""
    client = client_for(people[persona])
    if method in ("patch", "post") and isinstance(data, str):
        return getattr(client, method)(url, data, content_type="application/json")
    return getattr(client, method)(url, data or {})


def status(response: HttpResponse) -> int:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return 401  # sent to the login page
    return response.status_code


def table(rows: dict[str, dict[str, int]]) -> list[Any]:
    """pytest parameters (annotation, persona, expected) from {annotation: {persona: status}}."""
    return [
        pytest.param(name, persona, expected, id=f"{name}-{persona}")
        for name, row in rows.items()
        for persona, expected in row.items()
    ]


def detail_url(annotation: Annotation) -> str:
    return reverse("discussions:annotation-detail", kwargs={"pk": annotation.pk})


def moderation_url(action: str, annotation: Annotation) -> str:
    return reverse(f"discussions:annotation-{action}", kwargs={"pk": annotation.pk})


# --- The JSON API ----------------------------------------------------------------------------

READ = {
    "shared": {"anonymous": 401, "author": 200, "member": 200, "curator": 200, "moderator": 200},
    "private": {"anonymous": 401, "author": 200, "member": 404, "curator": 404, "moderator": 404},
    "hidden": {"anonymous": 401, "author": 200, "member": 404, "curator": 404, "moderator": 404},
    "draft": {"anonymous": 401, "author": 404, "member": 404, "curator": 200, "moderator": 404},
}


@pytest.mark.parametrize(("name", "persona", "expected"), table(READ))
def test_an_annotation_is_read_by_whoever_may_read_it_and_404_to_the_others(
    people, annotations, name, persona, expected
) -> None:
    annotation = annotations[name]
    response = send(people, persona, "get", detail_url(annotation))
    assert status(response) == expected
    if expected == 200:
        assert response.json()["ccfd"]["pk"] == annotation.pk
    assert (annotation.body in response.content.decode()) == (expected == 200)


LISTED = {
    "anonymous": (401, set()),
    "author": (200, {"shared", "private", "hidden"}),
    "member": (200, {"shared"}),
    "curator": (200, {"shared"}),
    "moderator": (200, {"shared"}),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("by", ["dossier", "target"])
def test_the_list_of_a_dossier_holds_what_the_persona_may_read(
    people, annotations, dossier, persona, by
) -> None:
    query = {"dossier": dossier.pk} if by == "dossier" else {"target": f"dossier:{dossier.pk}"}
    response = send(people, persona, "get", LIST_URL, query)
    expected_status, expected_names = LISTED[persona]
    assert status(response) == expected_status
    if expected_status == 200:
        listed = {item["ccfd"]["pk"] for item in response.json()["annotations"]}
        assert listed == {annotations[name].pk for name in expected_names}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("author", 404), ("member", 404), ("curator", 200), ("moderator", 404)],
)
def test_the_list_of_a_draft_is_for_curators(people, annotations, draft, persona, expected):
    response = send(people, persona, "get", LIST_URL, {"dossier": draft.pk})
    assert status(response) == expected
    if expected == 200:
        listed = [item["ccfd"]["pk"] for item in response.json()["annotations"]]
        assert listed == [annotations["draft"].pk]
    else:
        assert "Note du brouillon" not in response.content.decode()


def create_payload(body: Dossier) -> str:
    start = body.body_text.index("Le partenariat")
    return json.dumps(
        {
            "target": f"dossier:{body.pk}",
            "exact": "Le partenariat",
            "start": start,
            "end": start + len("Le partenariat"),
            "note": "Nouvelle note",
        }
    )


CREATE = {
    "published": {"anonymous": 401, "author": 201, "member": 201, "curator": 201, "moderator": 201},
    "draft": {"anonymous": 401, "author": 404, "member": 404, "curator": 201, "moderator": 404},
}


@pytest.mark.parametrize(("status_of_dossier", "persona", "expected"), table(CREATE))
def test_every_member_annotates_what_they_may_read(
    people, dossier, draft, status_of_dossier, persona, expected
) -> None:
    body = dossier if status_of_dossier == "published" else draft
    response = send(people, persona, "post", LIST_URL, create_payload(body))
    assert status(response) == expected
    created = Annotation.objects.filter(body="Nouvelle note")
    if expected == 201:
        annotation = created.get()
        assert (annotation.author, annotation.dossier) == (people[persona], body)
        assert response.json()["ccfd"]["pk"] == annotation.pk
    else:
        assert not created.exists()


# Someone else's annotation they may read is 403; one they may not read is 404, as if missing.
CHANGE = {
    "shared": {"anonymous": 401, "author": 200, "member": 403, "curator": 403, "moderator": 403},
    "private": {"anonymous": 401, "author": 200, "member": 404, "curator": 404, "moderator": 404},
    "hidden": {"anonymous": 401, "author": 200, "member": 404, "curator": 404, "moderator": 404},
    "draft": {"anonymous": 401, "author": 404, "member": 404, "curator": 403, "moderator": 404},
}


@pytest.mark.parametrize(("name", "persona", "expected"), table(CHANGE))
def test_only_the_author_changes_an_annotation_they_may_still_read(
    people, annotations, name, persona, expected
) -> None:
    annotation = annotations[name]
    before = (annotation.body, annotation.visibility, annotation.hidden)
    other = "private" if annotation.visibility == "shared" else "shared"
    # "hidden" is not the API's to change: a moderator's decision stays, whoever sends it.
    payload = json.dumps({"note": "Changée", "visibility": other, "hidden": False})

    response = send(people, persona, "patch", detail_url(annotation), payload)

    assert status(response) == expected
    annotation.refresh_from_db()
    if expected == 200:
        assert (annotation.body, annotation.visibility) == ("Changée", other)
        assert annotation.hidden == before[2]
    else:
        assert (annotation.body, annotation.visibility, annotation.hidden) == before


DELETE = {
    name: {persona: 204 if code == 200 else code for persona, code in row.items()}
    for name, row in CHANGE.items()
}


@pytest.mark.parametrize(("name", "persona", "expected"), table(DELETE))
def test_only_the_author_deletes_an_annotation_they_may_still_read(
    people, annotations, name, persona, expected
) -> None:
    annotation = annotations[name]
    response = send(people, persona, "delete", detail_url(annotation))
    assert status(response) == expected
    assert Annotation.objects.filter(pk=annotation.pk).exists() == (expected != 204)
    assert Annotation.objects.count() == len(annotations) - (expected == 204)


# --- Moderation ------------------------------------------------------------------------------

# One reports what one may read and did not write: nobody reports a note they cannot read.
REPORT = {
    "shared": {"anonymous": 401, "author": 404, "member": 302, "curator": 302, "moderator": 302},
    "private": {"anonymous": 401, "author": 404, "member": 404, "curator": 404, "moderator": 404},
    "hidden": {"anonymous": 401, "author": 404, "member": 404, "curator": 404, "moderator": 404},
    "draft": {"anonymous": 401, "author": 404, "member": 404, "curator": 302, "moderator": 404},
}


@pytest.mark.parametrize(("name", "persona", "expected"), table(REPORT))
def test_a_report_is_stored_only_from_whoever_may_report(
    people, annotations, name, persona, expected
) -> None:
    annotation = annotations[name]
    url = moderation_url("flag", annotation)
    form = send(people, persona, "get", url)
    assert status(form) == (200 if expected == 302 else expected)

    response = send(people, persona, "post", url, {"reason": Flag.Reason.OFF_TOPIC})

    assert status(response) == expected
    if expected == 302:
        flag = Flag.objects.get()
        assert (flag.annotation, flag.reporter, flag.resolution) == (
            annotation,
            people[persona],
            Flag.Resolution.OPEN,
        )
    else:
        assert not Flag.objects.exists()


@pytest.fixture
def reported(annotations, bob) -> dict[str, Flag]:
    """An open report on each annotation (on the private one, as only the admin could)."""
    return {
        name: Flag.objects.create(annotation=annotation, reporter=bob, reason="offensive")
        for name, annotation in annotations.items()
    }


# Only moderators (403 to the others, whatever the annotation), and only on a shared
# annotation of a dossier they may read (else 404).
HIDE = {
    "shared": {"anonymous": 401, "author": 403, "member": 403, "curator": 403, "moderator": 302},
    "private": {"anonymous": 401, "author": 403, "member": 403, "curator": 403, "moderator": 404},
    "draft": {"anonymous": 401, "author": 403, "member": 403, "curator": 403, "moderator": 404},
}


@pytest.mark.parametrize(("name", "persona", "expected"), table(HIDE))
def test_only_a_moderator_hides_a_shared_annotation_and_settles_its_reports(
    people, annotations, reported, name, persona, expected
) -> None:
    annotation = annotations[name]
    url = moderation_url("hide", annotation)
    assert status(send(people, persona, "get", url)) == (200 if expected == 302 else expected)

    response = send(people, persona, "post", url, {"note": "Propos blessants"})

    assert status(response) == expected
    annotation.refresh_from_db()
    reported[name].refresh_from_db()
    if expected == 302:
        assert annotation.hidden
        assert (annotation.moderated_by, annotation.moderation_note) == (
            people[persona],
            "Propos blessants",
        )
        assert reported[name].resolution == Flag.Resolution.HIDDEN
    else:
        assert not annotation.hidden
        assert annotation.moderated_by is None
        assert reported[name].resolution == Flag.Resolution.OPEN


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("author", 403), ("member", 403), ("curator", 403), ("moderator", 302)],
)
def test_only_a_moderator_restores_a_hidden_annotation(
    people, annotations, persona, expected
) -> None:
    annotation = annotations["hidden"]
    url = moderation_url("restore", annotation)
    assert status(send(people, persona, "get", url)) == (200 if expected == 302 else expected)

    response = send(people, persona, "post", url, {"note": "Finalement acceptable"})

    assert status(response) == expected
    annotation.refresh_from_db()
    assert annotation.hidden == (expected != 302)
    assert (annotation.moderation_note == "Finalement acceptable") == (expected == 302)


# Dismissing follows the same rule as hiding.
@pytest.mark.parametrize(("name", "persona", "expected"), table(HIDE))
def test_only_a_moderator_dismisses_the_reports_and_the_annotation_stays(
    people, annotations, reported, name, persona, expected
) -> None:
    annotation = annotations[name]
    body = annotation.body
    response = send(people, persona, "post", moderation_url("flags-dismiss", annotation))
    assert status(response) == expected
    flag = reported[name]
    flag.refresh_from_db()
    if expected == 302:
        assert (flag.resolution, flag.resolved_by) == (Flag.Resolution.DISMISSED, people[persona])
    else:
        assert (flag.resolution, flag.resolved_by) == (Flag.Resolution.OPEN, None)
    annotation.refresh_from_db()
    assert (annotation.hidden, annotation.body) == (False, body)
    other_flags = Flag.objects.exclude(pk=flag.pk)
    assert set(other_flags.values_list("resolution", flat=True)) == {Flag.Resolution.OPEN}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", 401), ("author", 403), ("member", 403), ("curator", 403), ("moderator", 200)],
)
def test_the_queue_is_for_moderators_and_never_shows_a_private_note(
    people, annotations, reported, persona, expected
) -> None:
    response = send(people, persona, "get", reverse("discussions:moderation"))
    assert status(response) == expected
    html = response.content.decode()
    for name in ("shared", "hidden"):
        shown = f'id="signalement-annotation-{annotations[name].pk}"' in html
        assert shown == (expected == 200)
    assert "Note privée" not in html
    assert f'id="signalement-annotation-{annotations["private"].pk}"' not in html


def test_the_queue_leaves_out_the_annotations_of_a_draft_the_moderator_cannot_read(
    mo_client, annotations, reported
) -> None:
    # Their hide, restore and dismiss links would answer 404: the moderator may not read them.
    annotations["draft"].hidden = True
    annotations["draft"].save(update_fields=["hidden"])
    html = mo_client.get(reverse("discussions:moderation")).content.decode()
    assert "Note du brouillon" not in html


def test_a_hidden_annotation_its_author_made_private_leaves_the_queue(
    alice_client, mo_client, annotations
) -> None:
    # Its author may still change it, visibility included; from then on it is nobody else's.
    hidden = annotations["hidden"]
    response = alice_client.patch(
        detail_url(hidden), json.dumps({"visibility": "private"}), content_type="application/json"
    )
    assert response.status_code == 200
    hidden.refresh_from_db()
    assert (hidden.visibility, hidden.hidden) == ("private", True)
    html = mo_client.get(reverse("discussions:moderation")).content.decode()
    assert "Note masquée" not in html
