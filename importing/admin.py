"""Imports in the admin: a read-only list, to see who imported what and why one failed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from importing.models import DocumentImport


@admin.register(DocumentImport)
class DocumentImportAdmin(admin.ModelAdmin):
    list_display = ["original_name", "kind", "status", "dossier", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["original_name", "title"]
    list_select_related = ["dossier", "created_by"]
    fields = ["original_name", "kind", "size", "status", "error", "dossier", "page", "notes"]
    readonly_fields = fields

    @admin.display(description=_("page"))
    def page(self, obj: DocumentImport) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:importing:status", args=[obj.pk]),
            _("Status and preview"),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # an import starts from « Importer un document »

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
