from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import include, path
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag
from taggit.utils import parse_tags

from dossiers.history import ReadableHistoryAdmin, change_reason_field
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region, Theme
from dossiers.versioning import StaleEdit, VersionedAdminForm

LONG_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 6, "cols": 100})}}


class DossierAdminForm(VersionedAdminForm):
    """Keywords picked with autocompletion among existing ones, plus new ones typed in; a
    save over a version saved meanwhile is refused (dossiers.versioning)."""

    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        label=_("keywords"),
        widget=AutocompleteSelectMultiple(Dossier._meta.get_field("tags"), admin.site),
    )
    new_tags = forms.CharField(
        required=False,
        label=_("new keywords"),
        help_text=_("Keywords that do not exist yet, separated by commas."),
    )
    change_reason = change_reason_field()

    class Meta:
        model = Dossier
        exclude: list[str] = []
        widgets = {
            "title": forms.TextInput(attrs={"size": 90}),
            "body": forms.Textarea(attrs={"rows": 30, "cols": 100}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = list(self.instance.tags.all())

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        names = {tag.name for tag in data.get("tags") or []}
        names.update(parse_tags(data.get("new_tags") or ""))
        data["tags"] = sorted(names)
        return data


class PartAdminForm(VersionedAdminForm):
    """A case study, recommendation or question edited on its own page: with a reason."""

    change_reason = change_reason_field()


class VersionedAdminMixin:
    """The change form says at its top which of its inline rows was refused as saved
    meanwhile (each row's form says what changed). A save that slipped past the version
    check (SQLite has no row lock: two saves at the same moment both pass `clean`) is
    rolled back by its StaleEdit and the form sent again once: it then meets the newer
    version and comes back refused with what changed, instead of a 500."""

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().changeform_view(request, *args, **kwargs)  # type: ignore[misc]
        except StaleEdit:
            return super().changeform_view(request, *args, **kwargs)  # type: ignore[misc]

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> Any:
        for inline in context.get("inline_admin_formsets", []):
            for form in inline.formset.forms:
                if getattr(form, "conflict", None) is not None:
                    messages.error(
                        request,
                        _(
                            "%(name)s “%(object)s” was saved by someone else while you were "
                            "editing it: nothing was saved, the details are below."
                        )
                        % {
                            "name": capfirst(form.instance._meta.verbose_name),
                            "object": form.conflict.row,
                        },
                    )
        return super().render_change_form(request, context, *args, **kwargs)  # type: ignore[misc]


class CaseStudyInline(admin.StackedInline):
    model = CaseStudy
    form = VersionedAdminForm
    extra = 0
    formfield_overrides = LONG_TEXT
    fields = [
        "base_version",
        "order",
        "title",
        ("country", "partners"),
        ("period_start", "period_end"),
        "summary",
        "body",
    ]
    classes = ["collapse"]


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    form = VersionedAdminForm
    extra = 0
    formfield_overrides = LONG_TEXT
    fields = ["base_version", "order", "title", "audience", "case_studies", "body"]
    filter_horizontal = ["case_studies"]
    classes = ["collapse"]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # Offer only the case studies of the dossier being edited.
        if db_field.name == "case_studies":
            object_id = (
                request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            )
            kwargs["queryset"] = CaseStudy.objects.filter(dossier_id=object_id or 0)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class QuestionInline(admin.TabularInline):
    model = Question
    form = VersionedAdminForm
    extra = 0
    fields = ["base_version", "order", "title", "body"]


@admin.register(Dossier)
class DossierAdmin(VersionedAdminMixin, ReadableHistoryAdmin):
    form = DossierAdminForm
    list_display = ["title", "status", "published_on", "period_label", "updated_at", "updated_by"]
    list_filter = ["status", "regions", "themes", "tags", "published_on"]
    search_fields = ["title", "slug", "summary", "body", "author_names"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["authors"]
    filter_horizontal = ["regions", "themes"]
    date_hierarchy = "published_on"
    readonly_fields = ["created_at", "updated_at", "updated_by"]
    fieldsets = [
        (None, {"fields": ["base_version", "title", "slug", "status", "published_on"]}),
        (_("Text"), {"fields": ["summary", "body", "original_file"]}),
        (
            _("Authors and scope"),
            {
                "fields": [
                    "authors",
                    "author_names",
                    ("period_start", "period_end"),
                    "regions",
                    "themes",
                    "tags",
                    "new_tags",
                ]
            },
        ),
        (_("Changes"), {"fields": ["change_reason", "created_at", "updated_at", "updated_by"]}),
    ]
    inlines = [CaseStudyInline, RecommendationInline, QuestionInline]
    actions = ["publish", "archive", "back_to_draft"]
    view_on_site = True

    @admin.display(description=_("period"))
    def period_label(self, obj: Dossier) -> str:
        return obj.period_label()

    def get_queryset(self, request: HttpRequest) -> QuerySet[Dossier]:
        return super().get_queryset(request).select_related("updated_by")

    def get_urls(self) -> list[Any]:
        # « Importer un document » (importing): before the admin's own <object_id>/ paths.
        return [
            path("import/", include(("importing.admin_urls", "importing"))),
            *super().get_urls(),
        ]

    def save_model(self, request: HttpRequest, obj: Dossier, form: ModelForm, change: bool) -> None:
        obj.updated_by = request.user  # type: ignore[assignment]
        if obj.status == Dossier.Status.PUBLISHED and not obj.published_on:
            obj.published_on = timezone.localdate()
        super().save_model(request, obj, form, change)

    @transaction.atomic
    def _set_status(self, request: HttpRequest, queryset: QuerySet[Dossier], status: str) -> int:
        # One save per dossier (not queryset.update) so the history keeps each change; a new
        # version each, so a change form opened before refuses to put the old status back.
        changed = 0
        for dossier in queryset.exclude(status=status):
            dossier.claim_version(None)
            dossier.status = status
            dossier.updated_by = request.user  # type: ignore[assignment]
            fields = ["status", "updated_by", "updated_at", "version"]
            if status == Dossier.Status.PUBLISHED and not dossier.published_on:
                dossier.published_on = timezone.localdate()
                fields.append("published_on")
            dossier.save(update_fields=fields)
            changed += 1
        return changed

    @admin.action(description=_("Publish the selected dossiers"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        n = self._set_status(request, queryset, Dossier.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%d dossier published.", "%d dossiers published.", n) % n,
            messages.SUCCESS,
        )

    @admin.action(description=_("Archive the selected dossiers"), permissions=["change"])
    def archive(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        n = self._set_status(request, queryset, Dossier.Status.ARCHIVED)
        self.message_user(
            request,
            ngettext("%d dossier archived.", "%d dossiers archived.", n) % n,
            messages.SUCCESS,
        )

    @admin.action(description=_("Put the selected dossiers back to draft"), permissions=["change"])
    def back_to_draft(self, request: HttpRequest, queryset: QuerySet[Dossier]) -> None:
        n = self._set_status(request, queryset, Dossier.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%d dossier back to draft.", "%d dossiers back to draft.", n) % n,
            messages.SUCCESS,
        )


@admin.register(CaseStudy)
class CaseStudyAdmin(VersionedAdminMixin, ReadableHistoryAdmin):
    form = PartAdminForm
    list_display = ["title", "dossier", "country", "order"]
    list_filter = ["dossier__status", "dossier"]
    search_fields = ["title", "country", "partners", "summary", "body"]
    autocomplete_fields = ["dossier"]


@admin.register(Recommendation)
class RecommendationAdmin(VersionedAdminMixin, ReadableHistoryAdmin):
    form = PartAdminForm
    list_display = ["title", "dossier", "audience", "order"]
    list_filter = ["audience", "dossier__status", "dossier"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["dossier", "case_studies"]


@admin.register(Question)
class QuestionAdmin(VersionedAdminMixin, ReadableHistoryAdmin):
    form = PartAdminForm
    list_display = ["title", "dossier", "order"]
    list_filter = ["dossier"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["dossier"]


@admin.register(Region, Theme)
class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
