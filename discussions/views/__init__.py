"""Discussion pages and forms, one module per resource: threads, comments, moderation (of
comments and annotations, and the queue), follows and notifications, exports."""

from discussions.views.comments import (
    comment,
    comment_create,
    comment_delete,
    comment_edit,
    comment_flag,
    comment_reply,
    comment_revisions,
)
from discussions.views.exports import dossier_export
from discussions.views.moderation import (
    annotation_flag,
    annotation_flags_dismiss,
    annotation_hide,
    annotation_restore,
    comment_flags_dismiss,
    comment_hide,
    comment_restore,
    moderation_queue,
)
from discussions.views.notifications import (
    follow,
    notification_open,
    notifications,
    notifications_read,
)
from discussions.views.threads import comment_replies, thread, thread_page

__all__ = [
    "annotation_flag",
    "annotation_flags_dismiss",
    "annotation_hide",
    "annotation_restore",
    "comment",
    "comment_create",
    "comment_delete",
    "comment_edit",
    "comment_flag",
    "comment_flags_dismiss",
    "comment_hide",
    "comment_replies",
    "comment_reply",
    "comment_restore",
    "comment_revisions",
    "dossier_export",
    "follow",
    "moderation_queue",
    "notification_open",
    "notifications",
    "notifications_read",
    "thread",
    "thread_page",
]
