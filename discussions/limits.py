"""Posting limits per member, on messages (replies included), annotations, field reports and
reports to the moderators.

Counted by allauth's limiter in the shared cache, under ACCOUNT_RATE_LIMITS "comment",
"annotation", "field_report" and "flag" (settings.py says why those figures), so that several workers count
together and a test or a deploy changes a figure, not the code.
"""

from __future__ import annotations

from allauth.core import ratelimit
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# One message whatever was refused: a form error, or the "error" of an API answer.
POSTING_LIMITED = _(
    "You have posted a lot in a short time: wait a few minutes, then try again. "
    "What you typed is kept."
)


def posting_allowed(request: HttpRequest, action: str) -> bool:
    """Count one post of `action` ("comment", "annotation", "field_report", "flag") by the
    logged-in member;
    False when they are over that action's limit: refuse the post then."""
    return ratelimit.consume(request, action=action, user=request.user)
