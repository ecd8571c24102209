"""Writes of the learning loop: status changes of a recommendation's follow-up and field
reports. Each is atomic and tells who should know through discussions.services.notify,
which checks each recipient's right to read (and the email tasks check it again at sending).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from discussions.models import Comment, Notification
from discussions.services import follow_create, followers_of, notify
from dossiers.models import Recommendation
from learning.models import NEXT_STATUSES, REASON_REQUIRED, FieldReport, FollowUp, StatusChange

if TYPE_CHECKING:
    from accounts.models import User

Kind = Notification.Kind


def _follow_up(recommendation: Recommendation) -> FollowUp:
    """The recommendation's follow-up, locked for this transaction (made if missing)."""
    FollowUp.objects.get_or_create(recommendation=recommendation)
    return FollowUp.objects.select_for_update().get(recommendation=recommendation)


def _engaged_with(recommendation: Recommendation) -> Any:
    """Who follows the recommendation itself: those who discussed it or reported on it."""
    from accounts.models import User

    return User.objects.filter(
        Q(pk__in=Comment.objects.filter(recommendation=recommendation).values("author_id"))
        | Q(pk__in=FieldReport.objects.filter(recommendation=recommendation).values("author_id"))
    )


@transaction.atomic
def status_change(
    *,
    recommendation: Recommendation,
    status: str,
    note: str,
    changed_by: User,
    responsible: str | None = None,
) -> StatusChange:
    """Move the recommendation on in its lifecycle, record who did it, when and why, and
    tell the followers of its dossier (and of the dossier's themes and regions) and those
    who discussed or reported on it."""
    follow_up = _follow_up(recommendation)
    if status not in NEXT_STATUSES.get(follow_up.status, ()):
        raise ValidationError(_("A recommendation cannot go from this status to that one."))
    note = note.strip()
    if status in REASON_REQUIRED and not note:
        raise ValidationError(_("Say why in the note: it is required for this status."))
    change = StatusChange.objects.create(
        recommendation=recommendation,
        previous=follow_up.status,
        status=status,
        note=note,
        changed_by=changed_by,
    )
    follow_up.status = status
    follow_up.status_changed_at = follow_up.activity_at = change.changed_at
    fields = ["status", "status_changed_at", "activity_at"]
    if responsible is not None:
        follow_up.responsible = responsible.strip()
        fields.append("responsible")
    follow_up.save(update_fields=fields)
    recipients = [
        *followers_of(recommendation.dossier),
        *_engaged_with(recommendation),
    ]
    notify(recipients=recipients, kind=Kind.STATUS, actor=changed_by, recommendation=recommendation)
    return change


@transaction.atomic
def status_change_bulk(
    *, recommendations: Iterable[Recommendation], status: str, note: str, changed_by: User
) -> tuple[list[StatusChange], list[Recommendation]]:
    """One status and one note for several recommendations; those that cannot take that
    status from where they are are left as they are and returned apart."""
    changed: list[StatusChange] = []
    skipped: list[Recommendation] = []
    for recommendation in recommendations:
        try:
            with transaction.atomic():
                changed.append(
                    status_change(
                        recommendation=recommendation,
                        status=status,
                        note=note,
                        changed_by=changed_by,
                    )
                )
        except ValidationError:
            skipped.append(recommendation)
    return changed, skipped


def _check_links(fields: dict[str, Any], author: User) -> None:
    """A report links only to what its author may read (the form offers nothing else)."""
    case = fields.get("case_study")
    if case is not None and not case.dossier.is_visible_to(author):
        raise ValidationError(_("This case study does not exist or you may not read it."))
    dossier = fields.get("related_dossier")
    if dossier is not None and not dossier.is_visible_to(author):
        raise ValidationError(_("This dossier does not exist or you may not read it."))


@transaction.atomic
def report_create(
    *, author: User, recommendation: Recommendation, fields: dict[str, Any]
) -> FieldReport:
    """Store a field report; its author follows the dossier, and the followers of the
    dossier, of its themes and regions, and those engaged with the recommendation hear
    of it."""
    _check_links(fields, author)
    report = FieldReport(
        author=author, recommendation=recommendation, dossier=recommendation.dossier, **fields
    )
    report.save()
    follow_up = _follow_up(recommendation)
    follow_up.activity_at = report.created_at
    follow_up.save(update_fields=["activity_at"])
    follow_create(user=author, dossier=recommendation.dossier)
    recipients = [*followers_of(recommendation.dossier), *_engaged_with(recommendation)]
    notify(recipients=recipients, kind=Kind.NEW_CONTRIBUTION, actor=author, field_report=report)
    return report


@transaction.atomic
def report_edit(
    *, report: FieldReport, fields: dict[str, Any], version: int | None = None
) -> FieldReport:
    """The author's new version; the previous one stays in the report's history.

    `version` is the one the author's form was built from: StaleEdit if the report was
    saved since (another tab), so that edit is not silently replaced; None checks nothing.
    """
    _check_links(fields, report.author)
    changed = [name for name, value in fields.items() if getattr(report, name) != value]
    if not changed:
        return report
    report.claim_version(version)
    for name in changed:
        setattr(report, name, fields[name])
    report.edited_at = timezone.now()
    report.save(update_fields=[*changed, "edited_at", "version"])
    return report


@transaction.atomic
def report_withdraw(*, report: FieldReport) -> FieldReport:
    """The author withdraws the report: it stays, as a tombstone under its replies."""
    report.state = FieldReport.State.WITHDRAWN
    report.save(update_fields=["state"])
    return report
