"""A synthesis's page and the page where a curator writes it, with a preview."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from discussions.targets import kind_of, target_fields
from dossiers.versioning import StaleEdit
from syntheses.access import discussion_for_synthesis, synthesis_for
from syntheses.citations import render_synthesis
from syntheses.forms import SynthesisForm
from syntheses.models import Synthesis
from syntheses.picker import citable_contributions
from syntheses.services import synthesis_save
from syntheses.shown import shown_syntheses

# Versions listed on a synthesis's page, newest first.
VERSIONS_SHOWN = 20


@require_GET
def synthesis_detail(request: HttpRequest, pk: int) -> HttpResponse:
    synthesis = synthesis_for(request.user, pk)
    [shown] = shown_syntheses(request.user, [synthesis])
    versions = synthesis.history.select_related("history_user").order_by("-history_id")
    return render(
        request,
        "syntheses/detail.html",
        {
            "shown": shown,
            "synthesis": synthesis,
            "versions": versions[:VERSIONS_SHOWN],
        },
    )


@require_http_methods(["GET", "POST"])
def synthesis_write(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Write or rewrite the synthesis of a discussion. « Aperçu » shows the text as it will
    read and stores nothing; « Publier » stores it if every reference is valid."""
    target = discussion_for_synthesis(request.user, kind, pk)
    existing = Synthesis.objects.filter(discussion=kind_of(target).key(target.pk)).first()
    initial = {"body": existing.body, "version": existing.version} if existing else {"version": 0}
    form = SynthesisForm(request.POST or None, initial=initial, writer=request.user)
    preview = conflict = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_synthesis(form.cleaned_data["body"])
        else:
            try:
                synthesis = synthesis_save(
                    writer=request.user,
                    target=target,
                    body=form.cleaned_data["body"],
                    version=form.cleaned_data["version"],
                )
            except StaleEdit as error:
                conflict = error.row
            else:
                return redirect(synthesis)
    return render(
        request,
        "syntheses/write.html",
        _write_context(request, target, form, existing, preview=preview, conflict=conflict),
        status=409 if conflict else 200,
    )


def _write_context(
    request: HttpRequest,
    target: models.Model,
    form: SynthesisForm,
    existing: Synthesis | None,
    **extra: Any,
) -> dict[str, Any]:
    place = Synthesis(**target_fields(target))
    return {
        "form": form,
        "target": target,
        "existing": existing,
        "place": place.place(),
        "discussion_url": place.discussion_url(),
        "contributions": citable_contributions(request.user, target),
        **extra,
    }
