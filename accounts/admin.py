from __future__ import annotations

from allauth.account.forms import ResetPasswordForm
from allauth.account.models import EmailAddress
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "job_title", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "display_name", "job_title"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("display_name", "job_title")}),
        (_("Notifications"), {"fields": ("email_replies", "email_mentions", "email_digest")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "description": _(
                    "Leave the password empty to invite the person: select them in the list "
                    "and use the “Send an invitation” action."
                ),
                "fields": ("email", "display_name", "usable_password", "password1", "password2"),
            },
        ),
    )
    actions = ["send_invitation"]

    @admin.action(description=_("Send an invitation (link to choose a password)"))
    def send_invitation(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """Mark the address as verified and send a link to choose a password.

        The admin vouches for the address; the link only reaches its owner.
        """
        sent = 0
        for user in queryset.filter(is_active=True):
            address, _created = EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"primary": True, "verified": True}
            )
            if not address.verified:
                address.verified = True
                address.save(update_fields=["verified"])
            form = ResetPasswordForm(data={"email": user.email})
            if form.is_valid():
                form.save(request)
                sent += 1
        self.message_user(
            request,
            ngettext("%d invitation sent.", "%d invitations sent.", sent) % sent,
            messages.SUCCESS,
        )
