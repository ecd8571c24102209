"""The import pages: who may use them, upload → status → preview → draft, bad input, and a
new version of a dossier's text that keeps its annotations."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from discussions.models import Annotation
from dossiers.models import Dossier
from importing.models import DocumentImport
from tests.conftest import client_for
from tests.factories import AnnotationFactory, DossierFactory
from tests.importing import office_samples, pdf_samples
from tests.queries import counted_get

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed"),
]

UPLOAD = "/admin/dossiers/dossier/import/"


def upload(client: Client, path: Path, name: str | None = None, **data: object):
    with open(path, "rb") as stream:
        file = SimpleUploadedFile(name or path.name, stream.read())
    return client.post(UPLOAD, {"file": file, **data})


def imported(client: Client, path: Path, capture, **data: object) -> DocumentImport:
    """Upload `path`; the immediate tasks backend converts it when the request commits."""
    with capture(execute=True):
        response = upload(client, path, **data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return DocumentImport.objects.latest("pk")


def test_the_upload_url_is_the_one_the_issue_names():
    assert reverse("admin:importing:upload") == UPLOAD


@pytest.mark.parametrize(
    ("persona", "expected"), [("alice", 403), ("bob", 403), ("mo", 403), ("carol", 200)]
)
def test_only_curators_may_import(request, persona, expected):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(UPLOAD).status_code == expected
    response = client.post(UPLOAD, {"file": SimpleUploadedFile("a.md", b"# Titre\n\nTexte.\n")})
    assert response.status_code == (302 if expected == 200 else 403)
    if expected == 403:
        assert "Accès refusé" in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(UPLOAD).status_code == 302


def test_a_member_may_not_see_an_import(
    alice_client, carol_client, office_files, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["md"], django_capture_on_commit_callbacks)
    for name in ("status", "preview"):
        url = reverse(f"admin:importing:{name}", args=[document.pk])
        assert alice_client.get(url).status_code == 403


def test_the_dossier_changelist_offers_the_import(carol_client):
    page = carol_client.get("/admin/dossiers/dossier/").content.decode()
    assert f'href="{UPLOAD}"' in page and "Importer un document" in page


def test_a_docx_becomes_a_draft_dossier_with_its_parts(
    carol, carol_client, office_files, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["docx"], django_capture_on_commit_callbacks)
    assert document.status == DocumentImport.Status.READY
    status = carol_client.get(reverse("admin:importing:status", args=[document.pk]))
    assert status.url == reverse("admin:importing:preview", args=[document.pk])
    page = carol_client.get(status.url).content.decode()
    assert office_samples.TITLE in page and "2 études de cas" in page
    assert "3 recommandations" in page and "2 questions" in page
    assert "1 image n&#x27;a pas été reprise" in page

    form = preview_form(carol_client, document)
    # The curator corrects one thing: « Contexte » becomes a case study too.
    contexte = next(k for k in form if k.startswith("role:1:contexte"))
    form[contexte] = "case_study"
    form["action"] = "refresh"
    assert carol_client.post(preview_url(document), form).status_code == 302
    form = preview_form(carol_client, document)
    assert form[contexte] == "case_study"
    form["action"] = "create"
    response = carol_client.post(preview_url(document), form)
    assert response.status_code == 302

    dossier = Dossier.objects.get()
    assert response.url == reverse("admin:dossiers_dossier_change", args=[dossier.pk])
    assert dossier.status == Dossier.Status.DRAFT and dossier.published_on is None
    assert dossier.title == office_samples.TITLE
    assert dossier.author_names == "Awa Diallo\nJean Martin"
    assert (dossier.period_start, dossier.period_end) == (2012, 2022)
    assert dossier.summary == (
        "Ce dossier retrace dix ans de partenariat entre CCFD-Terre Solidaire et des "
        "organisations paysannes du Sahel, de 2012 à 2022."
    )
    assert [c.title for c in dossier.case_studies.all()] == [
        "Contexte",
        "Les banques de semences au Mali",
        "Le plaidoyer au Niger",
    ]
    assert [r.title for r in dossier.recommendations.all()] == [
        "Renforcer les banques de semences communautaires",
        "Soutenir le plaidoyer national sur les semences",
        "Associer les instituts de recherche dès le départ",
    ]
    assert [q.title for q in dossier.questions.all()] == [
        "Quel plaidoyer mener auprès des États ?",
        "Comment associer les jeunes paysans aux décisions ?",
    ]
    assert "Résumé" in dossier.body and "Les acteurs" not in dossier.body
    assert dossier.updated_by == carol
    document.refresh_from_db()
    assert document.status == DocumentImport.Status.DONE and document.dossier == dossier


def preview_url(document: DocumentImport) -> str:
    return reverse("admin:importing:preview", args=[document.pk])


def preview_form(client: Client, document: DocumentImport) -> dict[str, str]:
    """The preview form's fields as the browser would send them."""
    response = client.get(preview_url(document))
    assert response.status_code == 200
    form = response.context["form"]
    data = {}
    for field in form:
        value = field.value()
        data[field.html_name] = "" if value is None else str(value)
    return data


