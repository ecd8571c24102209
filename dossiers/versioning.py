"""Optimistic locking: an edit made from an older version of a row is refused instead of
being saved over the newer one.

Two curators open one dossier in the admin and both save: without a check the second save
replaces the first (both answer 302). A versioned row counts the edits people make in
`version`; each form or request sends back the version it was built from, and the write
claims the row with a conditional UPDATE (`Versioned.claim_version`) that matches no row once
someone else has saved, so of two edits from the same version exactly one wins. The other
gets its form back with what it typed and what changed meanwhile (`Conflict`: who, when,
which fields and a short word diff, from django-simple-history when the model keeps one).

A model gets all of it by inheriting `Versioned` (and a migration); its admin by using
`VersionedAdminForm` (with "base_version" in explicit `fields`); its own views by sending
the version back and calling `claim_version` in the service that saves. Why a field of our
own rather than django-concurrency: docs/architecture.md, "Concurrent edits".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from diff_match_patch import diff_match_patch
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _


class StaleEdit(Exception):
    """The row was saved by someone else since the version the edit was built from."""

    def __init__(self, row: models.Model) -> None:
        super().__init__(f"{type(row).__name__} {row.pk} changed since the edit began")
        self.row = row


class Versioned(models.Model):
    # The number of edits people made (admin, comment edit, annotation PATCH). Server-side
    # writes of what no form sends back (re-anchoring, moderation) leave it alone, so they
    # never make someone's edit fail. db_default: rows inserted by code that predates the
    # column (a deploy in progress) get 1 too.
    version = models.PositiveIntegerField(_("version"), default=1, db_default=1, editable=False)

    class Meta:
        abstract = True

    def claim_version(self, base: int | None) -> None:
        """Make the coming save version `base + 1`, or raise StaleEdit if the row is no
        longer at `base`, the version the person's form or request was built from (None:
        whatever it is now, for a client that sends none).

        Call it in the transaction of that save: the conditional UPDATE holds the row until
        commit, and a concurrent claim waits for it, then matches no row."""
        rows = type(self)._base_manager.filter(pk=self.pk)
        if base is None:
            base = rows.select_for_update(no_key=True).values_list("version", flat=True).get()
        if not rows.filter(version=base).update(version=base + 1):
            raise StaleEdit(self)
        self.version = base + 1


# --- What changed meanwhile ------------------------------------------------------------

# Characters of unchanged text kept on each side of a change in a word diff.
DIFF_CONTEXT = 40
# Changes shown in a word diff; more are summed up as "…".
DIFF_CHANGES = 5
# Text values shorter than this are shown whole ("before → after"), not as a diff.
SHORT_TEXT = 80


def unix_line_endings(value: Any) -> Any:
    """Browsers send a textarea's lines ended by CR LF; texts are stored with LF."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def word_diff(old: str, new: str, changes_shown: int = DIFF_CHANGES) -> list[tuple[str, str]]:
    """A short view of how `new` differs from `old`: ("removed" | "added" | "same", text)
    pieces, the unchanged text cut to a few words around each change ("…" beyond), at
    most `changes_shown` changes."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0.2  # two 10,000-word versions sharing most of their text: ~10 ms
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemantic(diffs)
    names = {dmp.DIFF_DELETE: "removed", dmp.DIFF_INSERT: "added", dmp.DIFF_EQUAL: "same"}
    pieces: list[tuple[str, str]] = []
    changes = 0
    for index, (op, text) in enumerate(diffs):
        if op != dmp.DIFF_EQUAL:
            changes += 1
            if changes > changes_shown:
                pieces.append(("same", " …"))
                break
            pieces.append((names[op], text))
            continue
        first, last = index == 0, index == len(diffs) - 1
        if len(text) > (DIFF_CONTEXT if first or last else 2 * DIFF_CONTEXT):
            # Whole words only: the one cut in two is left out.
            head = "" if first else text[:DIFF_CONTEXT].rsplit(" ", 1)[0] + " "
            tail = "" if last else " " + text[-DIFF_CONTEXT:].split(" ", 1)[-1]
            text = f"{head}…{tail}"
        pieces.append(("same", text))
    return pieces


@dataclass
class FieldChange:
    label: str
    # A word diff for long text; else the values before and after, as shown.
    pieces: list[tuple[str, str]] = field(default_factory=list)
    before: str = ""
    after: str = ""


@dataclass
class Conflict:
    """What happened to a row since the version a person's form was built from."""

    row: models.Model  # as saved now
    base: int
    # From django-simple-history; empty when the model keeps no history.
    editors: list[str] = field(default_factory=list)
    saved_at: datetime | None = None
    # The form's fields changed since `base` (known: from the history), or, without one,
    # those where the row as saved now differs from the form.
    changes: list[FieldChange] = field(default_factory=list)
    known: bool = False
    # Fields the person had not touched, which their form now shows as saved meanwhile.
    taken: list[str] = field(default_factory=list)

    @property
    def editor_names(self) -> str:
        return ", ".join(self.editors)


def _shown(model_field: models.Field, value: Any) -> str:
    """A value as a curator reads it: a choice's label, a related row's name."""
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    return str(value)


def _change(label: str, model_field: models.Field, before: Any, after: Any) -> FieldChange:
    if isinstance(before, str) and isinstance(after, str) and len(before + after) > SHORT_TEXT:
        return FieldChange(label, pieces=word_diff(before, after))
    return FieldChange(label, before=_shown(model_field, before), after=_shown(model_field, after))


# --- The admin ---------------------------------------------------------------------------


class BaseVersionField(forms.IntegerField):
    """The version the form was built from, sent back hidden."""

    widget = forms.HiddenInput

    def has_changed(self, initial: Any, data: Any) -> bool:
        return False  # where an edit started is no change of the row


