"""The conversion, in the task worker: file → Markdown → proposed structure.

Whatever happens to one document, the worker goes on: a refusal (ImportRefused) or any
other error ends as a French message on the import's status page, and nothing but the
import itself is written.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from importing.extraction import Extraction, ImportRefused
from importing.models import DocumentImport
from importing.office import extract_markdown, extract_office
from importing.structure import sections_of

logger = logging.getLogger(__name__)


def extract(path: str, kind: str) -> Extraction:
    """The converter of `kind`. The PDF one is imported here, when it is needed."""
    if kind == DocumentImport.Kind.PDF:
        try:
            from importing.pdf import extract_pdf
        except ImportError as error:
            logger.exception("The PDF converter cannot be imported")
            raise ImportRefused(_("PDF conversion is not available on this server.")) from error
        return extract_pdf(Path(path))
    if kind == DocumentImport.Kind.MARKDOWN:
        return extract_markdown(path)
    return extract_office(path, kind)


def check_extraction(extraction: Extraction) -> None:
    if not extraction.markdown.strip():
        raise ImportRefused(_("No text could be read in this document."))
    if not sections_of(extraction.markdown):
        raise ImportRefused(
            _(
                "No section heading was found in this document, so its structure cannot be "
                "proposed. Give its headings the « Heading 1 », « Heading 2 » styles (Word, "
                "LibreOffice) or « # » lines (Markdown), then import it again."
            )
        )


@task()
def import_convert(import_pk: int) -> None:
    claimed = DocumentImport.objects.filter(
        pk=import_pk, status=DocumentImport.Status.PENDING
    ).update(status=DocumentImport.Status.RUNNING)
    if not claimed:
        return  # converted already, or gone
    document = DocumentImport.objects.get(pk=import_pk)
    started = time.monotonic()
    with translation.override("fr"):
        try:
            extraction = extract(document.original.path, document.kind)
            check_extraction(extraction)
        except ImportRefused as refusal:
            _fail(document, refusal.message, started)
            return
        except Exception:
            logger.exception("Import %s (%s) failed", document.pk, document.kind)
            _fail(
                document,
                _(
                    "The conversion failed on an unexpected error. The file may be damaged; "
                    "the administrators can read the details in the server log."
                ),
                started,
            )
            return
    document.markdown = extraction.markdown
    document.title = extraction.title[:500]
    document.authors = extraction.authors
    document.first_page_text = extraction.first_page_text
    document.page_count = extraction.page_count
    document.notes = extraction.notes
    document.status = DocumentImport.Status.READY
    document.duration_ms = int((time.monotonic() - started) * 1000)
    document.save()


def _fail(document: DocumentImport, message: str, started: float) -> None:
    document.status = DocumentImport.Status.FAILED
    document.error = message
    document.duration_ms = int((time.monotonic() - started) * 1000)
    document.save(update_fields=["status", "error", "duration_ms", "updated_at"])
