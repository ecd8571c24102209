"""The admin's history of a dossier, read by people: what changed in a text word by word,
why (the reason the curator gave), and no change that is not one.

django-simple-history's history page shows each field's old and new values shortened to
100 characters (« ## Po[45 chars]ons… [8190 chars]rale. »), a foreign key that was empty as
« Deleted utilisateur (pk=None) », and an empty reason as « None ». Its page and template
are kept; only the way a change is put into words differs, here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper

from dossiers.versioning import unix_line_endings, word_diff

# The most changes of one text shown in one version (a rewritten text would otherwise
# print itself twice); more are summed up as « … ».
HISTORY_CHANGES_SHOWN = 30


def same_text(old: Any, new: Any) -> bool:
    """Two values that differ only by their line endings are the same text."""
    return unix_line_endings(old) == unix_line_endings(new)


def text_change_html(old: str, new: str) -> tuple[SafeString, SafeString]:
    """The passages around each change: in the old text the words removed (`<del>`), in the
    new one the words added (`<ins>`), every word escaped."""
    pieces = word_diff(unix_line_endings(old), unix_line_endings(new), HISTORY_CHANGES_SHOWN)
    tags = {"removed": "<del>{}</del>", "added": "<ins>{}</ins>", "same": "{}"}

    def side(left_out: str) -> SafeString:
        shown = ((tags[kind], text) for kind, text in pieces if kind != left_out)
        inner = format_html_join("", "{}", ((format_html(tag, text),) for tag, text in shown))
        return format_html('<span class="word-diff">{}</span>', inner)

    return side("added"), side("removed")


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """Texts as a word diff, an empty value as « — », a deleted row as « supprimé »."""

    def prepare_delta_change_value(self, change: ModelChange, value: Any) -> Any:
        if value is None or value == "":
            return "—"
        if isinstance(value, DeletedObject):
            if value.pk is None:
                return "—"
            return _("deleted (no. %(pk)s)") % {"pk": value.pk}
        return super().prepare_delta_change_value(change, value)

    def stringify_delta_change_values(
        self, change: ModelChange, old: Any, new: Any
    ) -> tuple[SafeString, SafeString]:
        field = self.model._meta.get_field(change.field)
        if isinstance(field, models.TextField) and isinstance(old, str) and isinstance(new, str):
            return text_change_html("" if old == "—" else old, "" if new == "—" else new)
        return super().stringify_delta_change_values(change, old, new)


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history page reads as above, and whose change form's
    reason (`change_reason`, when the form has one) is kept with the version of the row
    and of the inline rows saved with it."""

    def get_historical_record_context_helper(
        self, request: Any, historical_record: Any
    ) -> HistoricalRecordContextHelper:
        return ReadableHistoryHelper(self.model, historical_record)

    def set_history_delta_changes(self, request: Any, historical_records: Any, **kwargs: Any):
        records = list(historical_records)  # newest first
        for newer, older in zip(records, records[1:], strict=False):
            delta = newer.diff_against(older, foreign_keys_are_objs=True)
            # Versions saved before texts were stored with LF differ from the next one by
            # their line endings only: not a change.
            changes = [c for c in delta.changes if not same_text(c.old, c.new)]
            delta = dataclasses.replace(delta, changes=changes)
            helper = self.get_historical_record_context_helper(request, newer)
            newer.history_delta_changes = helper.context_for_delta_changes(delta)
        for record in records:
            record.history_change_reason = record.history_change_reason or ""

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        obj._change_reason = form.cleaned_data.get("change_reason") or None
        super().save_model(request, obj, form, change)

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        reason = form.cleaned_data.get("change_reason") or None
        for inline_form in formset.forms:
            inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)


def change_reason_field() -> forms.CharField:
    """The optional « reason for the change » of a change form, kept with the version."""
    return forms.CharField(
        required=False,
        max_length=100,
        label=gettext_lazy("reason for the change"),
        help_text=gettext_lazy(
            "Optional; shown in the history beside this version (at most 100 characters)."
        ),
    )
