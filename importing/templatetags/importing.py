from __future__ import annotations

from django import template

from dossiers.models import Dossier
from importing.models import DocumentImport

register = template.Library()


@register.simple_tag
def imported_original(dossier: Dossier) -> DocumentImport | None:
    """The latest finished import of `dossier` whose file is not already its original PDF
    (a Word, OpenDocument or Markdown file), in one query; None if there is none."""
    latest = DocumentImport.objects.finished_for(dossier).only("pk", "kind", "dossier_id").first()
    if latest is None or latest.kind == DocumentImport.Kind.PDF:
        return None
    return latest
