"""The learning digest's pages: the preview of my next one, and the unsubscribe link of its
emails, which works without logging in (one click, RFC 8058)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import User
from learning.digest import digest_build, digest_context, digest_unsubscribe, user_for_unsubscribe


@require_GET
def digest(request: HttpRequest) -> HttpResponse:
    """My next digest as it would be sent now, whatever my preference."""
    context = digest_context(digest_build(request.user))
    return render(request, "learning/digest.html", context)


@login_not_required
# A mail client's one-click POST (RFC 8058) comes from no page of ours, hence without a CSRF
# token; the signed token in the URL is what proves the link came in the member's email.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a link scanner following it unsubscribes nobody), POST unsubscribes."""
    member = user_for_unsubscribe(token)
    if member is None:
        return render(request, "learning/digest_unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        digest_unsubscribe(member)
        return render(request, "learning/digest_unsubscribe.html", {"done": True})
    subscribed = member.email_digest or member.learning_digest != User.LearningDigest.OFF
    return render(
        request, "learning/digest_unsubscribe.html", {"token": token, "subscribed": subscribed}
    )
