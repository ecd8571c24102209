"""Discussions on the dossiers: comments, inline annotations, flags, follows, notifications
(contributions in `contributions`, what surrounds them in `activity`)."""

from discussions.models.activity import Flag, Follow, Notification, NotificationQuerySet
from discussions.models.contributions import (
    ANNOTATION_NOTE_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    CONTEXT_MAX_LENGTH,
    QUOTE_MAX_LENGTH,
    Annotation,
    AnnotationQuerySet,
    Comment,
    CommentQuerySet,
    CommentRevision,
    MarkdownNote,
    Moderated,
)

__all__ = [
    "ANNOTATION_NOTE_MAX_LENGTH",
    "COMMENT_MAX_LENGTH",
    "CONTEXT_MAX_LENGTH",
    "QUOTE_MAX_LENGTH",
    "Annotation",
    "AnnotationQuerySet",
    "Comment",
    "CommentQuerySet",
    "CommentRevision",
    "Flag",
    "Follow",
    "MarkdownNote",
    "Moderated",
    "Notification",
    "NotificationQuerySet",
]
