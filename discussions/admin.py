"""The admin of discussions: comments (moderated, never hard-deleted), annotations (read and
found; their anchor is the server's), reports, follows and notifications. Every state change goes through discussions.services, so authors are told."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from discussions import services
from discussions.models import Annotation, Comment, CommentRevision, Flag, Follow, Notification
from discussions.targets import ANNOTATION_FIELDS, COMMENT_FIELDS, KINDS, kind_named
from dossiers.versioning import VersionedAdminForm


class CommentRevisionInline(admin.TabularInline):
    model = CommentRevision
    extra = 0
    can_delete = False
    fields = ["written_at", "replaced_at", "body"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TargetKindFilter(admin.SimpleListFilter):
    title = _("discussion of")
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [(kind.slug, kind.label) for kind in KINDS]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> QuerySet[Comment]:
        kind = kind_named(self.value() or "")
        if kind is None:
            return queryset
        if kind.field is None:
            return queryset.filter(**{f"{name}__isnull": True for name in COMMENT_FIELDS})
        return queryset.filter(**{f"{kind.field}__isnull": False})


class FlaggedFilter(admin.SimpleListFilter):
    title = _("open reports")
    parameter_name = "flagged"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Reported")), ("no", _("Not reported"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> QuerySet[Comment]:
        if self.value() == "yes":
            return queryset.filter(open_flags__gt=0)
        if self.value() == "no":
            return queryset.filter(open_flags=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "dossier", "target", "state", "open_flags", "created_at"]
    list_filter = ["state", TargetKindFilter, FlaggedFilter, "created_at"]
    search_fields = ["body", "author__email", "author__display_name", "dossier__title"]
    list_select_related = ["author", "dossier"]
    date_hierarchy = "created_at"
    inlines = [CommentRevisionInline]
    actions = ["hide", "restore", "soft_delete"]
    # Text, place and state are the members' and the services' to change, never a form's.
    fields = [
        "author",
        "dossier",
        *COMMENT_FIELDS,
        "parent",
        "state",
        "body",
        "created_at",
        "edited_at",
        "moderated_at",
        "moderated_by",
        "moderation_note",
    ]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Comment]:
        return (
            super()
            .get_queryset(request)
            .annotate(open_flags=Count("flags", filter=Q(flags__resolution=Flag.Resolution.OPEN)))
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Deleting rows would orphan replies: the soft-delete action keeps a tombstone.
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("discussion of"))
    def target(self, comment: Comment) -> str:
        return comment.discussion_kind.label

    @admin.display(description=_("open reports"), ordering="open_flags")
    def open_flags(self, comment: Comment) -> int:
        return comment.open_flags

    @admin.action(description=_("Hide the selected comments"), permissions=["change"])
    def hide(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        note = str(_("Hidden from the admin."))
        count = self._moderate(request, queryset.filter(state=Comment.State.VISIBLE), True, note)
        self.message_user(
            request,
            ngettext("%d comment hidden.", "%d comments hidden.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Restore the selected hidden comments"), permissions=["change"])
    def restore(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        count = self._moderate(request, queryset.filter(state=Comment.State.HIDDEN), False, "")
        self.message_user(
            request,
            ngettext("%d comment restored.", "%d comments restored.", count) % count,
            messages.SUCCESS,
        )

    def _moderate(
        self, request: HttpRequest, queryset: QuerySet[Comment], hide: bool, note: str
    ) -> int:
        comments = list(queryset.select_related("author", "dossier"))
        for comment in comments:
            services.contribution_moderate(
                contribution=comment, moderator=request.user, hide=hide, note=note
            )
        return len(comments)

    @admin.action(
        description=_("Delete the selected comments (replies are kept)"), permissions=["change"]
    )
    def soft_delete(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        count = 0
        for comment in queryset.exclude(state=Comment.State.DELETED):
            services.comment_delete(comment=comment)
            count += 1
        self.message_user(
            request,
            ngettext("%d comment deleted.", "%d comments deleted.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    # A save over a version saved meanwhile (by its author in the page) is refused.
    form = VersionedAdminForm
    list_display = ["__str__", "author", "dossier", "visibility", "state", "hidden", "created_at"]
    list_filter = ["state", "visibility", "hidden", "created_at"]
    search_fields = ["exact", "body", "author__email", "author__display_name", "dossier__title"]
    list_select_related = ["author", "dossier"]
    raw_id_fields = ["author", "dossier", *ANNOTATION_FIELDS]
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
        "base_version",
        ("author", "visibility"),
        ("dossier", *ANNOTATION_FIELDS),
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


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["__str__", "comment", "annotation", "reporter", "created_at", "resolution"]
    list_filter = ["resolution", "reason", "created_at"]
    search_fields = ["details", "reporter__email", "comment__body"]
    list_select_related = ["comment__author", "annotation", "reporter"]
    raw_id_fields = ["comment", "annotation", "reporter", "resolved_by"]
    readonly_fields = ["created_at", "resolved_at", "resolved_by"]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "dossier", "created_at"]
    list_select_related = ["user", "dossier"]
    search_fields = ["user__email", "user__display_name", "dossier__title"]
    raw_id_fields = ["user", "dossier"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "actor", "dossier", "created_at", "read_at", "emailed_at"]
    list_filter = ["kind", "created_at"]
    list_select_related = ["recipient", "actor", "dossier"]
    search_fields = ["recipient__email", "actor__email"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
