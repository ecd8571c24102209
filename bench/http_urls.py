"""The site's URLs plus `/bench-floor`: the cheapest answer the stack can give (every
middleware, no session read, no query, no template), the floor the pages are compared with."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from ccfd_community.urls import urlpatterns as site_urlpatterns


@login_not_required
def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench-floor", floor), *site_urlpatterns]
