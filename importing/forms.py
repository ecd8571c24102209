"""The upload form and the preview's corrections."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from dossiers.models import YEAR_VALIDATORS, Dossier
from importing.files import DAMAGED_ZIP, EXTENSIONS, Kind, kind_from_content, kind_from_name
from importing.structure import ROLE_CHOICES, Section


def text_digest(markdown: str) -> str:
    return hashlib.sha256(markdown.encode()).hexdigest()


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("A .pdf, .docx, .odt or .md file."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    dossier = forms.ModelChoiceField(
        queryset=Dossier.objects.order_by("title"),
        required=False,
        label=_("New version of the text of"),
        help_text=_(
            "Leave empty to create a new draft dossier. Choose a dossier to replace its text "
            "with this version: its annotations are re-anchored, none is lost."
        ),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("This file weighs %(size)s; the limit is %(limit)s."),
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES),
                },
                code="too_large",
            )
        expected = kind_from_name(upload.name or "")
        if expected is None:
            raise forms.ValidationError(
                _("Only .pdf, .docx, .odt and .md files can be imported."), code="extension"
            )
        found = kind_from_content(upload.file)
        if found == DAMAGED_ZIP and expected in (Kind.DOCX, Kind.ODT):
            found = expected  # damaged: the conversion says so on the status page
        if found != expected:
            raise forms.ValidationError(
                _("“%(name)s” is not a %(kind)s file: its content does not match its name."),
                params={"name": upload.name, "kind": Kind(expected).label},
                code="content",
            )
        upload.kind = expected  # type: ignore[attr-defined]
        return upload


class PreviewForm(forms.Form):
    """The dossier's fields as guessed, the text, and a role per heading (`role:<key>`)."""

    title = forms.CharField(
        label=_("Title"), max_length=255, widget=forms.TextInput(attrs={"size": 80})
    )
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    author_names = forms.CharField(
        label=_("Authors"),
        help_text=_("One per line."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    period_start = forms.IntegerField(
        label=_("Period start (year)"), required=False, validators=YEAR_VALIDATORS
    )
    period_end = forms.IntegerField(
        label=_("Period end (year)"), required=False, validators=YEAR_VALIDATORS
    )
    markdown = forms.CharField(
        label=_("Extracted text (Markdown)"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 40, "class": "import-markdown"}),
    )
    # The text the structure shown was computed from: a create over another text is sent
    # back to the preview first.
    digest = forms.CharField(widget=forms.HiddenInput)
    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    METADATA = ("title", "summary", "author_names", "period_start", "period_end")

    def __init__(self, *args: Any, sections: list[Section], reimport: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            self.fields[f"role:{section.key}"] = forms.ChoiceField(
                label=section.heading,
                choices=ROLE_CHOICES,
                required=False,
                initial=section.role,
            )
        if reimport:
            for name in self.METADATA:
                self.fields[name].required = False
                self.fields[name].disabled = True

    def clean_markdown(self) -> str:
        # Browsers send a textarea's lines ended by CRLF.
        return self.cleaned_data["markdown"].replace("\r\n", "\n").replace("\r", "\n")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return data

    def roles(self) -> dict[str, str]:
        """The role chosen for each heading, by its key."""
        return {
            name.split(":", 1)[1]: value
            for name, value in self.cleaned_data.items()
            if name.startswith("role:") and value
        }

    def role_fields(self) -> list[tuple[Section, forms.BoundField]]:
        return [(section, self[f"role:{section.key}"]) for section in self.sections]

    def corrections(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.METADATA}
