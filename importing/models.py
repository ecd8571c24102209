"""An import: one uploaded document on its way to a draft dossier (or a new text for one)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier

# An import waiting or converting for longer than this has lost its worker.
STALLED_AFTER = timedelta(minutes=15)


def private_storage() -> FileSystemStorage:
    """Where uploads are kept: IMPORT_STORAGE_ROOT, a folder no web server serves (not
    MEDIA_ROOT). A callable, so the migration does not record a machine's path."""
    return FileSystemStorage(location=settings.IMPORT_STORAGE_ROOT, base_url=None)


class DocumentImportQuerySet(models.QuerySet["DocumentImport"]):
    def finished_for(self, dossier: Dossier) -> DocumentImportQuerySet:
        """The imports that made or replaced `dossier`'s text, the latest first (served by
        the index import_dossier_done)."""
        return self.filter(dossier=dossier, status=DocumentImport.Status.DONE).order_by(
            "-created_at", "-pk"
        )


class DocumentImport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the worker")
        RUNNING = "running", _("Converting")
        READY = "ready", _("Ready for preview")
        FAILED = "failed", _("Failed")
        DONE = "done", _("Dossier created")

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        DOCX = "docx", _("Word (.docx)")
        ODT = "odt", _("OpenDocument (.odt)")
        MARKDOWN = "md", _("Markdown")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    kind = models.CharField(_("format"), max_length=4, choices=Kind.choices)
    original = models.FileField(
        _("original file"), storage=private_storage, upload_to="%Y/%m/", max_length=255
    )
    # The name the curator's file had, shown and given back on download; never a path.
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    # Before the conversion: the dossier whose text this new version replaces (a
    # re-import), else none. After "create": the dossier made from it.
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imports",
    )
    # True when the file is a new version of `dossier`'s text, chosen at upload.
    reimport = models.BooleanField(_("new version of an existing dossier"), default=False)
    # Why the conversion failed, in French, for the status page.
    error = models.TextField(_("error"), blank=True)
    # What the converter gave (importing.extraction.Extraction), then the curator's edits.
    markdown = models.TextField(_("extracted text (Markdown)"), blank=True)
    title = models.CharField(_("title found"), max_length=500, blank=True)
    authors = models.JSONField(_("authors found"), default=list, blank=True)
    first_page_text = models.TextField(blank=True)
    page_count = models.PositiveIntegerField(default=0)
    notes = models.JSONField(_("conversion notes"), default=list, blank=True)
    # The curator's choice per heading ({section key: role}, importing.structure).
    roles = models.JSONField(default=dict, blank=True)
    # The curator's corrections of the dossier's fields on the preview (title, summary,
    # author_names, period_start, period_end), kept between two looks at it.
    corrections = models.JSONField(default=dict, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    objects = DocumentImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("document import")
        verbose_name_plural = _("document imports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "running", "ready", "failed", "done"]),
                name="documentimport_status_known",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["pdf", "docx", "odt", "md"]),
                name="documentimport_kind_known",
            ),
        ]
        indexes = [
            # The dossier page's « original document »: the latest finished import of it.
            models.Index(fields=["dossier", "status", "-created_at"], name="import_dossier_done"),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_waiting(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING) and not self.is_stalled

    @property
    def is_stalled(self) -> bool:
        """Waiting or converting for far longer than a conversion may take: the worker is
        not running, or died during the conversion (db_worker leaves its task RUNNING)."""
        if self.status not in (self.Status.PENDING, self.Status.RUNNING):
            return False
        return timezone.now() - self.updated_at > STALLED_AFTER
