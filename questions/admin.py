"""Curators gather dossiers' questions under a cross-dossier question, with its own wording
and description; a question belongs to at most one (the form says so in French before the
database's unique index would)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from questions.models import CrossQuestion, GroupedQuestion, ReadWithoutAnswering


class GroupedQuestionInline(admin.TabularInline):
    model = GroupedQuestion
    extra = 1
    fields = ["question", "order"]
    autocomplete_fields = ["question"]


class ReadWithoutAnsweringInline(admin.TabularInline):
    model = ReadWithoutAnswering
    extra = 0
    can_delete = False
    fields = ["user", "created_at"]
    readonly_fields = fields
    verbose_name_plural = _("read without answering")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(CrossQuestion)
class CrossQuestionAdmin(admin.ModelAdmin):
    list_display = ["wording", "reflect_first", "featured_from", "gathered"]
    list_filter = ["reflect_first"]
    search_fields = ["wording", "description"]
    prepopulated_fields = {"slug": ["wording"]}
    fields = ["wording", "slug", "description", "reflect_first", "featured_from"]
    inlines = [GroupedQuestionInline, ReadWithoutAnsweringInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CrossQuestion]:
        return super().get_queryset(request).annotate(gathered_count=Count("grouped"))

    @admin.display(description=_("questions gathered"), ordering="gathered_count")
    def gathered(self, obj: CrossQuestion) -> int:
        return obj.gathered_count  # type: ignore[attr-defined]
