"""Word (.docx), OpenDocument (.odt) and Markdown (.md) to the project's Markdown.

Word and OpenDocument go through pandoc (pypandoc finds it and its version): one well-kept
converter for both formats that keeps heading styles as `#` levels, lists, emphasis, tables
and footnotes. mammoth reads only .docx and gives HTML, which we would have to turn into
Markdown again. pandoc is run directly rather than through pypandoc.convert_file, which has
no timeout: `--sandbox` (no file includes, no network), raw HTML off in the output, a memory
cap for its runtime and a time limit.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import zipfile
from xml.etree import ElementTree

import pypandoc
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from importing.extraction import Extraction, ImportRefused
from importing.files import check_archive

# GitHub-flavoured Markdown with footnotes (`[^1]`), pipe tables, no raw HTML.
PANDOC_OUTPUT = "gfm-raw_html+footnotes+pipe_tables"
PANDOC_MEMORY = "-M1g"
# `--sandbox` needs pandoc 2.15 or later.
MIN_PANDOC = (2, 15)

IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)(\{[^}\n]*\})?")
METADATA_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
METADATA_PART = {"docx": "docProps/core.xml", "odt": "meta.xml"}


def pandoc_version() -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in pypandoc.get_pandoc_version().split(".")[:2])
    except OSError:
        return ()


def extract_office(path: str, kind: str) -> Extraction:
    """A .docx or .odt as Markdown, its title and authors from the document's properties."""
    check_archive(path)
    if pandoc_version() < MIN_PANDOC:
        raise ImportRefused(_("The Word and OpenDocument converter (pandoc) is not installed."))
    title, authors = _properties(path, kind)
    if kind == "odt":
        with tempfile.TemporaryDirectory() as folder:
            markdown = _promote_header_rows(_pandoc(_odt_header_rows_as_rows(path, folder), kind))
    else:
        markdown = _pandoc(path, kind)
    markdown, images = IMAGE.subn("", markdown)
    notes = []
    if images:
        notes.append(
            ngettext(
                "%(n)d image was left out: add it in the admin if it matters.",
                "%(n)d images were left out: add them in the admin if they matter.",
                images,
            )
            % {"n": images}
        )
    return Extraction(
        markdown=_tidy(_without_cover(markdown, [title, *authors])),
        title=title,
        authors=authors,
        notes=notes,
    )


def _pandoc(path: str, kind: str) -> str:
    command = [
        pypandoc.get_pandoc_path(),
        "+RTS",
        PANDOC_MEMORY,
        "-RTS",
        "--sandbox",
        "--from",
        kind,
        "--to",
        PANDOC_OUTPUT,
        "--wrap=none",
        "--markdown-headings=atx",
        path,
    ]
    try:
        done = subprocess.run(  # noqa: S603 pandoc's own path, a list, no shell
            command,
            capture_output=True,
            timeout=settings.IMPORT_CONVERSION_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as error:
        raise ImportRefused(
            _("The conversion took too long (over %(seconds)d s) and was stopped.")
            % {"seconds": settings.IMPORT_CONVERSION_TIMEOUT}
        ) from error
    if done.returncode != 0:
        raise ImportRefused(
            _("The file is damaged or incomplete: it cannot be opened as a document.")
        )
    return done.stdout.decode("utf-8", errors="replace")


def _properties(path: str, kind: str) -> tuple[str, list[str]]:
    """Title and authors from docProps/core.xml (Word) or meta.xml (OpenDocument)."""
    try:
        with zipfile.ZipFile(path) as archive:
            # expat ≥ 2.4.1 (Python 3.11's) bounds entity expansion; ElementTree never
            # fetches external entities.
            root = ElementTree.fromstring(archive.read(METADATA_PART[kind]))  # noqa: S314
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return "", []
    title = (root.findtext(".//dc:title", "", METADATA_NS) or "").strip()
    creator = root.findtext(".//dc:creator", "", METADATA_NS) or root.findtext(
        ".//meta:initial-creator", "", METADATA_NS
    )
    authors = [name.strip() for name in re.split(r"[;,]| et ", creator or "") if name.strip()]
    return title, authors


def _odt_header_rows_as_rows(path: str, folder: str) -> str:
    """A copy of the .odt whose table header rows are plain rows: pandoc 2.17's reader
    drops the cells of <table:table-header-rows>, and with them a table's headings."""
    copy = os.path.join(folder, "document.odt")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "content.xml":
                data = re.sub(rb"</?table:table-header-rows\s*/?>", b"", data)
            target.writestr(member, data)
    return copy


EMPTY_HEADER = re.compile(r"^(\|(?: +\|)+)\n(\|[-:|]+\|)\n(\|.*\|)$", re.MULTILINE)


def _promote_header_rows(markdown: str) -> str:
    """A table with an empty header row gets its first row as header again."""
    return EMPTY_HEADER.sub(lambda m: f"{m.group(3)}\n{m.group(2)}", markdown)


def _without_cover(markdown: str, cover: list[str]) -> str:
    """Without the paragraphs before the first heading that only repeat the title and the
    authors (an OpenDocument's « Title » and « Author » paragraphs)."""
    wanted = {line.strip() for line in cover if line.strip()}
    blocks = markdown.split("\n\n")
    while blocks and blocks[0].strip() in wanted:
        blocks.pop(0)
    return "\n\n".join(blocks)


def _tidy(markdown: str) -> str:
    # pandoc pads list markers ("-   item"); one space reads as people type them.
    markdown = re.sub(r"^(\s*)([-*]|\d+\.)\s{2,}", r"\1\2 ", markdown, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def extract_markdown(path: str) -> Extraction:
    """A Markdown file as it is (the body's save renders and sanitises it like any other)."""
    with open(path, "rb") as stream:
        raw = stream.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(_("This Markdown file is not UTF-8 text.")) from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Extraction(markdown=text.strip() + "\n")
