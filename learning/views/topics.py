"""Theme and region pages, and following a theme or a region."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from discussions import services
from dossiers.models import Region, Theme
from learning.topics import Topic, topic_page


def _page(request: HttpRequest, topic: Topic) -> HttpResponse:
    return render(
        request, "learning/topic.html", {"topic": topic, **topic_page(request.user, topic)}
    )


def _follow(request: HttpRequest, topic: Topic) -> HttpResponse:
    """Follow or stop following; the button swaps in place with htmx."""
    if request.POST.get("action") == "unfollow":
        services.follow_delete(user=request.user, **topic.follow)
    else:
        services.follow_create(user=request.user, **topic.follow)
    if request.htmx:
        return render(
            request,
            "learning/_topic_follow.html",
            {"topic": topic, "following": topic.is_followed_by(request.user)},
        )
    return redirect(topic.url)


@require_GET
def theme(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, Topic(get_object_or_404(Theme, slug=slug), "theme"))


@require_GET
def region(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, Topic(get_object_or_404(Region, slug=slug), "region"))


@require_POST
def theme_follow(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, Topic(get_object_or_404(Theme, slug=slug), "theme"))


@require_POST
def region_follow(request: HttpRequest, slug: str) -> HttpResponse:
    return _follow(request, Topic(get_object_or_404(Region, slug=slug), "region"))
