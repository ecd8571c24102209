"""Following a dossier and the notifications that follow from it."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from discussions import services
from discussions.access import notification_for
from discussions.models import Follow, Notification
from dossiers.access import dossier_for

NOTIFICATIONS_PAGE_SIZE = 30


@require_POST
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    dossier = dossier_for(request.user, slug)
    if request.POST.get("action") == "unfollow":
        services.follow_delete(user=request.user, dossier=dossier)
    else:
        services.follow_create(user=request.user, dossier=dossier)
    if request.htmx:
        following = Follow.objects.filter(user=request.user, dossier=dossier).exists()
        return render(
            request, "discussions/_follow.html", {"dossier": dossier, "following": following}
        )
    return redirect(dossier)


# --- Notifications --------------------------------------------------------------------


@require_GET
def notifications(request: HttpRequest) -> HttpResponse:
    listed = Notification.objects.for_recipient(request.user).with_places()
    page = Paginator(listed, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "discussions/notifications.html", {"page": page})


@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a notification: it is read, and its link opens."""
    notification = notification_for(request.user, pk)
    services.notifications_mark_read(user=request.user, pks=[notification.pk])
    return redirect(notification)


@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_read(user=request.user)
    messages.success(request, _("All your notifications are marked read."))
    return redirect("discussions:notifications")
