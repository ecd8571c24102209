"""The learning digest (« Résumé d'apprentissage »): one email, weekly by default (daily or
off, `User.learning_digest`), that replaces the daily digest of notifications for those who
receive it.

It tells a member what happened since the last one in what they follow (new field reports,
status changes), the questions of their themes and regions they have not answered, the
syntheses of discussions they took part in, their annotations whose passage was edited or
lost, and the notifications not emailed yet (which the daily digest would have carried).

Everything is read at sending time through the models' `readable_by` methods, so what a
member may no longer read is not sent; no answer's text is shown, only counts and titles.
Building one digest makes the same number of queries whatever it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks import task

from accounts.models import User
from discussions.models import Annotation, Comment, Notification
from discussions.targets import ANNOTATION_FIELDS, BODY_KINDS, COMMENT_FIELDS
from discussions.tasks import DIGEST_PERIOD, notification_link, notifications_sendable
from dossiers.models import Dossier, Question, Recommendation, Region, Theme
from learning.digest_render import digest_parts
from learning.models import FieldReport, StatusChange

Frequency = User.LearningDigest
PERIODS = {Frequency.WEEKLY: timedelta(days=7), Frequency.DAILY: timedelta(days=1)}
# The schedule runs once a day at about the same hour; a digest due a little later that day
# goes now rather than a day late.
SLACK = timedelta(hours=3)
# Items shown per section, the latest; the rest is one click away on the site.
SECTION_LIMIT = 10
QUESTIONS_SHOWN = 5
UNSUBSCRIBE_SALT = "learning.digest.unsubscribe"


@dataclass
class Digest:
    """What one member's next digest holds, each list already checked for them."""

    recipient: User
    since: datetime
    field_reports: list[FieldReport] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    syntheses: list[Any] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    question_of_the_week: Any = None
    # The notifications not emailed yet that no section above tells of.
    notifications: list[Notification] = field(default_factory=list)
    # Every notification this digest carries, marked emailed once it is sent.
    pending: list[Notification] = field(default_factory=list)

    @property
    def news_count(self) -> int:
        """The items that are news for this member; the question of the week is not one:
        alone, it sends no email."""
        lists = (
            self.field_reports,
            self.status_changes,
            self.questions,
            self.syntheses,
            self.annotations,
            self.notifications,
        )
        return sum(len(items) for items in lists)

    @property
    def item_count(self) -> int:
        return self.news_count + (self.question_of_the_week is not None)

    @property
    def is_empty(self) -> bool:
        return self.news_count == 0


def digest_period(user: User) -> timedelta:
    """How much one digest covers; an « off » member's preview shows a week."""
    return PERIODS.get(user.learning_digest, PERIODS[Frequency.WEEKLY])


def digest_since(user: User, now: datetime) -> datetime:
    """The start of what the next digest covers: the last one sent, at most one period ago."""
    start = now - digest_period(user)
    sent = user.learning_digest_sent_at
    return max(sent, start) if sent else start


def users_due(now: datetime) -> QuerySet[User]:
    """Active members whose digest is due: never sent, or sent a period ago (less the slack)."""
    due = Q(learning_digest_sent_at__isnull=True)
    for frequency, period in PERIODS.items():
        due |= Q(learning_digest=frequency, learning_digest_sent_at__lte=now - period + SLACK)
    return User.objects.filter(is_active=True).exclude(learning_digest=Frequency.OFF).filter(due)


def digest_build(user: User, *, now: datetime | None = None) -> Digest:
    """The digest `user` would receive now, each item asked of the models' `readable_by`
    methods for `user` (the preview page; the sending task builds several members' digests
    together, `learning.digest_batch`, which gives the same)."""
    now = now or timezone.now()
    since = digest_since(user, now)
    # Read once: as a subquery, PostgreSQL ran it again for each candidate row (4 s a
    # digest at 2,000 field reports).
    followed = list(Dossier.objects.followed_by(user).values_list("pk", flat=True))
    digest = Digest(
        recipient=user,
        since=since,
        field_reports=_field_reports(user, since, followed),
        status_changes=_status_changes(user, since, followed),
        questions=_questions(user, since, _topic_dossiers(user)),
        syntheses=_syntheses(user, since),
        annotations=_annotations(user, since),
        question_of_the_week=week_question(user, since, now),
    )
    digest.pending = _pending_notifications(user, now)
    digest.notifications = untold(digest)
    return digest


def _field_reports(user: User, since: datetime, followed: list[int]) -> list[FieldReport]:
    """Colleagues' reports shown on the dossiers I follow (directly or by theme or region)."""
    reports = FieldReport.objects.readable_by(user).filter(dossier__in=followed)
    return list(reports_since(reports.exclude(author=user), since)[:SECTION_LIMIT])


def reports_since(reports: QuerySet[FieldReport], since: datetime) -> QuerySet[FieldReport]:
    """Those of `reports` shown and written since, newest first, with what the digest says."""
    return (
        reports.shown()
        .filter(created_at__gte=since)
        .select_related("author", "recommendation", "dossier", "region")
        .order_by("-created_at", "-pk")
    )


