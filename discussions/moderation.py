"""The moderation queue: open reports grouped by contribution, and what was hidden lately.

Built on the gates: a moderator sees there only what they may read elsewhere (a draft's
messages only if they are also a curator; never a private note), so every action it offers
leads to a page that answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from discussions.access import moderator_required
from discussions.models import Annotation, Comment, Flag
from dossiers.models import long_columns

if TYPE_CHECKING:
    from accounts.models import User

# Recently hidden contributions listed, of each kind.
RECENT_SIZE = 30


@dataclass
class ReportedItem:
    """A reported contribution, its open reports and what a moderator may do with it."""

    contribution: Comment | Annotation
    flags: list[Flag] = field(default_factory=list)
    # Empty once hidden: then only restoring it, from the list of hidden ones, applies.
    hide_url: str = ""
    dismiss_url: str = ""


@dataclass
class Queue:
    reported: list[ReportedItem]
    reported_annotations: list[ReportedItem]
    reported_field_reports: list[ReportedItem]
    hidden: list[Comment]
    hidden_annotations: list[Annotation]
    hidden_field_reports: list[Any]


def moderation_queue_for(user: User) -> Queue:
    """The queue as `user` (a moderator, else 403) may work it, in seven queries."""
    from learning.models import FieldReport

    moderator_required(user)
    comments = Comment.objects.readable_by(user)
    annotations = Annotation.objects.moderatable_by(user)
    field_reports = FieldReport.objects.readable_by(user)
    items = _reported(
        {"comment": comments, "annotation": annotations, "field_report": field_reports}
    )
    return Queue(
        reported=[item for item in items if isinstance(item.contribution, Comment)],
        reported_annotations=[item for item in items if isinstance(item.contribution, Annotation)],
        reported_field_reports=[
            item for item in items if isinstance(item.contribution, FieldReport)
        ],
        hidden=_recent(comments.filter(state=Comment.State.HIDDEN)),
        hidden_annotations=_recent(annotations.filter(hidden=True)),
        hidden_field_reports=_recent(field_reports.filter(state=FieldReport.State.HIDDEN)),
    )


def _reported(readable: dict[str, QuerySet]) -> list[ReportedItem]:
    """The open reports on what the moderator may read, one item per contribution, oldest
    report first; `readable` maps each Flag field to the readable contributions."""
    condition = Q()
    for name, queryset in readable.items():
        condition |= Q(**{f"{name}__in": queryset})
    flags = (
        Flag.objects.filter(resolution=Flag.Resolution.OPEN)
        .filter(condition)
        .select_related(
            "reporter",
            *(f"{name}__{related}" for name in readable for related in ("author", "dossier")),
        )
        .defer(*(column for name in readable for column in long_columns(f"{name}__dossier__")))
        .order_by("created_at", "pk")
    )
    reported: dict[tuple[str, int], ReportedItem] = {}
    for flag in flags:
        contribution = next(getattr(flag, name) for name in readable if getattr(flag, name))
        key = (contribution._meta.model_name, contribution.pk)
        if key not in reported:
            reported[key] = _item(contribution)
        reported[key].flags.append(flag)
    return list(reported.values())


def _recent(hidden: QuerySet) -> list:
    """The latest hidden contributions of one kind, with who hid them."""
    return list(
        hidden.select_related("author", "moderated_by", "dossier")
        .defer(*long_columns("dossier__"))
        .order_by("-moderated_at")[:RECENT_SIZE]
    )


def _item(contribution: Comment | Annotation) -> ReportedItem:
    route = contribution.MODERATION_ROUTE
    queue = reverse("discussions:moderation")
    hide = reverse(f"{route}-hide", args=[contribution.pk])
    item = ReportedItem(
        contribution=contribution,
        dismiss_url=reverse(f"{route}-flags-dismiss", args=[contribution.pk]),
    )
    if contribution.is_moderatable and not contribution.is_hidden:
        item.hide_url = f"{hide}?next={queue}"
    return item
