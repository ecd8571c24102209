from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from search.models import SearchEntry

# Long enough to paste a quoted passage, short enough to keep the query cheap.
QUERY_MAX_LENGTH = 300


class QueryField(forms.CharField):
    """Text as typed, minus what no search can use: NUL and other control characters."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        return "".join(ch for ch in text if ch.isprintable() or ch in " \t")


class SearchForm(forms.Form):
    """The query and the kind facet; region, theme, tag and period come from the dossier
    list's own form (dossiers.forms.DossierFilterForm), so both pages share their meaning."""

    q = QueryField(
        required=False,
        max_length=QUERY_MAX_LENGTH,
        label=_("Search"),
        error_messages={
            "max_length": _("Your search is too long: keep it under %(limit_value)d characters.")
        },
    )
    kind = forms.ChoiceField(
        choices=[("", _("All kinds")), *SearchEntry.Kind.choices],
        required=False,
        label=_("Kind"),
    )
