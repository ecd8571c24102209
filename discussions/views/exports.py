"""A dossier's annotations and discussions as a Markdown file."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from discussions.markdown_export import dossier_markdown, export_filename
from dossiers.access import dossier_for


@require_GET
def dossier_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The dossier's annotations and discussions as a Markdown file, as the requester may
    read them (the W3C export for machines is api.annotation_export)."""
    dossier = dossier_for(request.user, slug)
    page_url = request.build_absolute_uri(dossier.get_absolute_url())
    response = HttpResponse(
        dossier_markdown(request.user, dossier, page_url=page_url),
        content_type="text/markdown; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=export_filename(dossier)
    )
    return response
