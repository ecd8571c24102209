"""The admin of annotations: read and find them; the text anchor is not edited by hand.

Imported from DiscussionsConfig.ready(), beside the discussions admin, so each engineer's
admin stays in its own module.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from discussions.models import Annotation


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "dossier", "visibility", "state", "hidden", "created_at"]
    list_filter = ["state", "visibility", "hidden", "created_at"]
    search_fields = ["exact", "body", "author__email", "author__display_name", "dossier__title"]
    list_select_related = ["author", "dossier"]
    raw_id_fields = ["author", "dossier", "case_study", "recommendation"]
    date_hierarchy = "created_at"
    # The anchor is the server's to keep (discussions.anchoring): shown, never typed in.
    readonly_fields = [
        "exact",
        "prefix",
        "suffix",
        "start",
        "end",
        "state",
        "text_version",
        "created_at",
        "updated_at",
        # Hidden and restored from the moderation page, which tells the author.
        "hidden",
        "moderated_at",
        "moderated_by",
        "moderation_note",
    ]
    fields = [
        ("author", "visibility"),
        ("dossier", "case_study", "recommendation"),
        "body",
        "tags",
        "exact",
        ("prefix", "suffix"),
        ("start", "end", "state", "text_version"),
        ("created_at", "updated_at"),
        ("hidden", "moderated_at", "moderated_by"),
        "moderation_note",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Annotation]:
        # A private note is its author's only, in the admin too.
        return (
            super()
            .get_queryset(request)
            .filter(Q(visibility=Annotation.Visibility.SHARED) | Q(author=request.user))
        )