def _status_changes(user: User, since: datetime, followed: list[int]) -> list[StatusChange]:
    recommendations = Recommendation.objects.readable_by(user).filter(dossier__in=followed)
    changes = StatusChange.objects.filter(recommendation__in=recommendations.values("pk"))
    return list(changes_since(changes, since)[:SECTION_LIMIT])


def changes_since(changes: QuerySet[StatusChange], since: datetime) -> QuerySet[StatusChange]:
    return (
        changes.filter(changed_at__gte=since)
        .select_related("recommendation__dossier", "changed_by")
        .order_by("-changed_at", "-pk")
    )


def _topic_dossiers(user: User) -> list[int]:
    """The dossiers of my themes and regions (declared on my profile or followed)."""
    themes = Theme.objects.filter(Q(members=user) | Q(follows__user=user)).values("pk")
    regions = Region.objects.filter(Q(members=user) | Q(follows__user=user)).values("pk")
    return list(
        Dossier.objects.filter(Q(themes__in=themes) | Q(regions__in=regions))
        .distinct()
        .values_list("pk", flat=True)
    )


def _questions(user: User, since: datetime, dossiers: list[int]) -> list[Question]:
    """Questions of dossiers in my themes and regions (`dossiers`) that I have not answered,
    with news since: an answer, or their dossier just published. Only how many answers they
    have is shown, never their text."""
    answered = Comment.objects.filter(author=user, question__isnull=False).values("question")
    questions = (
        Question.objects.readable_by(user).filter(dossier__in=dossiers).exclude(pk__in=answered)
    )
    return list(questions_with_news(questions, since)[:QUESTIONS_SHOWN])


def questions_with_news(questions: QuerySet[Question], since: datetime) -> QuerySet[Question]:
    """Those of `questions` with an answer since, or whose dossier was published since, the
    latest answered first, with their count of answers shown."""
    answers = Comment.objects.filter(question=OuterRef("pk"), state=Comment.State.VISIBLE)
    count = answers.order_by().values("question").annotate(n=Count("pk")).values("n")
    latest = answers.order_by().values("question").annotate(at=Max("created_at")).values("at")
    return (
        questions.annotate(
            answer_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
            last_answer_at=Subquery(latest, output_field=DateTimeField()),
        )
        .filter(Q(last_answer_at__gte=since) | Q(dossier__published_on__gte=since.date()))
        .select_related("dossier")
        .order_by(F("last_answer_at").desc(nulls_last=True), "-pk")
    )


def has_news(question: Question, since: datetime) -> bool:
    """`questions_with_news`' condition, on a question it read (for an earlier `since`)."""
    answered = question.last_answer_at is not None and question.last_answer_at >= since
    published = question.dossier.published_on
    return answered or (published is not None and published >= since.date())


def _syntheses(user: User, since: datetime) -> list[Any]:
    """Syntheses written or revised since, of discussions I took part in (app `syntheses`,
    its own readability and participation methods)."""
    if not apps.is_installed("syntheses"):
        return []
    from syntheses.models import Synthesis

    # Most weeks see few syntheses, and the query of those I took part in is costly to
    # build: a plain one first.
    if not Synthesis.objects.filter(updated_at__gte=since).exists():
        return []
    syntheses = (
        Synthesis.objects.readable_by(user)
        .of_discussions_joined_by(user)
        .filter(updated_at__gte=since)
        .select_related("dossier", *COMMENT_FIELDS)
        .order_by("-updated_at", "-pk")
    )
    return list(syntheses[:SECTION_LIMIT])


def week_question(user: User, since: datetime, now: datetime, batch: Any = None) -> Any:
    """The cross-dossier question of this week (app `questions`), in the first digest of
    the week only: a daily digest does not repeat it every day. `batch`: a
    `learning.digest_batch.Batch`, which reads it once per kind of reader."""
    if not apps.is_installed("questions"):
        return None
    day = timezone.localdate(now)
    if timezone.localdate(since).isocalendar()[:2] == day.isocalendar()[:2]:
        return None
    if batch is not None:
        return batch.question_of_the_week(user, day)
    from questions.models import CrossQuestion

    return CrossQuestion.objects.readable_by(user).of_the_week(day)


def _reanchored_at() -> Case:
    """When the text an annotation is anchored to was saved: the date of the body's history
    record named by `text_version` (each kind of body has its own history table)."""
    whens = []
    for kind in BODY_KINDS:
        condition = Q(
            **{f"{name}__isnull": True for name in ANNOTATION_FIELDS if name != kind.field}
        )
        if kind.field:
            condition &= Q(**{f"{kind.field}__isnull": False})
        history = kind.model.history.model
        dated = history.objects.filter(history_id=OuterRef("text_version")).values("history_date")
        whens.append(When(condition, then=Subquery(dated[:1])))
    return Case(*whens, output_field=DateTimeField())


