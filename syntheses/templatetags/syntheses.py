from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from syntheses.citations import source_for
from syntheses.models import Synthesis

register = template.Library()


@register.simple_tag(takes_context=True)
def citing_syntheses(context: template.Context, contribution: models.Model) -> list[Any]:
    """The syntheses the viewer may read that cite `contribution` (an annotation, a field
    report: the page of one), for its « cité dans la synthèse »; one query."""
    field = source_for(contribution._meta.label).field
    return list(
        Synthesis.objects.readable_by(context["user"])
        .filter(**{f"citations__{field}": contribution})
        .distinct()
        .only("pk")
    )
