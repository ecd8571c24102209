"""PDF to the project's Markdown: `extract_pdf(path)`.

pdfminer.six (MIT) reads the file one page at a time and hands every character with its
font and position; each page is reduced at once to a few `Line` records (importing/pdf_lines.py)
and pdfminer's objects for it are dropped, so memory follows the text, not the drawing. The
lines become Markdown in importing/pdf_markdown.py. Whatever goes wrong inside pdfminer comes
out as `ImportRefused` with a French message: a curator's upload never raises anything else.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTFigure, LTImage, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from importing.extraction import Extraction, ImportRefused
from importing.pdf_lines import Line, page_lines
from importing.pdf_markdown import (
    Document,
    body_size,
    build_markdown,
    drop_running_lines,
    drop_toc_pages,
    read_cover,
    split_authors,
)

logger = logging.getLogger(__name__)

# Overridable in settings (IMPORT_PDF_MAX_PAGES; IMPORT_PDF_MAX_SECONDS, else the import's
# IMPORT_CONVERSION_TIMEOUT): a dossier is tens of pages, 2,000 is a book.
MAX_PAGES = 2000
MAX_SECONDS = 300.0
SCANNED = gettext_noop(
    "this PDF holds only images — it must first go through character recognition"
)
JUNK_AUTHORS = ("anonymous", "unknown", "inconnu", "auteur", "author", "user", "utilisateur")
JUNK_TITLES = ("untitled", "sans titre", "document", "microsoft word", "diapositive", "titre")


def extract_pdf(path: Path) -> Extraction:
    """The PDF at `path` as Markdown with its title and authors, or ImportRefused."""
    _check_envelope(path)
    try:
        return _extract(path)
    except ImportRefused:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        logger.info("PDF import refused, encrypted: %s", error)
        raise ImportRefused(
            _(
                "this PDF is protected by a password: save a copy without the protection, then import that"
            )
        ) from error
    except MemoryError as error:
        raise ImportRefused(_("this PDF is too heavy to be converted")) from error
    except Exception as error:  # noqa: BLE001 pdfminer raises many kinds on a broken file
        logger.warning("PDF import refused, unreadable: %r", error, exc_info=True)
        raise ImportRefused(_("this PDF is damaged or incomplete and cannot be read")) from error


def _check_envelope(path: Path) -> None:
    """A PDF starts with « %PDF- » and a whole one ends with « %%EOF » (within its last 4 KB)."""
    try:
        with path.open("rb") as file:
            head = file.read(1024)
            file.seek(0, 2)
            file.seek(max(0, file.tell() - 4096))
            tail = file.read()
    except OSError as error:
        raise ImportRefused(_("the file could not be read")) from error
    if b"%PDF-" not in head:
        raise ImportRefused(_("this file is not a PDF"))
    if b"%%EOF" not in tail:
        raise ImportRefused(_("this PDF is incomplete (the file was cut short): import it again"))


def _extract(path: Path) -> Extraction:
    max_pages = int(getattr(settings, "IMPORT_PDF_MAX_PAGES", MAX_PAGES))
    default_seconds = getattr(settings, "IMPORT_CONVERSION_TIMEOUT", MAX_SECONDS)
    max_seconds = float(getattr(settings, "IMPORT_PDF_MAX_SECONDS", default_seconds))
    started = time.monotonic()
    with path.open("rb") as file:
        document = PDFDocument(PDFParser(file), password="")
        count = _page_count(document)
        if count > max_pages:
            raise ImportRefused(
                _("this PDF has %(count)s pages: beyond %(max)s, it is not imported")
                % {"count": count, "max": max_pages}
            )
        doc, image_pages = _read_pages(document, max_pages, max_seconds, started)
        meta_title, meta_authors = _metadata(document)
        extractable = document.is_extractable
    if not any(doc.pages):
        raise ImportRefused(_(SCANNED) if image_pages else _("this PDF contains no text"))
    extraction = _to_markdown(doc, meta_title, meta_authors)
    if image_pages:
        extraction.notes.append(
            ngettext(
                "%(count)s page holds only images and was left out.",
                "%(count)s pages hold only images and were left out.",
                len(image_pages),
            )
            % {"count": len(image_pages)}
        )
    if not extractable:
        extraction.notes.append(
            _("The PDF's author forbids copying its text: check that you may import it.")
        )
    return extraction


def _page_count(document: PDFDocument) -> int:
    pages = resolve1(document.catalog.get("Pages"))
    return int(resolve1(pages.get("Count", 0))) if isinstance(pages, dict) else 0


def _read_pages(
    document: PDFDocument, max_pages: int, max_seconds: float, started: float
) -> tuple[Document, list[int]]:
    """Every page's lines, one page in memory at a time; the pages that are only images."""
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    doc = Document(pages=[], heights=[])
    image_pages: list[int] = []
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= max_pages:
            raise ImportRefused(
                _("this PDF has more than %(max)s pages: it is not imported") % {"max": max_pages}
            )
        if time.monotonic() - started > max_seconds:
            raise ImportRefused(_("converting this PDF took too long and was stopped"))
        interpreter.process_page(page)
        layout: LTPage = device.get_result()
        chars, images = _contents(layout)
        lines = page_lines(chars, layout.width, layout.height, number)
        if not lines and images:
            image_pages.append(number)
        doc.pages.append(lines)
        doc.heights.append(layout.height)
    return doc, image_pages


def _contents(layout: LTPage) -> tuple[list[LTChar], int]:
    chars: list[LTChar] = []
    images = 0
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            chars.append(item)
        elif isinstance(item, LTImage):
            images += 1
        elif isinstance(item, LTFigure):
            stack.extend(item)
    return chars, images


def _metadata(document: PDFDocument) -> tuple[str, list[str]]:
    info = document.info[0] if document.info else {}
    title = _info_text(info.get("Title"))
    if (
        len(title) < 4
        or title.lower().startswith(JUNK_TITLES)
        or title.lower().endswith((".doc", ".docx", ".pdf", ".odt"))
    ):
        title = ""
    author = _info_text(info.get("Author"))
    if author.lower() in JUNK_AUTHORS:
        author = ""
    return title, split_authors(author) if author else []


def _info_text(value: object) -> str:
    value = resolve1(value)
    if isinstance(value, bytes):
        return " ".join(decode_text(value).split())
    return " ".join(value.split()) if isinstance(value, str) else ""


def _to_markdown(doc: Document, meta_title: str, meta_authors: list[str]) -> Extraction:
    size = body_size(doc.pages)
    page_count = len(doc.pages)
    removed = drop_running_lines(doc, size)
    drop_toc_pages(doc)
    read_cover(doc, size, meta_title, meta_authors)
    markdown = build_markdown(doc, size)
    notes = list(doc.notes)
    if removed:
        notes.append(
            ngettext(
                "%(count)s line of running header, footer or page number removed.",
                "%(count)s lines of running headers, footers or page numbers removed.",
                removed,
            )
            % {"count": removed}
        )
    return Extraction(
        markdown=markdown,
        title=doc.title,
        authors=doc.authors,
        first_page_text=doc.first_page_text,
        page_count=page_count,
        notes=notes,
    )


__all__ = ["SCANNED", "Line", "extract_pdf"]