def _annotations(user: User, since: datetime) -> list[Annotation]:
    """My annotations re-anchored after an edit of their text since: still attached (the
    passage moved, or the text around it changed) or orphaned (« passage modifié »)."""
    annotations = Annotation.objects.readable_by(user).filter(author=user)
    return list(reanchored_since(annotations, since)[:SECTION_LIMIT])


def reanchored_since(annotations: QuerySet[Annotation], since: datetime) -> QuerySet[Annotation]:
    """Those of `annotations` whose text was saved since they were made and since `since`,
    the latest first, each with that date (`reanchored_at`)."""
    return (
        annotations.annotate(reanchored_at=_reanchored_at())
        .filter(reanchored_at__gte=since, reanchored_at__gt=F("created_at"))
        .select_related("dossier")
        .order_by("-reanchored_at", "-pk")
    )


def _pending_notifications(user: User, now: datetime) -> list[Notification]:
    """The unread notifications not emailed yet that the daily digest would carry, asked
    again whether `user` may still read what each is about."""
    return notifications_sendable(
        user, list(pending_rows(Notification.objects.for_recipient(user), now))
    )


def pending_rows(notifications: QuerySet[Notification], now: datetime) -> QuerySet[Notification]:
    """The unread notifications not emailed yet of the daily digest's period, joined with
    what the email says of each."""
    return (
        notifications.with_places()
        .select_related("field_report__dossier")
        .select_related("recommendation__dossier")
        .filter(read_at__isnull=True, emailed_at__isnull=True)
        .filter(created_at__gte=now - DIGEST_PERIOD)
        .order_by("dossier_id", "created_at", "pk")
    )


def untold(digest: Digest) -> list[Notification]:
    """The pending notifications about nothing a section already shows."""
    reports = {report.pk for report in digest.field_reports}
    recommendations = {change.recommendation_id for change in digest.status_changes}
    annotations = {annotation.pk for annotation in digest.annotations}
    kind = Notification.Kind
    return [
        n
        for n in digest.pending
        if not (
            (n.kind == kind.NEW_CONTRIBUTION and n.field_report_id in reports)
            or (n.kind == kind.STATUS and n.recommendation_id in recommendations)
            or (n.kind == kind.ORPHANED and n.annotation_id in annotations)
        )
    ]


# --- Sending ---------------------------------------------------------------------------


def unsubscribe_token(user: User) -> str:
    """The signed token of the unsubscribe link ("14:…"): the same in every digest, needs
    no login, does not expire (RFC 8058 asks that the link keep working)."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def user_for_unsubscribe(token: str) -> User | None:
    """The member a valid token names, else None."""
    try:
        pk = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=int(pk)).first() if pk.isdigit() else None


def unsubscribe_url(user: User) -> str:
    path = reverse("learning:digest-unsubscribe", kwargs={"token": unsubscribe_token(user)})
    return settings.SITE_URL.rstrip("/") + path


def digest_context(digest: Digest) -> dict[str, Any]:
    """What the email's two parts and the preview page render."""
    site_url = settings.SITE_URL.rstrip("/")
    return {
        "digest": digest,
        "recipient": digest.recipient,
        "site_url": site_url,
        "notification_items": [
            {"notification": n, "link": notification_link(n)} for n in digest.notifications
        ],
        "profile_url": site_url + reverse("accounts:profile"),
        "unsubscribe_url": unsubscribe_url(digest.recipient),
    }


def digest_email(digest: Digest) -> EmailMultiAlternatives:
    """The email, text and HTML, with RFC 8058 one-click unsubscribe headers."""
    context = digest_context(digest)
    count = digest.item_count
    subject = ngettext(
        "Your learning digest: %(count)s item", "Your learning digest: %(count)s items", count
    ) % {"count": count}
    text, html = digest_parts(context)
    message = EmailMultiAlternatives(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        text,
        None,
        [digest.recipient.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


@task()
def learning_digest_send(user_pk: int) -> int:
    """Build and email one member's digest if it is due; returns how many items it held
    (0: not due, or nothing to tell, and then no email)."""
    now = timezone.now()
    with transaction.atomic():
        # Locked: a digest queued twice goes once.
        user = users_due(now).select_for_update(of=("self",)).filter(pk=user_pk).first()
        if user is None:
            return 0
        digest = digest_build(user, now=now)
        if not digest.is_empty:
            with translation.override(settings.LANGUAGE_CODE):
                digest_email(digest).send()
            Notification.objects.filter(pk__in=[n.pk for n in digest.pending]).update(
                emailed_at=now
            )
        # An empty period counts too: the next digest covers the next period.
        user.learning_digest_sent_at = now
        user.save(update_fields=["learning_digest_sent_at"])
    return 0 if digest.is_empty else digest.item_count


def digest_unsubscribe(user: User) -> None:
    """Stop every digest email (the learning digest and the daily one it replaced); replies
    and mentions at once are another preference. Idempotent: a second click changes nothing."""
    User.objects.filter(pk=user.pk).update(learning_digest=Frequency.OFF, email_digest=False)
