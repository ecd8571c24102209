"""Syntheses in the admin: listed, searched, their versions (django-simple-history) and
their citations; edited through the same checks and service as the writing page
(`/syntheses/ecrire/…`), where they are created, beside the discussion and its picker."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from discussions.targets import COMMENT_FIELDS
from syntheses.citations import source_of
from syntheses.forms import SynthesisForm
from syntheses.models import Synthesis
from syntheses.services import synthesis_save


class SynthesisAdminForm(forms.ModelForm):
    class Meta:
        model = Synthesis
        fields = ["body"]

    def clean_body(self) -> str:
        """The writing page's checks: every reference known, readable by the curator who
        saves, and still shown."""
        checked = SynthesisForm({"body": self.cleaned_data["body"]}, writer=self.current_user)
        if not checked.is_valid():
            raise forms.ValidationError(checked.errors["body"])
        return checked.cleaned_data["body"]


@admin.register(Synthesis)
class SynthesisAdmin(SimpleHistoryAdmin):
    form = SynthesisAdminForm
    list_display = ["__str__", "dossier", "updated_by", "updated_at"]
    # The place a synthesis sums up names its discussion's target: joined, for its `str`.
    list_select_related = ["dossier", "updated_by", *COMMENT_FIELDS]
    search_fields = ["body", "dossier__title"]
    readonly_fields = ["dossier", "discussion", "written_by", "updated_by", "page_link", "sources"]

    @admin.display(description=_("page"))
    def page_link(self, obj: Synthesis) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("See it on the site"))

    @admin.display(description=_("sources"))
    def sources(self, obj: Synthesis) -> str:
        """The citations, rebuilt from the text on each save: shown, not edited."""
        return format_html_join(
            ", ",
            '[{}] <a href="{}">{}</a>',
            (
                (number, kind.permalink(pk), kind.ref(pk))
                for number, (kind, pk) in (
                    (citation.number, source_of(citation)) for citation in obj.citations.all()
                )
            ),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Written from its discussion, where the picker lists what to cite.
        return False

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        form.current_user = request.user
        return form

    def save_model(self, request: HttpRequest, obj: Synthesis, form: Any, change: bool) -> None:
        synthesis_save(writer=request.user, target=obj.target, body=form.cleaned_data["body"])

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Nothing: the service rebuilt the citations from the text."""
