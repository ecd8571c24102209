"""The moderation queue: open reports grouped by contribution, and what was hidden lately.

Built on the gates: a moderator sees there only what they may read elsewhere (a draft's
messages only if they are also a curator; never a private note), so every action it offers
leads to a page that answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import reverse

from discussions.access import moderator_required
from discussions.models import Annotation, Comment, Flag

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
    hidden: list[Comment]
    hidden_annotations: list[Annotation]


def moderation_queue_for(user: User) -> Queue:
    """The queue as `user` (a moderator, else 403) may work it, in four queries."""
    moderator_required(user)
    comments = Comment.objects.readable_by(user)
    annotations = Annotation.objects.moderatable_by(user)
    flags = (
        Flag.objects.filter(resolution=Flag.Resolution.OPEN)
        .filter(Q(comment__in=comments) | Q(annotation__in=annotations))
        .select_related(
            "reporter",
            "comment__author",
            "comment__dossier",
            "annotation__author",
            "annotation__dossier",
        )
        .defer(*_dossier_text("comment__dossier__"), *_dossier_text("annotation__dossier__"))
        .order_by("created_at", "pk")
    )
    reported: dict[tuple[str, int], ReportedItem] = {}
    for flag in flags:
        contribution = flag.comment or flag.annotation
        key = (contribution._meta.model_name, contribution.pk)
        if key not in reported:
            reported[key] = _item(contribution)
        reported[key].flags.append(flag)
    items = list(reported.values())
    recent = ("author", "moderated_by", "dossier")
    return Queue(
        reported=[item for item in items if isinstance(item.contribution, Comment)],
        reported_annotations=[item for item in items if isinstance(item.contribution, Annotation)],
        hidden=list(
            comments.filter(state=Comment.State.HIDDEN)
            .select_related(*recent)
            .defer(*_dossier_text("dossier__"))
            .order_by("-moderated_at")[:RECENT_SIZE]
        ),
        hidden_annotations=list(
            annotations.filter(hidden=True)
            .select_related(*recent)
            .defer(*_dossier_text("dossier__"))
            .order_by("-moderated_at")[:RECENT_SIZE]
        ),
    )


def _dossier_text(path: str) -> list[str]:
    """The dossier's long columns, which the queue does not show (it shows the title)."""
    return [f"{path}{name}" for name in ("body", "body_html", "body_text", "toc", "summary")]


def _item(contribution: Comment | Annotation) -> ReportedItem:
    name = contribution._meta.model_name
    queue = reverse("discussions:moderation")
    hide = reverse(f"discussions:{name}-hide", args=[contribution.pk])
    item = ReportedItem(
        contribution=contribution,
        dismiss_url=reverse(f"discussions:{name}-flags-dismiss", args=[contribution.pk]),
    )
    if contribution.is_moderatable and not contribution.is_hidden:
        item.hide_url = f"{hide}?next={queue}"
    return item
