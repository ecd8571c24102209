"""The synthesis form: the text, checked reference by reference before anything is stored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from syntheses.citations import MAX_CITATIONS, SOURCES, references, source_named
from syntheses.models import SYNTHESIS_MAX_LENGTH

if TYPE_CHECKING:
    from accounts.models import User


class SynthesisForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Synthesis"),
        max_length=SYNTHESIS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 16, "data-synthesis-body": ""}),
        help_text=gettext_lazy(
            "Markdown. Cite a contribution by its reference: [[c:12]] a message, [[a:4]] an "
            "annotation, [[r:3]] a field report; the picker below inserts them."
        ),
    )
    # The version the form was built from (0: there was no synthesis yet): an edit from an
    # older one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, writer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.writer = writer

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        refs = references(body)
        if len(refs) > MAX_CITATIONS:
            raise ValidationError(
                _("A synthesis cites at most %(count)s contributions.") % {"count": MAX_CITATIONS}
            )
        errors = [*_unknown_letters(refs), *self._unreadable(refs)]
        if errors:
            raise ValidationError(errors)
        return body

    def _unreadable(self, refs: list[tuple[str, int]]) -> list[ValidationError]:
        """The references to nothing the writer may read that still shows: missing,
        withdrawn, hidden, or unreadable are one error, so existence is not revealed. One
        query per kind of source cited."""
        errors = []
        for kind in SOURCES:
            wanted = [pk for letter, pk in refs if letter == kind.letter]
            if not wanted:
                continue
            found = set(
                kind.model.objects.readable_by(self.writer)
                .filter(kind.shown(), pk__in=wanted)
                .values_list("pk", flat=True)
            )
            errors += [
                ValidationError(
                    _(
                        "“%(ref)s”: %(none)s with this number among the contributions you may "
                        "read (a withdrawn or hidden contribution is not cited)."
                    )
                    % {"ref": kind.ref(pk), "none": kind.none}
                )
                for pk in wanted
                if pk not in found
            ]
        return errors


def _unknown_letters(refs: list[tuple[str, int]]) -> list[ValidationError]:
    forms_known = ", ".join(kind.ref(0).replace("0", "…") for kind in SOURCES)
    return [
        ValidationError(
            _(
                "“[[%(letter)s:%(pk)s]]” is not a reference: cite %(forms)s. A synthesis "
                "does not cite another synthesis."
            )
            % {"letter": letter, "pk": pk, "forms": forms_known}
        )
        for letter, pk in refs
        if source_named(letter) is None
    ]
