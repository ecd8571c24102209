"""The gates through which every view reaches a discussion target, a comment, an annotation,
its body or a notification. Each calls the readability QuerySet methods of the models
(`readable_by`, `moderatable_by`, `for_recipient`); none assembles a visibility condition.

What a user may not read answers 404, never 403, so its existence is not revealed; 403 is
for what they may read but not change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import BadRequest, PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from discussions.models import Annotation, Comment, Notification
from discussions.targets import BODY_KINDS, body_of_row, kind_named, target_dossier

if TYPE_CHECKING:
    from accounts.models import User


# --- Targets and bodies ---------------------------------------------------------------


def target_for(user: User, slug: str, pk: int) -> models.Model:
    """The target of a discussion if `user` may read it, else 404."""
    kind = kind_named(slug)
    if kind is None:
        raise Http404("Unknown discussion kind.")
    queryset = kind.model.objects.readable_by(user)
    if kind.model is Annotation:
        queryset = queryset.select_related("dossier", "author")
    return get_object_or_404(queryset, pk=pk)


def target_is_readable(user: User, target: models.Model) -> bool:
    """Whether `user` may read the target now (an object already loaded: no query for a
    dossier part); emails and notifications ask again at sending."""
    if not user.is_active or not target_dossier(target).is_visible_to(user):
        return False
    if isinstance(target, Annotation):
        return target.is_readable_by(user)
    return True


class TargetError(ValueError):
    """A body reference that is not `<kind>:<pk>` with a kind that has a body."""


def parse_body_ref(value: object) -> tuple[str, int]:
    slug, _sep, pk = value.partition(":") if isinstance(value, str) else ("", "", "")
    if kind_named(slug, BODY_KINDS) is None or not pk.isascii() or not pk.isdigit():
        raise TargetError(
            _("Unknown target “%(target)s”: expected one of %(forms)s.")
            % {"target": str(value)[:80], "forms": ", ".join(k.ref("<id>") for k in BODY_KINDS)}
        )
    return slug, int(pk)


def body_for(user: User, ref: object) -> models.Model:
    """The body named by `ref` ("etude:12") if `user` may read it; 404 whether it is missing
    or not readable, so a draft's existence is not revealed; TargetError if malformed."""
    slug, pk = parse_body_ref(ref)
    body = kind_named(slug).model.objects.readable_by(user).filter(pk=pk).first()
    if body is None:
        raise Http404(_("This text does not exist or you may not read it."))
    return body


def body_of(annotation: Annotation) -> models.Model:
    """The body an annotation is anchored in, fresh from the database."""
    kind, pk = body_of_row(annotation)
    return kind.model.objects.get(pk=pk)


# --- Comments -------------------------------------------------------------------------


def comment_for(user: User, pk: int) -> Comment:
    """A comment of a discussion `user` may read, else 404."""
    return get_object_or_404(
        Comment.objects.readable_by(user).select_related("dossier", "author"), pk=pk
    )


def comment_for_reply(user: User, pk: int) -> Comment:
    """A comment `user` may answer or report: readable (else 404), not a tombstone (404)."""
    comment = comment_for(user, pk)
    if not comment.is_visible:
        raise Http404("This message was deleted or hidden.")
    return comment


def comment_for_history(user: User, pk: int) -> Comment:
    """A comment whose earlier versions `user` may read: readable (else 404) and visible
    (404 for a tombstone: what was withdrawn or hidden is not shown in any version)."""
    comment = comment_for(user, pk)
    if not comment.is_visible:
        raise Http404("This message was deleted or hidden.")
    return comment


def reply_parent_for(user: User, target: models.Model, pk: str) -> Comment:
    """The message a new reply answers, among the comments of `target`'s discussion that
    `user` may read; 400 when there is none (a forged or foreign parent). Whether it still
    takes replies is the service's rule."""
    if not pk.isascii() or not pk.isdigit():
        raise BadRequest(_("A number was expected."))
    parent = (
        Comment.objects.readable_by(user)
        .on_target(target)
        .select_related("author")
        .filter(pk=int(pk))
        .first()
    )
    if parent is None:
        raise BadRequest(_("The message you reply to is not in this discussion."))
    return parent


def comment_for_edit(user: User, pk: int) -> Comment:
    """A comment `user` may edit or delete: readable (else 404), theirs and not removed
    (else 403)."""
    comment = comment_for(user, pk)
    if comment.author_id != user.pk or comment.state != Comment.State.VISIBLE:
        raise PermissionDenied("Only its author may change this message.")
    return comment


def comment_for_moderation(user: User, pk: int) -> Comment:
    """A comment `user` may hide or restore: user a moderator (else 403), readable (else
    404)."""
    moderator_required(user)
    return comment_for(user, pk)


# --- Annotations ----------------------------------------------------------------------


def annotation_for_read(user: User, pk: int) -> Annotation:
    return _annotation_in(Annotation.objects.readable_by(user), pk)


def _annotation_in(queryset: models.QuerySet[Annotation], pk: int) -> Annotation:
    annotation = queryset.select_related("author", "dossier").filter(pk=pk).first()
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
    """An annotation `user` may hide or restore: a moderator (else 403), shared, on a
    dossier they may read (else 404), hidden or not."""
    moderator_required(user)
    return _annotation_in(Annotation.objects.moderatable_by(user), pk)


# --- Notifications and moderators -----------------------------------------------------


def notification_for(user: User, pk: int) -> Notification:
    """One of the user's notifications about what they may still read, else 404."""
    return get_object_or_404(
        Notification.objects.for_recipient(user).select_related("comment__dossier", "dossier"),
        pk=pk,
    )


def moderator_required(user: User) -> None:
    if not user.is_moderator:
        raise PermissionDenied(_("Only moderators may hide or restore a contribution."))
