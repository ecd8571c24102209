from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dossiers.models import Dossier, DossierQuerySet, Region, Theme

_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")


class DossierFilterForm(forms.Form):
    """The filters of the dossier list; unknown values become form errors, never a 500."""

    SORTS = {
        "recent": ("-published_on", "title"),
        "title": ("title",),
        "period": ("-period_end", "-period_start", "title"),
    }

    region = forms.ModelChoiceField(
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Region"),
        empty_label=_("All regions"),
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Theme"),
        empty_label=_("All themes"),
    )
    tag = forms.ModelChoiceField(
        queryset=Dossier.tags.none(),
        to_field_name="slug",
        required=False,
        label=_("Keyword"),
        empty_label=_("All keywords"),
    )
    period = forms.CharField(
        required=False,
        max_length=20,
        label=_("Period"),
        help_text=_("A year (2008) or a range (2000-2010)."),
        widget=forms.TextInput(attrs={"placeholder": "2000-2010", "inputmode": "numeric"}),
    )
    sort = forms.ChoiceField(
        choices=[
            ("recent", _("Most recent")),
            ("title", _("Title")),
            ("period", _("Period covered")),
        ],
        required=False,
        label=_("Sort by"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only keywords that some dossier `user` may read carries.
        self.fields["tag"].queryset = Dossier.objects.readable_by(user).keywords()

    def clean_period(self) -> tuple[int, int] | None:
        value = self.cleaned_data["period"]
        if not value:
            return None
        match = _PERIOD.match(value)
        if not match:
            raise forms.ValidationError(_("Enter a year (2008) or a range of years (2000-2010)."))
        start = int(match.group(1))
        end = int(match.group(2) or start)
        if start > end:
            raise forms.ValidationError(_("The range must start before it ends."))
        return start, end

    def filter(self, queryset: DossierQuerySet) -> DossierQuerySet:
        """Apply the valid filters; an invalid one is ignored (and shown as an error)."""
        data = self.cleaned_data if self.is_bound else {}
        if region := data.get("region"):
            queryset = queryset.filter(regions=region)
        if theme := data.get("theme"):
            queryset = queryset.filter(themes=theme)
        if tag := data.get("tag"):
            queryset = queryset.filter(tags=tag)
        if period := data.get("period"):
            start, end = period
            # Dossiers whose period overlaps the one asked for.
            queryset = queryset.filter(
                Q(period_start__lte=end) | Q(period_start__isnull=True),
                Q(period_end__gte=start) | Q(period_end__isnull=True),
            ).exclude(period_start__isnull=True, period_end__isnull=True)
        return queryset.order_by(*self.SORTS[data.get("sort") or "recent"])
