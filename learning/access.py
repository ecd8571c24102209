"""The gates through which every view of the learning loop reaches a recommendation or a
field report. Each calls the models' readability QuerySet methods (`readable_by`); what a
user may not read answers 404, what they may read but not change 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from discussions.access import moderator_required
from dossiers.models import CaseStudy, Recommendation
from learning.models import FieldReport

if TYPE_CHECKING:
    from accounts.models import User


def curator_required(user: User) -> None:
    if not user.is_curator:
        raise PermissionDenied(_("Only curators may change the follow-up of a recommendation."))


def recommendation_for(user: User, pk: int) -> Recommendation:
    """A recommendation of a dossier `user` may read, else 404."""
    return get_object_or_404(Recommendation.objects.readable_by(user), pk=pk)


def recommendation_page_for(user: User, pk: int) -> Recommendation:
    """`recommendation_for` with what its page shows, in a fixed number of queries."""
    queryset = (
        Recommendation.objects.readable_by(user)
        .select_related("follow_up")
        .prefetch_related(
            Prefetch("case_studies", queryset=CaseStudy.objects.only("pk", "title", "dossier")),
            "dossier__themes",
            "dossier__regions",
        )
    )
    return get_object_or_404(queryset, pk=pk)


def recommendation_for_status(user: User, pk: int) -> Recommendation:
    """A recommendation whose status `user` may change: readable (else 404), `user` a
    curator (else 403)."""
    recommendation = recommendation_for(user, pk)
    curator_required(user)
    return recommendation


def report_for(user: User, pk: int) -> FieldReport:
    """A field report on a dossier `user` may read, whatever its state, else 404."""
    queryset = FieldReport.objects.readable_by(user).select_related(
        "author", "dossier", "recommendation", "region", "case_study__dossier", "related_dossier"
    )
    return get_object_or_404(queryset, pk=pk)


def report_for_edit(user: User, pk: int) -> FieldReport:
    """A report `user` may edit or withdraw: readable (else 404), theirs and shown (403)."""
    report = report_for(user, pk)
    if report.author_id != user.pk or not report.is_visible:
        raise PermissionDenied(_("Only its author may change this field report."))
    return report


def report_for_flag(user: User, pk: int) -> FieldReport:
    """Someone else's report `user` may read and that still shows, else 404."""
    report = report_for(user, pk)
    if not report.is_visible:
        raise Http404(_("This field report was withdrawn or hidden."))
    if report.author_id == user.pk:
        raise Http404(_("You cannot report your own field report."))
    return report


def report_for_moderation(user: User, pk: int) -> FieldReport:
    """A report `user` may hide or restore: a moderator (else 403), readable (else 404)."""
    moderator_required(user)
    return report_for(user, pk)
