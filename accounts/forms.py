from __future__ import annotations

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "job_title", "email_replies", "email_mentions", "email_digest"]

    def clean_display_name(self) -> str:
        return " ".join(self.cleaned_data["display_name"].split())


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
