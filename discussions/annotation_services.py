"""Annotations: the gates that reach them and their bodies, and the writes on them.

A body is what an annotation is anchored in: a dossier's own text, a case study's or a
recommendation's. The API and the page name it `<kind>:<pk>` ("dossier:3", "etude:12",
"recommandation:7").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from discussions.anchoring import Selector, TextChange, locate, validate
from discussions.models import Annotation, Flag, Notification
from discussions.services import flags_resolve, follow_create, notification_create, notify
from dossiers.models import CaseStudy, Dossier, Recommendation

Body = Dossier | CaseStudy | Recommendation

BODY_KINDS: dict[str, type[Dossier] | type[CaseStudy] | type[Recommendation]] = {
    "dossier": Dossier,
    "etude": CaseStudy,
    "recommandation": Recommendation,
}


class TargetError(ValueError):
    """A target that is not of the form `<kind>:<pk>` with a known kind."""


def target_key(body: Body) -> str:
    """The name of a body in the API and in the page's data attributes."""
    kind = {Dossier: "dossier", CaseStudy: "etude", Recommendation: "recommandation"}
    return f"{kind[type(body)]}:{body.pk}"


def annotation_target_key(annotation: Annotation) -> str:
    if annotation.case_study_id:
        return f"etude:{annotation.case_study_id}"
    if annotation.recommendation_id:
        return f"recommandation:{annotation.recommendation_id}"
    return f"dossier:{annotation.dossier_id}"


def parse_target(value: object) -> tuple[str, int]:
    kind, _sep, pk = str(value).partition(":") if isinstance(value, str) else ("", "", "")
    if kind not in BODY_KINDS or not pk.isascii() or not pk.isdigit():
        raise TargetError(
            _(
                "Unknown target “%(target)s”: expected dossier:<id>, etude:<id> or "
                "recommandation:<id>."
            )
            % {"target": str(value)[:80]}
        )
    return kind, int(pk)


def body_for(user: User, target: object) -> Body:
    """The body named by `target` if `user` may read it; 404 whether it is missing or not
    readable, so a draft's existence is not revealed; TargetError if malformed."""
    kind, pk = parse_target(target)
    readable = Dossier.objects.visible_to(user)
    if kind == "dossier":
        queryset = readable
    else:
        queryset = BODY_KINDS[kind].objects.select_related("dossier").filter(dossier__in=readable)
    body = queryset.filter(pk=pk).first()
    if body is None:
        raise Http404(_("This text does not exist or you may not read it."))
    return body


def annotations_of(body: Body) -> QuerySet[Annotation]:
    if isinstance(body, CaseStudy):
        return Annotation.objects.filter(case_study=body)
    if isinstance(body, Recommendation):
        return Annotation.objects.filter(recommendation=body)
    return Annotation.objects.filter(dossier=body, case_study=None, recommendation=None)


def annotations_visible_to(user: User) -> QuerySet[Annotation]:
    """Shared annotations on dossiers `user` may read (not hidden by moderation), and their
    own."""
    return Annotation.objects.filter(dossier__in=Dossier.objects.visible_to(user)).filter(
        Annotation.readable_by(user)
    )


def annotation_for_read(user: User, pk: int) -> Annotation:
    annotation = (
        annotations_visible_to(user).select_related("author", "dossier").filter(pk=pk).first()
    )
    if annotation is None:
        raise Http404(_("This annotation does not exist or you may not read it."))
    return annotation


def annotation_for_edit(user: User, pk: int) -> Annotation:
    """Readable (else 404) and written by `user` (else 403)."""
    annotation = annotation_for_read(user, pk)
    if annotation.author_id != user.pk:
        raise PermissionDenied(_("Only its author may change or delete an annotation."))
    return annotation


def annotation_for_flag(user: User, pk: int) -> Annotation:
    """Someone else's annotation `user` may read (else 404): one's own is not reported."""
    annotation = annotation_for_read(user, pk)
    if annotation.author_id == user.pk:
        raise Http404(_("You cannot report your own annotation."))
    return annotation


def annotation_for_moderation(user: User, pk: int) -> Annotation:
    """An annotation `user` may hide or restore: a moderator (else 403), on a dossier they
    may read, shared (a private note is nobody else's business; else 404), hidden or not."""
    if not user.is_moderator:
        raise PermissionDenied(_("Only moderators may hide or restore an annotation."))
    annotation = (
        Annotation.objects.filter(
            dossier__in=Dossier.objects.visible_to(user),
            visibility=Annotation.Visibility.SHARED,
        )
        .select_related("author", "dossier")
        .filter(pk=pk)
        .first()
    )
    if annotation is None:
        raise Http404(_("This annotation does not exist or you may not read it."))
    return annotation


