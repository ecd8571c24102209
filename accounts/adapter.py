"""Closed sign-up: invitation by an admin, or self sign-up for the organisation's domains."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Self sign-up exists only where the organisation's domains are configured;
        `accounts.forms.SignupForm` then refuses any other domain."""
        return bool(settings.ACCOUNT_ALLOWED_SIGNUP_DOMAINS)
