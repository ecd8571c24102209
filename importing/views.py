"""The import pages, in the admin: upload, status (refreshing itself), preview and create;
and the download of an imported original on the dossier page, for its readers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dossiers.access import dossier_for
from dossiers.models import Dossier
from dossiers.versioning import StaleEdit
from importing.access import import_for, importer_required
from importing.forms import PreviewForm, UploadForm, text_digest
from importing.models import DocumentImport
from importing.services import dossier_from_import, dossier_text_replace
from importing.structure import Plan, guess, plan, sections_of
from importing.tasks import import_convert

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "md": "text/markdown; charset=utf-8",
}


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context = {
        **admin.site.each_context(request),
        "opts": Dossier._meta,
        "app_label": "dossiers",
        **context,
    }
    return render(request, f"importing/{template}", context)


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    importer_required(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        target = form.cleaned_data["dossier"]
        document = DocumentImport(
            created_by=request.user,
            kind=upload.kind,
            original_name=upload.name[:255],
            size=upload.size,
            dossier=target,
            reimport=target is not None,
        )
        document.original.save(upload.name, upload, save=False)
        document.save()
        transaction.on_commit(lambda: import_convert.enqueue(document.pk))
        return redirect("admin:importing:status", pk=document.pk)
    recent = DocumentImport.objects.select_related("dossier", "created_by")[:10]
    return _page(
        request,
        "upload.html",
        {
            "form": form,
            "recent": recent,
            "max_size": settings.IMPORT_MAX_UPLOAD_BYTES,
            "title": _("Import a document"),
        },
    )


@require_GET
def status(request: HttpRequest, pk: int) -> HttpResponse:
    document = import_for(request.user, pk)
    if document.status == DocumentImport.Status.READY:
        return redirect("admin:importing:preview", pk=document.pk)
    return _page(
        request,
        "status.html",
        {"document": document, "title": _("Import of “%s”") % document.original_name},
    )


@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    document = import_for(request.user, pk)
    if document.status != DocumentImport.Status.READY:
        return redirect("admin:importing:status", pk=document.pk)
    # Guessing the fields reads the whole text: once per request.
    initial = _initial(document)
    if request.method == "POST":
        return _preview_post(request, document, initial)
    proposed = plan(document.markdown, document.roles, title=initial["title"])
    form = PreviewForm(
        initial={
            **initial,
            "markdown": document.markdown,
            "digest": text_digest(document.markdown),
            "base_version": document.dossier.version if document.reimport else None,
        },
        sections=proposed.sections,
        reimport=document.reimport,
    )
    return _preview_page(request, document, form, proposed)


def _preview_post(
    request: HttpRequest, document: DocumentImport, initial: dict[str, Any]
) -> HttpResponse:
    posted = PreviewForm(
        request.POST,
        initial=initial,
        sections=sections_of(document.markdown),
        reimport=document.reimport,
    )
    if not posted.is_valid():
        proposed = plan(document.markdown, document.roles, title=initial["title"])
        posted.sections = proposed.sections
        return _preview_page(request, document, posted, proposed, status=400)
    markdown = posted.cleaned_data["markdown"]
    document.markdown = markdown
    document.roles = {**document.roles, **posted.roles()}
    if not document.reimport:
        document.corrections = posted.corrections()
    document.save(update_fields=["markdown", "roles", "corrections", "updated_at"])
    if request.POST.get("action") != "create":
        return redirect("admin:importing:preview", pk=document.pk)
    if text_digest(markdown) != posted.cleaned_data["digest"]:
        messages.warning(
            request,
            _("The text changed since this preview: check the structure proposed, then create."),
        )
        return redirect("admin:importing:preview", pk=document.pk)
    return _create(request, document, posted, initial)


def _create(
    request: HttpRequest, document: DocumentImport, form: PreviewForm, initial: dict[str, Any]
) -> HttpResponse:
    fields = initial if document.reimport else form.cleaned_data
    proposed = plan(document.markdown, document.roles, title=fields["title"])
    if document.reimport:
        try:
            dossier = dossier_text_replace(
                document=document,
                user=request.user,
                plan=proposed,
                base_version=form.cleaned_data.get("base_version"),
            )
        except StaleEdit:
            messages.error(
                request,
                _("The dossier was saved by someone else since this preview: look again."),
            )
            return redirect("admin:importing:preview", pk=document.pk)
        messages.success(request, _("The dossier's text was replaced; its annotations followed."))
    else:
        dossier = dossier_from_import(
            document=document, user=request.user, fields=fields, plan=proposed
        )
        messages.success(request, _("Draft dossier created: check it, then publish it."))
    return redirect("admin:dossiers_dossier_change", dossier.pk)


def _initial(document: DocumentImport) -> dict[str, Any]:
    """The dossier's fields: the curator's corrections, else what the document suggests (a
    re-import shows the dossier's own)."""
    if document.reimport:
        dossier = document.dossier
        return {
            "title": dossier.title,
            "summary": dossier.summary,
            "author_names": dossier.author_names,
            "period_start": dossier.period_start,
            "period_end": dossier.period_end,
        }
    if document.corrections:
        return dict(document.corrections)
    found = guess(
        markdown=document.markdown,
        title=document.title,
        authors=document.authors,
        first_page=document.first_page_text,
        name=document.original_name,
    )
    return {
        "title": found.title,
        "summary": found.summary,
        "author_names": "\n".join(found.authors),
        "period_start": found.period_start,
        "period_end": found.period_end,
    }


def _preview_page(
    request: HttpRequest,
    document: DocumentImport,
    form: PreviewForm,
    proposed: Plan,
    status: int = 200,
) -> HttpResponse:
    response = _page(
        request,
        "preview.html",
        {
            "document": document,
            "form": form,
            "plan": proposed,
            "title": _("Preview of “%s”") % document.original_name,
        },
    )
    response.status_code = status
    return response


@require_GET
def imported_original(request: HttpRequest, slug: str) -> FileResponse:
    """The file a dossier was imported from, behind the dossier's own gate; always as a
    download (never shown in the browser, whatever it holds)."""
    dossier = dossier_for(request.user, slug)
    document = DocumentImport.objects.finished_for(dossier).first()
    if document is None or not document.original:
        raise Http404(_("This dossier has no imported original."))
    try:
        stream = document.original.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("This dossier has no imported original.")) from error
    return FileResponse(
        stream,
        as_attachment=True,
        filename=f"{dossier.slug}.{document.kind}",
        content_type=CONTENT_TYPES[document.kind],
    )