def test_a_text_edited_since_the_preview_is_shown_again_before_creating(
    carol_client, office_files, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["md"], django_capture_on_commit_callbacks)
    form = preview_form(carol_client, document)
    form["markdown"] = form["markdown"].replace("# Contexte", "# Cas n° 3 : le contexte")
    form["action"] = "create"
    response = carol_client.post(preview_url(document), form)
    assert response.url == preview_url(document)
    assert not Dossier.objects.exists()
    page = carol_client.get(preview_url(document)).content.decode()
    assert "Cas n° 3 : le contexte" in page and "3 études de cas" in page


def test_a_refused_role_says_why_beside_its_heading(
    carol_client, office_files, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["md"], django_capture_on_commit_callbacks)
    form = preview_form(carol_client, document)
    role = next(name for name in form if name.startswith("role:"))
    form[role] = "bogus"
    response = carol_client.post(preview_url(document), form)
    assert response.status_code == 400
    assert 'class="errorlist"' in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_markdown_import_keeps_crlf_out(
    carol_client, office_files, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["md"], django_capture_on_commit_callbacks)
    form = preview_form(carol_client, document)
    form["markdown"] = form["markdown"].replace("\n", "\r\n")
    form["action"] = "refresh"
    carol_client.post(preview_url(document), form)
    document.refresh_from_db()
    assert "\r" not in document.markdown


def test_the_original_is_downloaded_behind_the_dossiers_gate(
    alice_client, carol_client, office_files, django_capture_on_commit_callbacks, client
):
    document = imported(carol_client, office_files["odt"], django_capture_on_commit_callbacks)
    form = preview_form(carol_client, document)
    form["action"] = "create"
    carol_client.post(preview_url(document), form)
    dossier = Dossier.objects.get()
    url = reverse("importing:original", args=[dossier.slug])
    assert alice_client.get(url).status_code == 404  # a draft: members do not see it
    assert "Document original" not in alice_client.get(dossier.get_absolute_url()).content.decode()
    Dossier.objects.filter(pk=dossier.pk).update(status=Dossier.Status.PUBLISHED)
    page = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page and "Document original (OpenDocument (.odt))" in page
    response = alice_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == office_files["odt"].read_bytes()
    assert client.get(url).status_code == 302  # anonymous: to the login page


def test_a_pdf_named_docx_is_refused_at_once(carol_client):
    response = carol_client.post(
        UPLOAD, {"file": SimpleUploadedFile("rapport.docx", b"%PDF-1.7\n%...")}
    )
    assert response.status_code == 200
    assert "n’est pas un fichier Word (.docx)" in response.content.decode()
    assert not DocumentImport.objects.exists()