@transaction.atomic
def annotation_moderate(
    *, annotation: Annotation, moderator: User, hide: bool, note: str = ""
) -> Annotation:
    """A moderator hides the annotation (then only its author still sees it, with the note;
    its open reports are settled) or shows it again; the author is told either way."""
    annotation.hidden = hide
    annotation.moderated_at = timezone.now()
    annotation.moderated_by = moderator
    annotation.moderation_note = note
    annotation.save(update_fields=["hidden", "moderated_at", "moderated_by", "moderation_note"])
    if hide:
        flags_resolve(annotation=annotation, moderator=moderator, resolution=Flag.Resolution.HIDDEN)
    notify(
        recipients=[annotation.author],
        kind=Notification.Kind.MODERATION,
        actor=moderator,
        annotation=annotation,
    )
    return annotation


def body_of(annotation: Annotation) -> Body:
    if annotation.case_study_id:
        return CaseStudy.objects.get(pk=annotation.case_study_id)
    if annotation.recommendation_id:
        return Recommendation.objects.get(pk=annotation.recommendation_id)
    return Dossier.objects.get(pk=annotation.dossier_id)


def text_version(body: Body) -> int | None:
    """The history_id of the body's latest django-simple-history record."""
    return body.history.order_by("-history_id").values_list("history_id", flat=True).first()


@transaction.atomic
def annotation_create(
    *,
    author: User,
    body: Body,
    selector: Selector,
    note: str,
    visibility: str,
    tags: list[str],
) -> Annotation:
    """Check the selector against the body's text (SelectorError if it does not hold)
    and store the annotation anchored to it."""
    anchored = validate(body.body_text, selector)
    annotation = Annotation(
        dossier_id=body.dossier_id if not isinstance(body, Dossier) else body.pk,
        case_study=body if isinstance(body, CaseStudy) else None,
        recommendation=body if isinstance(body, Recommendation) else None,
        author=author,
        body=note,
        visibility=visibility,
        exact=anchored.exact,
        prefix=anchored.prefix,
        suffix=anchored.suffix,
        start=anchored.start,
        end=anchored.end,
        state=Annotation.State.ANCHORED,
        text_version=text_version(body),
    )
    annotation.save()
    if tags:
        annotation.tags.set(tags)
    _announce(annotation)
    return annotation


def _announce(annotation: Annotation) -> None:
    """Its author follows the dossier from now on; a shared annotation reaches followers."""
    follow_create(user=annotation.author, dossier=annotation.dossier)
    if annotation.visibility == Annotation.Visibility.SHARED:
        followers = User.objects.filter(follows__dossier_id=annotation.dossier_id)
        notify(
            recipients=followers,
            kind=Notification.Kind.NEW_CONTRIBUTION,
            actor=annotation.author,
            annotation=annotation,
        )


@transaction.atomic
def annotation_update(
    *,
    annotation: Annotation,
    note: str | None = None,
    visibility: str | None = None,
    tags: list[str] | None = None,
    selector: Selector | None = None,
) -> Annotation:
    """Change the note, visibility or tags; with a selector, re-attach it to a passage of
    the same body (how an author rescues an orphan)."""
    fields = ["updated_at"]
    if note is not None:
        annotation.body = note
        fields.append("body")
    if visibility is not None:
        annotation.visibility = visibility
        fields.append("visibility")
    if selector is not None:
        body = body_of(annotation)
        anchored = validate(body.body_text, selector)
        annotation.exact, annotation.prefix, annotation.suffix = (
            anchored.exact,
            anchored.prefix,
            anchored.suffix,
        )
        annotation.start, annotation.end = anchored.start, anchored.end
        annotation.state = Annotation.State.ANCHORED
        annotation.text_version = text_version(body)
        fields += ["exact", "prefix", "suffix", "start", "end", "state", "text_version"]
    annotation.save(update_fields=fields)
    if tags is not None:
        annotation.tags.set(tags)
    return annotation


class AnnotationHasReplies(Exception):
    """Deleting it would lose its discussion."""


@transaction.atomic
def annotation_delete(*, annotation: Annotation) -> None:
    """Delete an annotation nobody answered; one with replies stays so they are not lost."""
    if annotation.replies.exists():
        raise AnnotationHasReplies
    annotation.tags.clear()
    annotation.delete()


@dataclass
class ReanchorResult:
    kept: int = 0
    moved: int = 0
    orphaned: list[Annotation] = field(default_factory=list)
    unchanged: int = 0


