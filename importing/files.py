"""What an uploaded file is, judged by its content, and whether it is safe to unpack.

Names lie: a page named rapport.pdf is refused unless its bytes are a PDF's. Word and
OpenDocument files are zips; before any converter opens one, its directory is read to bound
what it unpacks to (a zip bomb is a few kilobytes that unpack to gigabytes).
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from importing.extraction import ImportRefused
from importing.models import DocumentImport

Kind = DocumentImport.Kind

EXTENSIONS = {".pdf": Kind.PDF, ".docx": Kind.DOCX, ".odt": Kind.ODT, ".md": Kind.MARKDOWN}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MAIN_PART = b"wordprocessingml.document.main+xml"
# An office file's parts compress about tenfold; a hundredfold bound leaves room for
# repetitive XML and stops a bomb (its members compress a thousandfold and more).
MAX_RATIO = 100
MAX_MEMBERS = 5000
# What kind_from_content says of a zip it cannot open: a .docx or .odt cut short.
DAMAGED_ZIP = "zip"
# Markdown is text: its first bytes tell, and a NUL never occurs in it.
TEXT_SNIFF = 64 * 1024


def kind_from_name(name: str) -> str | None:
    return EXTENSIONS.get(PurePath(name).suffix.lower())


def kind_from_content(stream: IO[bytes]) -> str | None:
    """PDF, docx, odt or Markdown by the bytes themselves; None for anything else."""
    stream.seek(0)
    head = stream.read(TEXT_SNIFF)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return Kind.PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(stream)
    if b"\x00" not in head and _is_utf8(head):
        return Kind.MARKDOWN
    return None


def _zip_kind(stream: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if (
                "mimetype" in names
                and archive.getinfo("mimetype").file_size < 200
                and archive.read("mimetype").strip() == ODT_MIMETYPE
            ):
                return Kind.ODT
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size < 1024 * 1024 and DOCX_MAIN_PART in archive.read(info):
                    return Kind.DOCX
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        # A zip whose directory cannot be read (cut short, damaged): the worker says so.
        return DAMAGED_ZIP
    finally:
        stream.seek(0)
    return None


def _is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffed block may end inside a character.
        return error.start >= len(head) - 3
    return True


def check_archive(path: str) -> None:
    """Refuse a .docx/.odt that unpacks to too much or is not a sound zip, before any
    converter reads it. The sizes come from the zip's directory and are bounded first;
    only then is every member read once (testzip), which also catches a directory that
    understates its sizes: the data would not match its CRC."""
    damaged = _("The file is damaged or incomplete: it cannot be opened as a document.")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if (
                len(members) > MAX_MEMBERS
                or unpacked > settings.IMPORT_MAX_UNPACKED_BYTES
                or unpacked / packed > MAX_RATIO
            ):
                raise ImportRefused(
                    _(
                        "This document unpacks to far more than it weighs (%(size)s MB): it "
                        "looks like a zip bomb and was not opened."
                    )
                    % {"size": unpacked // (1024 * 1024)}
                )
            if archive.testzip() is not None:
                raise ImportRefused(damaged)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        raise ImportRefused(damaged) from error