def test_a_file_over_the_limit_is_refused_and_not_kept(carol_client, settings, import_storage):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    response = carol_client.post(UPLOAD, {"file": SimpleUploadedFile("a.md", b"#" * 1001)})
    assert "la limite est de 1000" in response.content.decode()
    assert not DocumentImport.objects.exists()
    assert not import_storage.exists() or not any(import_storage.rglob("*.md"))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda s, t: office_samples.zip_bomb(t), "bombe"),
        (lambda s, t: office_samples.truncated(s["docx"], t), "endommagé"),
        (lambda s, t: _write(t / "plat.md", "Un texte sans aucun titre.\n"), "Aucun titre"),
        (lambda s, t: _write(t / "vide.md", "\n\n"), "Aucun texte"),
    ],
    ids=["zip bomb", "truncated", "no headings", "empty"],
)
def test_bad_files_fail_in_french_and_change_nothing(
    carol_client, office_files, tmp_path, django_capture_on_commit_callbacks, make, message
):
    existing = DossierFactory()
    path = make(office_files, tmp_path)
    document = imported(carol_client, path, django_capture_on_commit_callbacks)
    assert document.status == DocumentImport.Status.FAILED
    page = carol_client.get(reverse("admin:importing:status", args=[document.pk]))
    assert message in page.content.decode()
    assert "Aucun dossier n’a été créé ni modifié." in page.content.decode()
    assert list(Dossier.objects.all()) == [existing]
    # The worker goes on: the next document converts.
    after = imported(carol_client, office_files["md"], django_capture_on_commit_callbacks)
    assert after.status == DocumentImport.Status.READY


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_waiting_import_refreshes_its_page(carol_client, office_files):
    document = imported(carol_client, office_files["md"], lambda execute: _NoCommit())
    assert document.status == DocumentImport.Status.PENDING
    page = carol_client.get(reverse("admin:importing:status", args=[document.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert carol_client.get(preview_url(document)).status_code == 302


def test_an_import_whose_worker_never_came_says_so_and_stops_refreshing(carol_client, office_files):
    document = imported(carol_client, office_files["md"], lambda execute: _NoCommit())
    DocumentImport.objects.filter(pk=document.pk).update(
        updated_at=timezone.now() - timedelta(minutes=16)
    )
    page = carol_client.get(reverse("admin:importing:status", args=[document.pk])).content.decode()
    assert "semble interrompue" in page
    assert 'http-equiv="refresh"' not in page


class _NoCommit:
    """Stands for django_capture_on_commit_callbacks without running them: the task
    stays queued, as with a busy worker."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_new_version_replaces_the_text_and_keeps_annotations(
    alice, carol_client, office_files, django_capture_on_commit_callbacks
):
    dossier = DossierFactory(body=office_samples.BODY.split("# Étude de cas")[0], slug="semences")
    passage = "Les partenaires sont des fédérations paysannes"
    annotation = AnnotationFactory(author=alice, dossier=dossier, exact=passage)
    document = imported(
        carol_client, office_files["docx"], django_capture_on_commit_callbacks, dossier=dossier.pk
    )
    assert document.reimport and document.status == DocumentImport.Status.READY
    form = preview_form(carol_client, document)
    form["action"] = "create"
    response = carol_client.post(preview_url(document), form)
    assert response.url == reverse("admin:dossiers_dossier_change", args=[dossier.pk])
    dossier.refresh_from_db()
    annotation.refresh_from_db()
    assert dossier.version == 2 and dossier.status == Dossier.Status.PUBLISHED
    assert annotation.state == Annotation.State.ANCHORED
    assert dossier.body_text[annotation.start : annotation.end] == passage
    assert dossier.case_studies.count() == 2 and dossier.recommendations.count() == 3


def test_a_new_version_over_an_edit_made_meanwhile_is_refused(
    carol_client, office_files, django_capture_on_commit_callbacks
):
    dossier = DossierFactory(slug="semences")
    document = imported(
        carol_client, office_files["md"], django_capture_on_commit_callbacks, dossier=dossier.pk
    )
    form = preview_form(carol_client, document)
    dossier.claim_version(None)
    dossier.save()
    form["action"] = "create"
    body = dossier.body
    carol_client.post(preview_url(document), form)
    dossier.refresh_from_db()
    assert dossier.body == body
    assert DocumentImport.objects.get().status == DocumentImport.Status.READY


def test_the_preview_makes_as_many_queries_for_many_headings_as_for_one(
    carol_client, tmp_path, django_capture_on_commit_callbacks
):
    one = imported(
        carol_client,
        _write(tmp_path / "un.md", "# Un\n\nTexte.\n"),
        django_capture_on_commit_callbacks,
    )
    many_text = "".join(
        f"# Partie {n}\n\nTexte {n} ?\n\n## Cas n° {n}\n\nA.\n\n" for n in range(40)
    )
    many = imported(
        carol_client,
        _write(tmp_path / "beaucoup.md", many_text),
        django_capture_on_commit_callbacks,
    )
    _, queries_one = counted_get(carol_client, preview_url(one))
    _, queries_many = counted_get(carol_client, preview_url(many))
    assert queries_many == queries_one
    _, list_one = counted_get(carol_client, UPLOAD)
    for _n in range(5):
        imported(
            carol_client,
            _write(tmp_path / "un.md", "# Un\n\nTexte.\n"),
            django_capture_on_commit_callbacks,
        )
    _, list_many = counted_get(carol_client, UPLOAD)
    assert list_many == list_one


def test_the_dossier_page_counts_the_same_queries_with_an_imported_original(
    alice_client, carol_client, office_files, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["md"], django_capture_on_commit_callbacks)
    form = preview_form(carol_client, document)
    form["action"] = "create"
    carol_client.post(preview_url(document), form)
    dossier = Dossier.objects.get()
    Dossier.objects.filter(pk=dossier.pk).update(status=Dossier.Status.PUBLISHED)
    page, with_original = counted_get(alice_client, dossier.get_absolute_url())
    assert "Document original (Markdown)" in page.content.decode()
    DocumentImport.objects.update(dossier=None)
    page, without = counted_get(alice_client, dossier.get_absolute_url())
    assert "Document original" not in page.content.decode()
    assert with_original == without


def test_a_pdf_becomes_a_draft_with_its_original_as_the_dossiers_pdf(
    carol_client, tmp_path, django_capture_on_commit_callbacks
):
    sample = pdf_samples.build_report(tmp_path / "rapport.pdf")
    document = imported(carol_client, sample.path, django_capture_on_commit_callbacks)
    assert document.status == DocumentImport.Status.READY, document.error
    form = preview_form(carol_client, document)
    assert form["title"] == sample.title
    form["action"] = "create"
    carol_client.post(preview_url(document), form)
    dossier = Dossier.objects.get()
    assert dossier.status == Dossier.Status.DRAFT
    assert dossier.original_file.read() == sample.path.read_bytes()
    assert dossier.author_names.splitlines() == sample.authors


@pytest.mark.parametrize(
    "build",
    [pdf_samples.build_image_only, pdf_samples.build_encrypted],
    ids=["scanned", "encrypted"],
)
def test_a_pdf_that_cannot_be_read_fails_with_the_converters_message(
    carol_client, tmp_path, django_capture_on_commit_callbacks, build
):
    path = build(tmp_path / "refuse.pdf")
    document = imported(carol_client, path, django_capture_on_commit_callbacks)
    assert document.status == DocumentImport.Status.FAILED and document.error
    page = carol_client.get(reverse("admin:importing:status", args=[document.pk])).content
    # The converter's own words (tests/importing/test_pdf.py checks them), first letter up.
    assert escape(document.error[1:]) in page.decode()
    assert "Aucun dossier n’a été créé ni modifié." in page.decode()
    assert not Dossier.objects.exists()


def test_a_pdf_of_the_same_dossier_replaces_the_text_of_the_draft_made_from_its_docx(
    carol_client, office_files, tmp_path, django_capture_on_commit_callbacks
):
    document = imported(carol_client, office_files["docx"], django_capture_on_commit_callbacks)
    form = preview_form(carol_client, document)
    form["action"] = "create"
    carol_client.post(preview_url(document), form)
    dossier = Dossier.objects.get()
    sample = pdf_samples.build_report(tmp_path / "rapport.pdf")
    again = imported(
        carol_client, sample.path, django_capture_on_commit_callbacks, dossier=dossier.pk
    )
    assert again.status == DocumentImport.Status.READY, again.error
    form = preview_form(carol_client, again)
    form["action"] = "create"
    carol_client.post(preview_url(again), form)
    dossier.refresh_from_db()
    assert dossier.title == office_samples.TITLE  # the dossier keeps its own fields
    assert dossier.version == 2 and dossier.status == Dossier.Status.DRAFT
    assert dossier.original_file.read() == sample.path.read_bytes()
    assert "Contexte et enjeux" in dossier.body
