"""The contributions of a discussion a curator may cite, listed beside the synthesis editor
(the picker inserts their references): the discussion's messages, the annotations of its
text when it has one, and the field reports about it. What the writer may read and that
still shows, newest first, in one query per kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.text import Truncator

from discussions.models import Annotation, Comment
from discussions.targets import ANNOTATION_FIELDS, kind_of, target_filter
from dossiers.markdown import html_text
from syntheses.citations import SourceKind, source_for

if TYPE_CHECKING:
    from accounts.models import User

# Contributions of each kind listed; older ones are cited by typing their reference.
LISTED = 200
EXCERPT_WORDS = 30


@dataclass
class Citable:
    kind: SourceKind
    pk: int
    author: str
    created_at: datetime
    excerpt: str

    @property
    def ref(self) -> str:
        return self.kind.ref(self.pk)


def citable_contributions(user: User, target: models.Model) -> list[Citable]:
    comments = Comment.objects.readable_by(user).on_target(target)
    listed = [(source_for("discussions.Comment"), comments)]
    if kind_of(target).annotatable:
        annotations = Annotation.objects.readable_by(user).filter(
            target_filter(target, ANNOTATION_FIELDS)
        )
        listed.append((source_for("discussions.Annotation"), annotations))
    reports = getattr(target, "field_reports", None)  # a recommendation's, a dossier's…
    if reports is not None:
        listed.append(
            (
                source_for("learning.FieldReport"),
                reports.model.objects.readable_by(user).filter(pk__in=reports.values("pk")),
            )
        )
    items: list[Citable] = []
    for kind, queryset in listed:
        rows = queryset.filter(kind.shown()).select_related("author").order_by("-created_at")
        items += [_citable(kind, row) for row in rows[:LISTED]]
    return items


def _citable(kind: SourceKind, row: Any) -> Citable:
    text = getattr(row, "title", "") or html_text(row.body_html) or getattr(row, "exact", "")
    return Citable(
        kind=kind,
        pk=row.pk,
        author=row.author.get_display_name(),
        created_at=row.created_at,
        excerpt=Truncator(" ".join(text.split())).words(EXCERPT_WORDS),
    )
