"""What the preview's « create » does: a draft dossier with its parts, or a new text for an
existing dossier. Both atomic; neither publishes anything."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.files import File
from django.db import transaction
from django.utils.text import slugify

from dossiers.models import CaseStudy, Dossier, Question, Recommendation
from importing.models import DocumentImport
from importing.structure import Plan, normalised

if TYPE_CHECKING:
    from accounts.models import User


def unique_slug(title: str) -> str:
    base = slugify(title)[:100].strip("-") or "dossier"
    slug, n = base, 2
    while Dossier.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def dossier_from_import(
    *, document: DocumentImport, user: User, fields: dict[str, Any], plan: Plan
) -> Dossier:
    """A draft dossier from the curator's corrected preview: its body, case studies,
    recommendations and questions in the document's order, the original file kept."""
    dossier = Dossier(
        title=fields["title"],
        slug=unique_slug(fields["title"]),
        summary=fields["summary"],
        author_names=fields.get("author_names") or "",
        period_start=fields.get("period_start"),
        period_end=fields.get("period_end"),
        body=plan.body,
        status=Dossier.Status.DRAFT,
        updated_by=user,
    )
    if document.kind == DocumentImport.Kind.PDF:
        _attach_pdf(dossier, document)
    dossier.save()
    _add_parts(dossier, plan, start=0)
    _done(document, dossier)
    return dossier


@transaction.atomic
def dossier_text_replace(
    *, document: DocumentImport, user: User, plan: Plan, base_version: int | None
) -> Dossier:
    """A new version of an existing dossier's text, through the same save as the admin's
    (claim_version, then save: the post_save receiver re-anchors every annotation on the
    new text, orphans included, never deleting one). A part whose title is found again gets
    the new text the same way; new parts are added; parts the new version lacks stay, for
    they carry discussions. Raises StaleEdit if the dossier was saved since the preview."""
    dossier = Dossier.objects.get(pk=document.dossier_id)
    dossier.claim_version(base_version)
    dossier.body = plan.body
    dossier.updated_by = user
    fields = ["body", "updated_by", "updated_at", "version"]
    if document.kind == DocumentImport.Kind.PDF:
        _attach_pdf(dossier, document)
        fields.append("original_file")
    dossier.save(update_fields=fields)
    _update_parts(dossier, plan)
    _done(document, dossier)
    return dossier


def _attach_pdf(dossier: Dossier, document: DocumentImport) -> None:
    """A PDF also becomes the dossier's own original file (the admin shows it)."""
    with document.original.open("rb") as stream:
        dossier.original_file.save(document.original_name, File(stream), save=False)


def _add_parts(dossier: Dossier, plan: Plan, *, start: int) -> None:
    for order, part in enumerate(plan.case_studies, start=start):
        CaseStudy.objects.create(dossier=dossier, order=order, title=part.title, body=part.body)
    for order, part in enumerate(plan.recommendations, start=start):
        Recommendation.objects.create(
            dossier=dossier, order=order, title=part.title, body=part.body
        )
    for order, part in enumerate(plan.questions, start=start):
        Question.objects.create(dossier=dossier, order=order, title=part.title, body=part.body)


def _update_parts(dossier: Dossier, plan: Plan) -> None:
    for model, parts in (
        (CaseStudy, plan.case_studies),
        (Recommendation, plan.recommendations),
        (Question, plan.questions),
    ):
        rows = list(model.objects.filter(dossier=dossier))
        existing = {normalised(row.title): row for row in rows}
        order = max((row.order for row in rows), default=0) + 1
        for part in parts:
            row = existing.get(normalised(part.title))
            if row is None:
                model.objects.create(dossier=dossier, order=order, title=part.title, body=part.body)
                order += 1
            elif row.body != part.body:
                row.claim_version(None)
                row.body = part.body
                row.save(update_fields=["body", "version"])


def _done(document: DocumentImport, dossier: Dossier) -> None:
    document.dossier = dossier
    document.status = DocumentImport.Status.DONE
    document.save(update_fields=["dossier", "status", "updated_at"])
