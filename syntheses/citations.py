"""What a synthesis cites: comments, annotations and field reports, by reference.

A synthesis's Markdown names each source as `[[c:123]]` (a message), `[[a:45]]` (an
annotation) or `[[r:6]]` (a field report, « retour »). One `SourceKind` record per letter
says which model it names, the citation's foreign key, when the source still shows (neither
withdrawn nor hidden) and where it is read; everything that maps sources reads them, so no
code spells a letter. A synthesis never cites another synthesis: there is no letter for one,
so no cycle can form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from discussions.targets import kind_named
from dossiers.markdown import render_markdown

# `[[c:123]]`: a letter naming the kind of source, a colon, its number.
REFERENCE = re.compile(r"\[\[([a-z]+):(\d{1,18})\]\]")
# A citation as the renderer writes it (see `render_synthesis`): a link whose whole text
# is its number in brackets. Only a real element matches (`<` is escaped in user text).
_CITATION_LINK = re.compile(r'<a href="[^"<>]*"[^<>]*>\[\d+\]</a>')
# Sources one synthesis may cite.
MAX_CITATIONS = 100


@dataclass(frozen=True)
class SourceKind:
    letter: str
    model_label: str
    # The foreign key of a Citation naming it (and the `related_name` of its back link).
    field: str
    # What still shows: a source not matching it was withdrawn or hidden since.
    shown: Callable[[], Q]
    # "message", for the picker and the list of sources.
    label: Promise
    # "no message", for the French error naming a reference to nothing.
    none: Promise
    # The registry kind whose own page shows it (discussions.targets); "" for a message,
    # whose permalink leads to wherever it is shown.
    page_kind: str = ""

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def ref(self, pk: int) -> str:
        return f"[[{self.letter}:{pk}]]"

    def permalink(self, pk: int) -> str:
        """Where the source is read: its own page, or a message's permalink."""
        if self.page_kind:
            return kind_named(self.page_kind).page_url(pk)
        return reverse("discussions:comment", kwargs={"pk": pk})


def _visible_comment() -> Q:
    return Q(state="visible")


def _shared_annotation() -> Q:
    return Q(visibility="shared", hidden=False)


def _visible_report() -> Q:
    return Q(state="visible")


SOURCES: tuple[SourceKind, ...] = (
    SourceKind(
        letter="c",
        model_label="discussions.Comment",
        field="comment",
        shown=_visible_comment,
        label=_("message"),
        none=_("no message"),
    ),
    SourceKind(
        letter="a",
        model_label="discussions.Annotation",
        field="annotation",
        shown=_shared_annotation,
        label=_("annotation"),
        none=_("no annotation"),
        page_kind="annotation",
    ),
    SourceKind(
        letter="r",
        model_label="learning.FieldReport",
        field="field_report",
        shown=_visible_report,
        label=_("field report"),
        none=_("no field report"),
        page_kind="retour",
    ),
)
SOURCE_FIELDS: tuple[str, ...] = tuple(kind.field for kind in SOURCES)
_BY_LETTER = {kind.letter: kind for kind in SOURCES}


def source_named(letter: str) -> SourceKind | None:
    return _BY_LETTER.get(letter)


def source_for(model_label: str) -> SourceKind:
    """The kind of source of a model ("discussions.Comment")."""
    return next(kind for kind in SOURCES if kind.model_label == model_label)


def source_of(row: Any) -> tuple[SourceKind, int]:
    """The kind and pk of the source a Citation names (the one foreign key set)."""
    for kind in SOURCES:
        pk = getattr(row, f"{kind.field}_id", None)
        if pk:
            return kind, pk
    raise ValueError("A citation names no source.")


def references(body: str) -> list[tuple[str, int]]:
    """The (letter, pk) of each reference in `body`, in order of first appearance."""
    seen: dict[tuple[str, int], None] = {}
    for match in REFERENCE.finditer(body or ""):
        seen.setdefault((match[1], int(match[2])), None)
    return list(seen)


def render_synthesis(body: str) -> str:
    """The sanitised HTML of a synthesis: each reference becomes its number, a link to the
    exact contribution, the same for every reader (what each may read of the source is
    the sources list's business, shown per reader).

    References become Markdown links before rendering, so they go through markdown-it and
    nh3 like any text; a known letter is all validation leaves."""
    numbers = {ref: number for number, ref in enumerate(references(body), start=1)}

    def link(match: re.Match[str]) -> str:
        kind = source_named(match[1])
        if kind is None:
            return match[0]
        number = numbers[(match[1], int(match[2]))]
        return f"[\\[{number}\\]]({kind.permalink(int(match[2]))})"

    html = render_markdown(REFERENCE.sub(link, body or "")).html
    return _CITATION_LINK.sub(lambda match: f'<sup class="citation">{match[0]}</sup>', html)
