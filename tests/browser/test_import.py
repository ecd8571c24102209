"""Importing a document in Chromium: the admin's button, the upload, the status page that
refreshes itself, the preview corrected and the draft created; then a member downloads the
original from the published dossier's page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import AXE, axe_violations
from tests.browser.test_annotations import SELECT
from tests.importing import office_samples

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc is not installed"),
]


@pytest.fixture
def docx(tmp_path):
    return office_samples.build("docx", tmp_path / "samples")


@pytest.fixture
def curator_page(chromium, live_server, console_errors, settings, tmp_path):
    settings.IMPORT_STORAGE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "curator@example.org", console_errors)
    page.set_viewport_size({"width": 1400, "height": 1000})
    return page


def test_a_curator_imports_corrects_and_creates_a_draft(
    curator_page, live_server, console_errors, docx, chromium
):
    from discussions.models import Annotation
    from dossiers.models import Dossier

    page = curator_page
    page.goto(f"{live_server.url}/admin/dossiers/dossier/")
    page.get_by_role("link", name="Importer un document").click()
    page.get_by_label("Document").set_input_files(str(docx))
    page.get_by_role("button", name="Importer").click()
    # The immediate backend of development converts at once: straight to the preview.
    page.get_by_role("heading", name="Structure proposée").wait_for()
    assert page.get_by_text("2 études de cas").is_visible()
    assert page.locator("#id_title").input_value() == office_samples.TITLE
    if AXE.exists():
        assert axe_violations(page) == []
    page.get_by_label("Contexte", exact=True).select_option(label="Une étude de cas")
    page.get_by_role("button", name="Actualiser l’aperçu").click()
    page.get_by_text("3 études de cas").wait_for()
    page.get_by_role("button", name="Créer le dossier en brouillon").click()
    page.get_by_text("Dossier créé en brouillon").wait_for()
    dossier = Dossier.objects.get(title=office_samples.TITLE)
    assert dossier.status == Dossier.Status.DRAFT
    assert dossier.case_studies.count() == 3
    assert console_errors == []

    Dossier.objects.filter(pk=dossier.pk).update(status=Dossier.Status.PUBLISHED)
    member = log_in(chromium, live_server, "member@example.org", console_errors)
    member.goto(f"{live_server.url}{dossier.get_absolute_url()}")
    member.wait_for_load_state("networkidle")
    # She annotates a passage of the imported text.
    passage = "organisations paysannes"
    assert member.evaluate(SELECT, ["#corps", passage])
    member.locator("[data-annotation-trigger]").click()
    member.fill("#annotation-note", "Lesquelles, au Niger ?")
    member.click("#annotation-panel button[type=submit]")
    member.locator("#annotation-panel .annotation-view__note").wait_for()
    annotation = Annotation.objects.get(dossier=dossier)
    dossier.refresh_from_db()
    assert dossier.body_text[annotation.start : annotation.end] == passage
    with member.expect_download() as download:
        member.get_by_role("link", name="Document original (Word (.docx))").click()
    assert download.value.suggested_filename == f"{dossier.slug}.docx"
    assert Path(download.value.path()).read_bytes() == docx.read_bytes()
    assert console_errors == []


def test_the_status_page_refreshes_itself_until_the_preview(
    curator_page, live_server, console_errors, settings, tmp_path
):
    from importing.models import DocumentImport
    from importing.tasks import import_convert

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    source = tmp_path / "dossier.md"
    source.write_text(office_samples.BODY, encoding="utf-8")
    page = curator_page
    page.goto(f"{live_server.url}/admin/dossiers/dossier/import/")
    page.get_by_label("Document").set_input_files(str(source))
    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Cette page s’actualise d’elle-même.").wait_for()
    document = DocumentImport.objects.get()
    assert document.status == DocumentImport.Status.PENDING
    import_convert.call(document.pk)  # the worker gets to it
    page.get_by_role("heading", name="Structure proposée").wait_for(timeout=10_000)
    assert "/apercu/" in page.url
    assert console_errors == []


def test_a_bad_file_says_why_on_the_status_page(
    curator_page, live_server, console_errors, tmp_path
):
    bomb = office_samples.zip_bomb(tmp_path)
    page = curator_page
    page.goto(f"{live_server.url}/admin/dossiers/dossier/import/")
    page.get_by_label("Document").set_input_files(str(bomb))
    page.get_by_role("button", name="Importer").click()
    page.get_by_text("Ce document n’a pas pu être importé.").wait_for()
    assert page.get_by_text("bombe de décompression").is_visible()
    assert console_errors == []
