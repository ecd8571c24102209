"""The HTML of a thread's comments, written in Python.

A thread may hold a thousand comments; through the template engine each costs about a
millisecond (a hundred nodes, a date, a dozen localised numbers), so the list is built here
with the strings translated once per thread. The markup is the one a template would give;
`templates/discussions/_thread.html` wraps it with the thread's header and form.
"""

from __future__ import annotations

from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from discussions.models import Comment
from discussions.threads import ShownComment, Thread

_VISIBLE = str(Comment.State.VISIBLE.value)
_DELETED = str(Comment.State.DELETED.value)


def thread_entries_html(
    thread: Thread, *, csrf_token: str = "", focus: int | None = None
) -> SafeString:
    """The nested list of the thread's entries (empty when it has none)."""
    if not thread.entries:
        return mark_safe("")  # noqa: S308 a constant
    base = escape(thread.comments_url)
    dom_id = escape(thread.dom_id)
    date_format = get_format("DATE_FORMAT")
    zone = timezone.get_current_timezone()
    text = {
        "reply": escape(pgettext("action", "Reply")),
        "edit": escape(gettext("Edit")),
        "delete": escape(gettext("Delete")),
        "confirm": escape(gettext("Delete this message? Replies to it stay.")),
        "report": escape(gettext("Report")),
        "hide": escape(gettext("Hide")),
        "restore": escape(gettext("Restore")),
        "link": escape(gettext("Link")),
        "in_reply_to": escape(gettext("in reply to")),
        "deleted": escape(gettext("Message deleted by its author")),
        "hidden": escape(gettext("Message hidden by moderation")),
    }
    csrf = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
        if csrf_token
        else ""
    )
    names: dict[int, str] = {}

    def name(comment: ShownComment) -> str:
        if comment.author_id not in names:
            names[comment.author_id] = escape(comment.author.get_display_name())
        return names[comment.author_id]

    days: dict[object, str] = {}

    def when(moment) -> str:  # noqa: ANN001 a datetime
        # The day in the language's format (computed once per day), then the time.
        local = moment.astimezone(zone)
        day = local.date()
        if day not in days:
            days[day] = escape(dateformat.format(day, date_format))
        return f"{days[day]} {local:%H:%M}"

    out: list[str] = ['<ol class="comments">']
    for entry in thread.entries:
        c = entry.comment
        pk = c.pk
        state = c.state
        url = f"{base}{pk}/"
        if entry.opens:
            out.append('<ol class="comments comments--replies">')
        tombstone = "" if state == _VISIBLE else " comment--tombstone"
        autofocus = " autofocus" if focus == pk else ""
        out.append(
            f'<li class="comments__item"><article id="comment-{pk}" class="comment '
            f'comment--depth-{entry.depth}{tombstone}" tabindex="-1"{autofocus}>'
        )
        if state == _VISIBLE:
            out.append(
                f'<header class="comment__meta"><span class="comment__author">{name(c)}</span> '
                f'<a class="comment__date" href="#comment-{pk}"><time datetime="'
                f'{c.created_at.isoformat()}">{when(c.created_at)}</time></a>'
            )
            if c.edited_at:
                edited = gettext("edited on %(date)s") % {"date": when(c.edited_at)}
                out.append(f' <span class="comment__edited">{edited}</span>')
            if entry.in_reply_to is not None:
                parent = entry.in_reply_to
                out.append(
                    f' <span class="comment__reply-to">{text["in_reply_to"]} '
                    f'<a href="#comment-{parent.pk}">{name(parent)}</a></span>'
                )
            out.append(
                f'</header><div class="comment__body" id="body-{pk}">{c.body_html}</div>'
                f'<div class="comment__actions"><a href="{url}repondre/" hx-get="{url}repondre/"'
                f' hx-target="#slot-{pk}">{text["reply"]}</a>'
            )
            if entry.can_edit:
                out.append(
                    f' <a href="{url}modifier/" hx-get="{url}modifier/" hx-target="#slot-{pk}">'
                    f'{text["edit"]}</a> <form method="post" action="{url}supprimer/" '
                    f'class="inline-form" hx-post="{url}supprimer/" hx-target="#{dom_id}" '
                    f'hx-swap="outerHTML" hx-confirm="{text["confirm"]}">{csrf}<button '
                    f'type="submit" class="link-button">{text["delete"]}</button></form>'
                )
            else:
                out.append(
                    f' <a href="{url}signaler/" hx-get="{url}signaler/" hx-target="#slot-{pk}">'
                    f"{text['report']}</a>"
                )
            if entry.can_moderate:
                out.append(
                    f' <a href="{url}masquer/" hx-get="{url}masquer/" hx-target="#slot-{pk}">'
                    f"{text['hide']}</a>"
                )
            out.append(f' <a class="comment__permalink" href="{url}">{text["link"]}</a></div>')
        else:
            label = text["deleted"] if state == _DELETED else text["hidden"]
            out.append(f'<p class="comment__tombstone">{label}</p>')
            if entry.can_moderate:
                out.append(
                    f'<div class="comment__actions"><a href="{url}retablir/" '
                    f'hx-get="{url}retablir/" hx-target="#slot-{pk}">{text["restore"]}</a></div>'
                )
        out.append(f'<div id="slot-{pk}" class="comment__slot"></div></article>')
        if entry.closes is not None:
            out.append("</li>" + "</ol></li>" * len(entry.closes))
    out.append("</ol>")
    return mark_safe("".join(out))  # noqa: S308 texts escaped above, bodies sanitised on save
