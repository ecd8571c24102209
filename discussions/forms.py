from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.models import COMMENT_MAX_LENGTH, Comment, Flag


class CommentForm(forms.Form):
    """A new message, a reply or an edit; `parent` is the message answered, if any."""

    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown is accepted; mention a colleague with @ followed by their name."),
        error_messages={"required": _("Write a message before sending it.")},
    )

    # When editing: the version of the comment the form was built from (dossiers.versioning).
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    # Set by `refuse_stale`: the comment as saved since the form was built.
    current: Comment | None = None

    def __init__(self, *args: Any, parent: Comment | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parent = parent

    def refuse_stale(self, current: Comment) -> None:
        """The comment was saved elsewhere meanwhile: say so, show its text, keep the one
        typed, and base a second send on the current version (a choice made knowingly)."""
        self.current = current
        self.add_error(
            None,
            forms.ValidationError(
                _(
                    "This message was changed elsewhere (in another tab?) while you were "
                    "editing it: the text saved now is shown below. Yours is kept in the "
                    "form: save again to replace it."
                ),
                code="stale",
            ),
        )
        self.data = self.data.copy()
        self.data["version"] = current.version

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if len(body) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Your message is too long: %(max)s characters at most, it has %(count)s."),
                params={"max": COMMENT_MAX_LENGTH, "count": len(body)},
                code="max_length",
            )
        return body

    def clean(self) -> dict[str, Any]:
        if self.parent is not None and not self.parent.is_visible:
            raise forms.ValidationError(
                _("The message you reply to was deleted or hidden meanwhile: it takes no replies."),
                code="tombstone",
            )
        return self.cleaned_data


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Flag.Reason.choices)
    details = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the author (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
