"""The gate through which every view reaches a dossier.

What a user may not read answers 404, never 403, so its existence is not revealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.shortcuts import get_object_or_404

from dossiers.models import Dossier

if TYPE_CHECKING:
    from accounts.models import User


def dossier_for(user: User, slug: str) -> Dossier:
    """The dossier with this slug if `user` may read it, else 404."""
    return get_object_or_404(Dossier.objects.visible_to(user), slug=slug)
