"""Forms of the learning loop: a status change, a field report, the overview's filters.
They validate and normalise; the services write."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dossiers.models import CaseStudy, Dossier, Region
from learning.models import (
    NEXT_STATUSES,
    REASON_REQUIRED,
    REPORT_TEXT_MAX_LENGTH,
    YEAR_MIN,
    FieldReport,
    Status,
)

if TYPE_CHECKING:
    from accounts.models import User


def _too_long(text: str) -> None:
    if len(text) > REPORT_TEXT_MAX_LENGTH:
        raise forms.ValidationError(
            _("This text is too long: %(max)s characters at most, it has %(count)s."),
            params={"max": REPORT_TEXT_MAX_LENGTH, "count": len(text)},
            code="max_length",
        )


class StatusChangeForm(forms.Form):
    """A curator moves a recommendation on in its lifecycle; `current` is where it is."""

    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for « adaptée » and « non retenue »: say why."),
    )
    responsible = forms.CharField(
        label=_("Responsible person or service"), required=False, max_length=200
    )

    def __init__(self, *args: Any, current: str = Status.PROPOSED, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current = current
        # The usual next step first: the order of NEXT_STATUSES.
        labels = dict(Status.choices)
        self.fields["status"].choices = [
            (value, labels[value]) for value in NEXT_STATUSES.get(current, ())
        ]
        self.fields["status"].error_messages["invalid_choice"] = _(
            "A recommendation cannot go from this status to that one."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["note"] = (data.get("note") or "").strip()
        if data.get("status") in REASON_REQUIRED and not data["note"]:
            self.add_error("note", _("Say why in the note: it is required for this status."))
        return data


class FieldReportForm(forms.ModelForm):
    """A member's report of applying a recommendation. The links offered (a case study,
    another dossier) are among what the author may read; anything else is refused."""

    class Meta:
        model = FieldReport
        fields = [
            "title",
            "country",
            "region",
            "partner",
            "partner_confidential",
            "year_start",
            "year_end",
            "body",
            "outcome",
            "lessons",
            "case_study",
            "related_dossier",
        ]
        labels = {
            "title": _("In a few words"),
            "body": _("What was done"),
            "lessons": _("Lessons for colleagues"),
            "partner": _("With which partner (optional)"),
            "partner_confidential": _("Do not name this partner (sensitive context)"),
        }
        help_texts = {
            "body": _("Markdown is accepted."),
            "lessons": _("Markdown is accepted."),
            "year_end": _("Leave empty for a single year."),
            "partner_confidential": _("Only you will see the partner's name."),
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": _("Give your report a short title.")},
            "body": {"required": _("Describe what was done before sending.")},
            "outcome": {
                "required": _("Choose an outcome."),
                "invalid_choice": _("Choose one of the outcomes listed."),
            },
            "year_start": {"required": _("Say when it took place (a year).")},
            "case_study": {
                "invalid_choice": _("This case study does not exist or you may not read it.")
            },
            "related_dossier": {
                "invalid_choice": _("This dossier does not exist or you may not read it.")
            },
            "region": {"invalid_choice": _("Choose one of the regions listed.")},
        }

    # When editing: the version of the report the form was built from (dossiers.versioning).
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    # Set by `refuse_stale`: the report as saved since the form was built.
    current: FieldReport | None = None

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].required = True
        self.fields["region"].queryset = Region.objects.all()
        self.fields["case_study"].queryset = CaseStudy.objects.readable_by(user).order_by(
            "dossier__title", "order"
        )
        self.fields["case_study"].label_from_instance = lambda case: (
            f"{case.dossier.title} — {case.title}"
        )
        self.fields["related_dossier"].queryset = Dossier.objects.visible_to(user).order_by("title")
        self.fields["outcome"].choices = FieldReport.Outcome.choices
        for name in ("region", "case_study", "related_dossier"):
            self.fields[name].empty_label = "—"
        last = timezone.now().year + 1
        for name in ("year_start", "year_end"):
            self.fields[name].widget.attrs.update({"min": YEAR_MIN, "max": last})

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        _too_long(body)
        return body

    def clean_lessons(self) -> str:
        lessons = self.cleaned_data["lessons"].strip()
        _too_long(lessons)
        return lessons

    def _clean_year(self, name: str) -> int | None:
        year = self.cleaned_data.get(name)
        last = timezone.now().year + 1
        if year is not None and not YEAR_MIN <= year <= last:
            raise forms.ValidationError(
                _("Enter a year between %(first)s and %(last)s."),
                params={"first": YEAR_MIN, "last": last},
                code="year_range",
            )
        return year

    def clean_year_start(self) -> int | None:
        return self._clean_year("year_start")

    def clean_year_end(self) -> int | None:
        return self._clean_year("year_end")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("year_start"), data.get("year_end")
        if start and end and end < start:
            self.add_error("year_end", _("The period cannot end before it starts."))
        return data

    def refuse_stale(self, current: FieldReport) -> None:
        """The report was saved elsewhere meanwhile: say so, show what it says now, keep
        what was typed, and base a second send on the current version."""
        self.current = current
        self.add_error(
            None,
            forms.ValidationError(
                _(
                    "This field report was changed elsewhere (in another tab?) while you were "
                    "editing it: what it says now is shown above. Yours is kept in the form: "
                    "save again to replace it."
                ),
                code="stale",
            ),
        )
        self.data = self.data.copy()
        self.data["version"] = current.version

    def report_fields(self) -> dict[str, Any]:
        """The cleaned values the services store."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
