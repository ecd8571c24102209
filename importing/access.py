"""The gates of the import pages: curators only, and one import reached by its number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from importing.models import DocumentImport

if TYPE_CHECKING:
    from accounts.models import User


def importer_required(user: User) -> None:
    """Only curators (staff who may change dossiers) import documents; others get a 403."""
    if not (getattr(user, "is_curator", False) and user.has_perm("dossiers.add_dossier")):
        raise PermissionDenied(_("Only curators may import documents."))


def import_for(user: User, pk: int) -> DocumentImport:
    """An import, for a curator (curators share their work, as they share the dossiers)."""
    importer_required(user)
    return get_object_or_404(DocumentImport.objects.select_related("dossier", "created_by"), pk=pk)
