"""A synthesis in the W3C export of its dossier's annotations: an annotation whose
motivation is "assessing", whose target is the discussion it sums up and whose body is its
text (the numbered citations link to the contributions) and, one SpecificResource each with
purpose "linking", the sources cited that the requester may read and that still show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from discussions.export import ANNO_CONTEXT, absolute
from syntheses.models import Synthesis
from syntheses.shown import shown_syntheses

if TYPE_CHECKING:
    from dossiers.models import Dossier


def synthesis_annotations(request: HttpRequest, dossier: Dossier) -> list[dict[str, Any]]:
    """The dossier's syntheses the requester may read, as W3C annotations (a fixed number
    of queries: the syntheses, their citations, one per kind of source)."""
    syntheses = (
        Synthesis.objects.readable_by(request.user)
        .filter(dossier=dossier)
        .select_related("dossier", "written_by")
        .order_by("pk")
    )
    return [_annotation(request, item) for item in shown_syntheses(request.user, syntheses)]


def _annotation(request: HttpRequest, shown: Any) -> dict[str, Any]:
    synthesis = shown.synthesis
    writer = synthesis.written_by
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": synthesis.body_html,
            "format": "text/html",
            "purpose": "assessing",
        }
    ]
    bodies += [
        {"type": "SpecificResource", "source": absolute(request, source.url), "purpose": "linking"}
        for source in shown.sources
        if source.is_shown
    ]
    return {
        "@context": ANNO_CONTEXT,
        "id": absolute(request, synthesis.get_absolute_url()),
        "type": "Annotation",
        "motivation": "assessing",
        "created": synthesis.created_at.isoformat(),
        "modified": synthesis.updated_at.isoformat(),
        "creator": {
            "type": "Person",
            "id": absolute(request, writer.get_absolute_url()),
            "name": writer.get_display_name(),
        },
        "body": bodies,
        "target": absolute(request, synthesis.discussion_url()),
    }
