"""Checks of what curators upload."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

# Every PDF file starts with these bytes (ISO 32000, 7.5.2).
PDF_SIGNATURE = b"%PDF-"


def validate_pdf_content(value: FieldFile) -> None:
    """Refuse an upload whose content is not a PDF, whatever its name says.

    FileExtensionValidator reads only the name: an HTML page named rapport.pdf passed, and
    members would have opened it from the dossier page. A file already stored was checked
    when it came and is not read again, so a missing file cannot block other edits.
    """
    if getattr(value, "_committed", False):
        return
    value.seek(0)
    signature = value.read(len(PDF_SIGNATURE))
    value.seek(0)
    if signature != PDF_SIGNATURE:
        raise ValidationError(
            _("“%(name)s” is not a PDF: its content is not that of a PDF file."),
            code="not_pdf",
            params={"name": value.name},
        )
