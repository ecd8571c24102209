"""Closed sign-up: invitation by an admin, or self sign-up for the organisation's domains."""

from __future__ import annotations

import ipaddress
from typing import Any

from allauth import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Self sign-up exists only where the organisation's domains are configured;
        `accounts.forms.SignupForm` then refuses any other domain."""
        return bool(settings.ACCOUNT_ALLOWED_SIGNUP_DOMAINS)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """Failed logins count per account and client, not per account alone.

        allauth's limit of 5 failures in 5 minutes per account (the "key" rate of
        ACCOUNT_RATE_LIMITS["login_failed"]) kept a member out, right password included,
        whenever anyone typed five wrong ones for their address. Counted per account and
        client, they keep out the client that failed; the member logs in from their own,
        and the limit per client address stays. The price: each new network gets its five
        tries at an account, which the password validators and MFA answer. A password
        reset clears the count of the client that reset it.

        This overrides a private allauth method (django-allauth is pinned): the tests in
        tests/accounts/test_login_rate_limits.py fail if a release renames it.
        """
        key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{key}:{self.client_network(request)}"

    def client_network(self, request: HttpRequest) -> str:
        """The client's address as allauth counts it: an IPv6 address is cut to its /64,
        so rotating through one's own network gives no fresh count."""
        address = ipaddress.ip_address(self.get_client_ip(request))
        if address.version == 6:
            prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
            return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address)
        return str(address)
