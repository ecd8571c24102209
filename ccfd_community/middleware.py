"""Project middleware: French first (the interface is French unless the user picked another
language); the login requirement answering JSON to the views that speak it; the headers that
keep answers out of caches and refuse unused browser features."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found


class ResponseHeadersMiddleware:
    """Every answer the application builds is private and never stored, and refuses the
    browser features listed in PERMISSIONS_POLICY_DENIED.

    Members' pages and API answers hold what only they may read (drafts, private notes); the
    anonymous account pages hold a CSRF token, and the password reset pages a key in their
    address: no shared cache, and not the browser's disk cache, may keep any of them. None is
    cached to any benefit, so there is one rule rather than a list of exceptions. Static
    files never come here: whitenoise, before this middleware, answers them with their own
    long cache lifetime.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, private=True, no_store=True)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class LanguageMiddleware:
    """Activate the language chosen with the footer switch (its cookie), else French.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and colleagues with
    an English browser would get an English interface they never asked for.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if code not in self.languages:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        return response


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's, except for views marked `answers_json` (the annotation API): an anonymous
    call gets a 401 with a French reason in JSON, which the page's script can show, instead
    of a redirect to the HTML login page that fetch() would follow and fail to read."""

    def handle_no_permission(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse]
    ) -> HttpResponse:
        if getattr(view_func, "answers_json", False):
            error = _("Log in to continue: your session may have expired.")
            return JsonResponse({"error": error}, status=401)
        return super().handle_no_permission(request, view_func)


class NotFoundPageMiddleware:
    """The French 404 page in development too, unless DJANGO_DEBUG_TECHNICAL_404 is on.

    With DEBUG on, Django answers a missing page with its technical English page listing the
    URL patterns; a newcomer trying `make run` reads that for a mistyped dossier address. The
    page people see in production is the one to see here. Innermost in MIDDLEWARE, so it sees
    a view's Http404 first and the resolver's 404 answer last.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.active = settings.DEBUG and not settings.DEBUG_TECHNICAL_404

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.active and response.status_code == 404 and request.resolver_match is None:
            # No URL pattern matched: the response is Django's technical page.
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if self.active and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
