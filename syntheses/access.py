"""The gates through which every view reaches a synthesis or the discussion it is about.
What a user may not read answers 404 (discussions.access); what they may read but not
write, 403 with a French reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from discussions.access import target_for
from syntheses.models import Synthesis

if TYPE_CHECKING:
    from accounts.models import User


def writer_required(user: User) -> None:
    """Only curators write syntheses. There is no moderator of one discussion (moderators
    hide and restore everywhere): a moderator who is not a curator is refused too."""
    if not user.is_curator:
        raise PermissionDenied(_("Only curators may write a synthesis."))


def synthesis_for(user: User, pk: int) -> Synthesis:
    """A synthesis `user` may read, else 404."""
    return get_object_or_404(
        Synthesis.objects.readable_by(user).select_related("dossier", "written_by", "updated_by"),
        pk=pk,
    )


def discussion_for_synthesis(user: User, slug: str, pk: int) -> models.Model:
    """The target of a discussion `user` may synthesise: readable (else 404), `user` a
    curator (else 403)."""
    target = target_for(user, slug, pk)
    writer_required(user)
    return target