# What re-anchoring may change without touching what anything else reads of an annotation.
ANCHOR_FIELDS = ["start", "end", "prefix", "suffix", "text_version"]


@transaction.atomic
def annotation_reanchor(*, body: Body) -> ReanchorResult:
    """Re-anchor every annotation of `body` on its current text.

    Annotations whose text version has the very same text are left alone (a title edit
    costs three queries and no write). The others are located again (discussions.anchoring:
    position, then quote and context, then a bounded fuzzy match); those not found become
    orphaned, are never deleted, and their author is notified once, when that happens.
    Orphans are tried too: a text put back re-attaches them.

    Writes: an annotation whose quote or state changes is saved with
    `save(update_fields=…)`, so receivers (the search index) see it. One whose passage only
    moved (text inserted before it: the common edit, often every annotation of the body)
    changes nothing but ANCHOR_FIELDS, which no receiver reads (the search index holds the
    quote, the note and the visibility); those are written by `_write_anchors` in one
    statement, which keeps re-anchoring 300 annotations well under a second (300 saves and
    re-indexings took 4 s; Django's bulk_update, which builds a CASE per row and field,
    still 1 s).
    """
    result = ReanchorResult()
    annotations = list(annotations_of(body).select_related("author").order_by("pk"))
    if not annotations:
        return result
    history = body.history.model
    latest = (
        history.objects.filter(id=body.pk)
        .order_by("-history_id")
        .values_list("history_id", "history_user_id")
        .first()
    )
    version, editor_id = latest if latest else (None, None)
    versions = {a.text_version for a in annotations if a.text_version is not None}
    old_texts = dict(
        history.objects.filter(history_id__in=versions).values_list("history_id", "body_text")
    )
    text = body.body_text
    changes: dict[int, TextChange] = {}
    moved_only: list[Annotation] = []
    for annotation in annotations:
        old_text = old_texts.get(annotation.text_version)
        if old_text == text:
            result.unchanged += 1
            continue
        change = None
        if old_text is not None:
            change = changes.setdefault(annotation.text_version, TextChange(old_text, text))
        selector = Selector(
            exact=annotation.exact,
            start=annotation.start,
            end=annotation.end,
            prefix=annotation.prefix,
            suffix=annotation.suffix,
        )
        found = locate(text, selector, change)
        annotation.text_version = version
        if found is None:
            if annotation.state == Annotation.State.ORPHANED:
                moved_only.append(annotation)
                continue
            annotation.state = Annotation.State.ORPHANED
            annotation.save(update_fields=["state", "text_version"])
            result.orphaned.append(annotation)
            continue
        same_words = found.exact == annotation.exact
        was_anchored = annotation.state == Annotation.State.ANCHORED
        if found == selector and was_anchored:
            result.kept += 1
        else:
            result.moved += 1
        annotation.start, annotation.end = found.start, found.end
        annotation.prefix, annotation.suffix = found.prefix, found.suffix
        if same_words and was_anchored:
            moved_only.append(annotation)
            continue
        annotation.exact = found.exact
        annotation.state = Annotation.State.ANCHORED
        annotation.save(update_fields=[*ANCHOR_FIELDS, "exact", "state"])
    _write_anchors(moved_only)
    if isinstance(body, Dossier):
        for annotation in result.orphaned:
            annotation.dossier = body
    _notify_orphaned(result.orphaned, editor_id)
    return result


def _write_anchors(annotations: list[Annotation]) -> None:
    """UPDATE the ANCHOR_FIELDS of these annotations, one parameter row each (executemany)."""
    if not annotations:
        return
    table = connection.ops.quote_name(Annotation._meta.db_table)
    columns = ", ".join(
        f"{connection.ops.quote_name(Annotation._meta.get_field(name).column)} = %s"
        for name in ANCHOR_FIELDS
    )
    rows = [[getattr(a, name) for name in ANCHOR_FIELDS] + [a.pk] for a in annotations]
    with connection.cursor() as cursor:
        pk = connection.ops.quote_name(Annotation._meta.pk.column)
        cursor.executemany(f"UPDATE {table} SET {columns} WHERE {pk} = %s", rows)  # noqa: S608


def _notify_orphaned(annotations: list[Annotation], editor_id: int | None) -> None:
    """Tell each author their passage is gone, so the note does not go unnoticed."""
    if not annotations:
        return
    editor = User.objects.filter(pk=editor_id).first() if editor_id else None
    for annotation in annotations:
        notification_create(
            recipient=annotation.author,
            kind=Notification.Kind.ORPHANED,
            actor=editor,
            annotation=annotation,
        )
