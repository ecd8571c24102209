from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from dossiers.models import Region, Theme

# Longest text searched for in the directory and the mention suggestions.
NAME_QUERY_MAX_LENGTH = 60


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "job_title",
            "regions",
            "themes",
            "email_replies",
            "email_mentions",
            "email_own_contributions",
            "email_digest",
            "learning_digest",
        ]
        widgets = {
            "regions": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "learning_digest": forms.RadioSelect,
        }
        help_texts = {
            "regions": gettext_lazy(
                "Where you work: colleagues find you by it in the member directory."
            ),
            "themes": gettext_lazy(
                "What you work on: colleagues find you by it in the member directory."
            ),
            "learning_digest": gettext_lazy(
                "News of what you follow, questions awaiting your answer, syntheses and your "
                "annotations, in one email. Unless it is off, it replaces the daily digest."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A form posted without the choice (an older page) keeps the current one.
        self.fields["learning_digest"].required = False

    def clean_learning_digest(self) -> str:
        return self.cleaned_data["learning_digest"] or self.instance.learning_digest

    def clean_display_name(self) -> str:
        return " ".join(self.cleaned_data["display_name"].split())


class MemberSearchForm(forms.Form):
    """The member directory's search: a name (or job title), a region, a theme. Unknown
    values become form errors, never a 500."""

    q = forms.CharField(
        required=False, max_length=NAME_QUERY_MAX_LENGTH, label=gettext_lazy("Name or job title")
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Region"),
        empty_label=gettext_lazy("All regions"),
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        label=gettext_lazy("Theme"),
        empty_label=gettext_lazy("All themes"),
    )

    def filter(self, members: QuerySet[User]) -> QuerySet[User]:
        """Apply the valid criteria; an invalid one is ignored (and shown as an error)."""
        data = getattr(self, "cleaned_data", {})
        if words := data.get("q", "").split():
            for word in words:
                members = members.filter(
                    Q(display_name__icontains=word) | Q(job_title__icontains=word)
                )
        if region := data.get("region"):
            members = members.filter(regions=region)
        if theme := data.get("theme"):
            members = members.filter(themes=theme)
        return members


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, for the organisation's own email domains only."""

    def clean_email(self) -> str:
        email = super().clean_email()
        allowed = {d.strip().lower() for d in settings.ACCOUNT_ALLOWED_SIGNUP_DOMAINS}
        if email_domain(email) not in allowed:
            raise forms.ValidationError(
                _(
                    "Only addresses of the organisation may sign up; "
                    "ask an administrator for an invitation."
                )
            )
        return email
