"""Theme and region pages: the dossiers of a theme (or a region), their case studies and
recommendations with their status, the latest discussions, annotations and field reports
across those dossiers, and their open questions.

Each list is one query over the readable dossiers of the topic, bounded in length, so the
page costs the same number of queries whatever the topic holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from discussions.models import Annotation, Comment, Follow
from dossiers.models import (
    CaseStudy,
    Dossier,
    Question,
    Recommendation,
    Region,
    Theme,
    long_columns,
)
from learning.models import FieldReport
from learning.overview import OverviewFilterForm, overview_rows, with_report_counts

if TYPE_CHECKING:
    from accounts.models import User

# How many items each block shows; the overview and the dossier list have the rest.
DOSSIERS_SHOWN = 12
PARTS_SHOWN = 12
LATEST_SHOWN = 8
# "Latest" means among the site's newest contributions of each kind (see _latest).
RECENT_WINDOW = 500
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Topic:
    """A theme or a region, as its page and its follow button need it."""

    subject: Theme | Region
    # The name of its filter in the dossier list and the overview ("theme", "region").
    facet: str

    @property
    def follow(self) -> dict[str, Theme | Region]:
        """The keyword naming it on a Follow and in follow_create."""
        return {self.facet: self.subject}

    @property
    def url(self) -> str:
        return reverse(f"learning:{self.facet}", kwargs={"slug": self.subject.slug})

    @property
    def follow_url(self) -> str:
        return reverse(f"learning:{self.facet}-follow", kwargs={"slug": self.subject.slug})

    @property
    def filter_query(self) -> str:
        return f"{self.facet}={self.subject.slug}"

    def is_followed_by(self, user: User) -> bool:
        return Follow.objects.filter(user=user, **self.follow).exists()


def _latest(queryset: QuerySet[Any], size: int = LATEST_SHOWN) -> list[Any]:
    """The newest `size` items of `queryset`, among the site's RECENT_WINDOW newest of that
    model: the database then reads a few hundred rows through the date index instead of
    every contribution of the topic's dossiers (docs/learning.md)."""
    edge = queryset.model.objects.order_by("-created_at").values("created_at")[
        RECENT_WINDOW : RECENT_WINDOW + 1
    ]
    since = Coalesce(Subquery(edge), Value(EPOCH))
    return list(queryset.filter(created_at__gte=since).order_by("-created_at", "-pk")[:size])


def topic_page(user: User, topic: Topic) -> dict[str, Any]:
    """What the page of `topic` shows to `user`, in a fixed number of queries."""
    dossiers = Dossier.objects.visible_to(user).filter(**{f"{topic.facet}s": topic.subject})
    within = {"dossier__in": dossiers.values("pk")}
    recommendations = (
        overview_rows(user).filter(**within).order_by(*OverviewFilterForm.SORTS["activity"])
    )
    open_questions = (
        Question.objects.readable_by(user)
        .filter(**within)
        .annotate(answers=Count("comments", filter=Q(comments__state=Comment.State.VISIBLE)))
        .filter(answers=0)
        .order_by("dossier__title", "order")
    )
    return {
        "dossiers": list(
            dossiers.prefetch_related("regions", "themes").order_by("-published_on", "title")[
                :DOSSIERS_SHOWN
            ]
        ),
        "dossier_count": dossiers.count(),
        "case_studies": list(
            CaseStudy.objects.readable_by(user)
            .filter(**within)
            .defer("body", "body_html", "body_text")
            .order_by("dossier__title", "order")[:PARTS_SHOWN]
        ),
        "recommendations": with_report_counts(list(recommendations[:PARTS_SHOWN])),
        "recommendation_count": Recommendation.objects.readable_by(user).filter(**within).count(),
        "comments": _latest(
            Comment.objects.readable_by(user)
            .filter(state=Comment.State.VISIBLE, **within)
            .select_related("author", "dossier")
            .defer(*long_columns("dossier__"))
        ),
        "annotations": _latest(
            Annotation.objects.readable_by(user)
            .filter(hidden=False, **within)
            .select_related("author", "dossier")
            .defer(*long_columns("dossier__"))
        ),
        "field_reports": _latest(
            FieldReport.objects.readable_by(user)
            .shown()
            .filter(**within)
            .select_related("author", "recommendation", "region")
        ),
        "open_questions": list(open_questions[:PARTS_SHOWN]),
        "following": topic.is_followed_by(user),
    }
