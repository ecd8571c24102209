"""The admin of the learning loop: the follow-up of recommendations (status changes in bulk,
with one note, through the service, so followers are told) and field reports (read,
moderated; their text is their authors')."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from discussions import services as discussions_services
from dossiers.history import ReadableHistoryAdmin
from dossiers.models import Recommendation
from learning import services
from learning.models import FieldReport, RecommendationFollowUp, Status, StatusChange


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "previous", "status", "note", "changed_by"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class BulkStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text=_("Required for « adaptée » and « non retenue »: say why."),
    )


@admin.register(RecommendationFollowUp)
class RecommendationFollowUpAdmin(admin.ModelAdmin):
    list_display = ["title", "dossier", "current_status", "responsible", "status_changed_at"]
    list_filter = ["follow_up__status", "dossier__themes", "dossier__regions", "audience"]
    search_fields = ["title", "dossier__title"]
    list_select_related = ["dossier", "follow_up"]
    fields = ["dossier", "title", "audience"]
    readonly_fields = fields
    inlines = [StatusChangeInline]
    actions = ["change_status"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("status"), ordering="follow_up__status")
    def current_status(self, obj: RecommendationFollowUp) -> str:
        follow_up = getattr(obj, "follow_up", None)
        return Status(follow_up.status if follow_up else Status.PROPOSED).label

    @admin.display(description=_("responsible"))
    def responsible(self, obj: RecommendationFollowUp) -> str:
        follow_up = getattr(obj, "follow_up", None)
        return follow_up.responsible if follow_up else ""

    @admin.display(description=_("status changed"), ordering="follow_up__status_changed_at")
    def status_changed_at(self, obj: RecommendationFollowUp) -> Any:
        follow_up = getattr(obj, "follow_up", None)
        return follow_up.status_changed_at if follow_up else None

    @admin.action(
        description=_("Change the status of the selected recommendations…"),
        permissions=["change"],
    )
    def change_status(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse | None:
        form = BulkStatusForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            # As recommendations, not the proxy: the registry of kinds knows the model.
            chosen = Recommendation.objects.filter(pk__in=queryset.values("pk"))
            changed, skipped = services.status_change_bulk(
                recommendations=chosen.select_related("dossier"),
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                changed_by=request.user,
            )
            count = len(changed)
            self.message_user(
                request,
                ngettext("%d status changed.", "%d statuses changed.", count) % count,
                messages.SUCCESS,
            )
            if skipped:
                names = ", ".join(f"« {rec.title} »" for rec in skipped)
                self.message_user(
                    request,
                    _(
                        "Left as they were (this status does not follow theirs, or a note is "
                        "missing): %(names)s"
                    )
                    % {"names": names},
                    messages.WARNING,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change the status"),
            "form": form,
            "recommendations": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/learning/change_status.html", context)


@admin.register(FieldReport)
class FieldReportAdmin(ReadableHistoryAdmin):
    list_display = [
        "title",
        "author",
        "recommendation",
        "dossier",
        "outcome",
        "state",
        "created_at",
    ]
    list_filter = ["state", "outcome", "region", "created_at"]
    search_fields = ["title", "body", "lessons", "author__email", "author__display_name"]
    list_select_related = ["author", "recommendation", "dossier"]
    date_hierarchy = "created_at"
    actions = ["hide", "restore"]
    # The text is its author's; the state changes through moderation, which tells them.
    readonly_fields = [
        field.name
        for field in FieldReport._meta.fields
        if field.name not in ("body_html", "lessons_html")
    ]
    exclude = ["body_html", "lessons_html"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def _moderate(self, request: HttpRequest, queryset: QuerySet[FieldReport], hide: bool) -> int:
        reports = list(queryset.select_related("author", "dossier"))
        for report in reports:
            discussions_services.contribution_moderate(
                contribution=report,
                moderator=request.user,
                hide=hide,
                note=str(_("Hidden from the admin.")) if hide else "",
            )
        return len(reports)

    @admin.action(description=_("Hide the selected field reports"), permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet[FieldReport]) -> None:
        count = self._moderate(request, queryset.filter(state=FieldReport.State.VISIBLE), True)
        self.message_user(
            request, ngettext("%d report hidden.", "%d reports hidden.", count) % count
        )

    @admin.action(description=_("Restore the selected field reports"), permissions=["change"])
    def restore(self, request: HttpRequest, queryset: QuerySet[FieldReport]) -> None:
        count = self._moderate(request, queryset.filter(state=FieldReport.State.HIDDEN), False)
        self.message_user(
            request, ngettext("%d report restored.", "%d reports restored.", count) % count
        )