class VersionedAdminForm(forms.ModelForm):
    """A change form that refuses to save over a version of its row saved since the form
    was built, for a model admin and for each row of an inline alike.

    What the person did is told from what they saw (the history record of the version the
    form was built from): a row they did not touch is saved as it is now (an inline row,
    not at all), so nobody's change is lost and nobody is refused for another's. Refused,
    the form keeps what they typed, shows the fields they had not touched as saved
    meanwhile (so that saving again loses nobody's change), and says who changed what.
    """

    base_version = BaseVersionField(required=False, min_value=1)

    # Set by `clean` when the row was saved since the form was built and the person
    # changed it too.
    conflict: Conflict | None = None
    # The row as saved now, read under lock by `clean`, and its fields to save as they are.
    _current: models.Model | None = None
    _keep: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("base_version", self.instance.version)
        if self.is_bound:
            # Browsers end a textarea's lines with CR LF: saved as such, every text would
            # differ from its last version on every line, and count as changed when it was
            # not touched (a phantom change in the history).
            self.data = self.data.copy()
            for key, values in self.data.lists():
                self.data.setlist(key, [unix_line_endings(value) for value in values])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        model = type(self.instance)
        # Locked until the admin's transaction ends (FOR NO KEY UPDATE, which lets other
        # rows' foreign-key checks through): a concurrent save of this row waits, then
        # finds this one's version.
        current = model._base_manager.select_for_update(no_key=True).get(pk=self.instance.pk)
        self._current = current
        # What the form does not show is saved as it is now (re-anchoring, moderation).
        self._keep = tuple(f.name for f in model._meta.concrete_fields if f.name not in self.fields)
        base = cleaned.get("base_version")
        if base is not None and base != current.version:
            seen = self._seen(current, base)
            if self._touched(seen):
                self.conflict = self._conflict(current, base, seen)
                raise ValidationError(
                    render_to_string("dossiers/_edit_conflict.html", {"conflict": self.conflict}),
                    code="stale",
                )
            # Untouched here: nothing of what was posted (an older version) is saved.
            self.changed_data = []
            self._keep = tuple(f.name for f in model._meta.concrete_fields)
        cleaned["base_version"] = current.version
        return cleaned

    def _post_clean(self) -> None:
        super()._post_clean()
        for name in self._keep:
            attname = self.instance._meta.get_field(name).attname
            setattr(self.instance, attname, getattr(self._current, attname))

    def save(self, commit: bool = True) -> Any:
        # A new version only for a change. The conditional UPDATE: where the database has
        # no row lock (SQLite), a save that slipped past `clean` fails here (StaleEdit, the
        # transaction rolls back) rather than overwrite.
        if self.instance.pk is not None and self.has_changed():
            self.instance.claim_version(self.cleaned_data.get("base_version"))
        return super().save(commit)

    def _seen(self, current: models.Model, base: int) -> Any:
        """The history record of version `base`, what the person saw; None without one."""
        history = getattr(current, "history", None)
        if history is None:
            return None
        return history.filter(version=base).order_by("-history_id").first()

    def _model_field(self, name: str) -> models.Field | None:
        """The row's column behind a form field (not a many-to-many, which the history
        does not keep); None for the others."""
        try:
            model_field = self.instance._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return model_field if model_field.concrete and not model_field.many_to_many else None

    def _touched(self, seen: Any) -> list[str]:
        """The fields the person changed: from what they saw (`seen`) when the history
        knows it, else from the row as it is now."""
        touched = []
        for name, form_field in self.fields.items():
            model_field = self._model_field(name)
            if seen is not None and model_field is not None:
                before = getattr(seen, model_field.attname)
                changed = form_field.has_changed(before, self[name].data)
            else:
                changed = name in self.changed_data
            if changed:
                touched.append(name)
        return touched

    def _conflict(self, current: models.Model, base: int, seen: Any) -> Conflict:
        conflict = Conflict(row=current, base=base, known=seen is not None)
        history = getattr(current, "history", None)
        if history is not None:
            later = history.filter(version__gt=base).select_related("history_user")
            for record in later.order_by("history_id"):
                user = record.history_user
                name = user.get_full_name() if user is not None else str(_("someone"))
                if name not in conflict.editors:
                    conflict.editors.append(name)
                conflict.saved_at = record.history_date
        for name, form_field in self.fields.items():
            model_field = self._model_field(name)
            if model_field is None:
                continue
            now = getattr(current, model_field.attname)
            label = str(form_field.label or model_field.verbose_name)
            typed = self[name].data
            if seen is None:
                if form_field.has_changed(now, typed):
                    conflict.changes.append(FieldChange(label))
                continue
            before = getattr(seen, model_field.attname)
            if before == now:
                continue
            conflict.changes.append(_change(label, model_field, before, now))
            if not form_field.has_changed(before, typed) and self._take(name, form_field, now):
                conflict.taken.append(label)
        # Saving again is then a choice made knowing the newer version.
        self._set_data("base_version", current.version)
        return conflict

    def _take(self, name: str, form_field: forms.Field, value: Any) -> bool:
        """Show `value`, saved meanwhile, in place of the untouched one; False for the
        widgets whose posted value is not one string (checkbox, file, several choices)."""
        if isinstance(form_field, (forms.BooleanField, forms.FileField, forms.MultipleChoiceField)):
            return False
        shown = form_field.widget.format_value(form_field.prepare_value(value))
        if isinstance(shown, list):
            shown = shown[0] if shown else ""
        self._set_data(name, "" if shown is None else shown)
        return True

    def _set_data(self, name: str, value: Any) -> None:
        if not getattr(self.data, "_mutable", True):
            self.data = self.data.copy()
        self.data[self.add_prefix(name)] = value
