"""The gates through which every view reaches a dossier or one of its parts.

What a user may not read answers 404, never 403, so its existence is not revealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from dossiers.models import CaseStudy, Dossier, Recommendation

if TYPE_CHECKING:
    from accounts.models import User


def dossier_for(user: User, slug: str) -> Dossier:
    """The dossier with this slug if `user` may read it, else 404."""
    return get_object_or_404(Dossier.objects.visible_to(user), slug=slug)


def dossier_page_for(user: User, slug: str) -> Dossier:
    """`dossier_for` with everything the reading page shows, in a fixed number of queries."""
    queryset = Dossier.objects.visible_to(user).prefetch_related(
        "authors",
        "regions",
        "themes",
        "tags",
        "case_studies",
        "questions",
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.prefetch_related(
                Prefetch("case_studies", queryset=CaseStudy.objects.only("pk", "title", "dossier"))
            ),
        ),
    )
    return get_object_or_404(queryset.select_related("updated_by"), slug=slug)
