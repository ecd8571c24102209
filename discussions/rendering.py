"""The HTML of a thread's comments, written in Python.

A thread may hold a thousand comments, and the Django template engine is slow for each (a
hundred nodes, a date, a dozen localised numbers: docs/bench.md), so the list is built here:
what every entry shares once per thread (`_Page`), then one small function per part of an
entry. Every URL comes from `reverse()`: each comment route is reversed once per process (and
script prefix) with a placeholder pk that each entry replaces with its own, so a route given
another path in `discussions/urls.py` takes the page's links with it, and a renamed one fails
loudly.

The markup is the one a template would give (tests/discussions/test_rendering.py holds it);
`templates/discussions/_thread.html` wraps it with the thread's header and form. Why Python
rather than Jinja2: docs/discussions.md, "Rendering a thread".
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from ccfd_community import page_memo
from discussions.models import Comment
from discussions.threads import Entry, Pager, ShownComment, Thread

_VISIBLE = str(Comment.State.VISIBLE.value)
_DELETED = str(Comment.State.DELETED.value)
# Reversed in the place of a comment's pk, then cut out: any number the route accepts.
_PLACEHOLDER = "2147483647"


@dataclass(frozen=True, slots=True)
class _Route:
    """A comment route reversed once, HTML-escaped and cut around the pk."""

    before: str
    after: str

    @classmethod
    def of(cls, name: str) -> _Route:
        return _reversed(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)

    def url(self, pk: int) -> str:
        return f"{self.before}{pk}{self.after}"


@functools.cache
def _reversed(name: str, prefix: str, urlconf: str) -> _Route:
    """A route reversed once per process for each script prefix and URL configuration (all
    a reversed URL depends on here: no URL is translated), instead of eleven `reverse()`
    calls for each thread of a page."""
    del prefix, urlconf  # the cache's key: reverse() reads them itself
    url = escape(reverse(name, kwargs={"pk": int(_PLACEHOLDER)}))
    before, after = url.split(_PLACEHOLDER)  # exactly one placeholder, else ValueError
    return _Route(before, after)


def _route(name: str) -> _Route:
    """A `_Page` field: the route, reversed the first time a page needs it (`_reversed`)."""
    return field(default_factory=lambda: _Route.of(name))


def _texts() -> dict[str, str]:
    """The interface strings in the active language, escaped."""
    texts = {
        "reply": pgettext("action", "Reply"),
        "edit": gettext("Edit"),
        "delete": gettext("Delete"),
        "confirm": gettext("Delete this message? Replies to it stay."),
        "report": gettext("Report"),
        "hide": gettext("Hide"),
        "restore": gettext("Restore"),
        "link": gettext("Link"),
        "in_reply_to": gettext("in reply to"),
        "earlier_versions": gettext("see its earlier versions"),
        "deleted": gettext("Message deleted by its author"),
        "hidden": gettext("Message hidden by moderation"),
        "cited": gettext("cited in the synthesis"),
    }
    return {key: escape(value) for key, value in texts.items()}


@dataclass
class _Page:
    """What the entries of one thread share: texts, routes, the viewer's form token, and
    author names, their profile links and days computed once each."""

    dom_id: str
    focus: int | None
    csrf_input: str
    text: dict[str, str] = field(default_factory=_texts)
    # An author's name links to their profile.
    member: _Route = _route("accounts:member")
    comment: _Route = _route("discussions:comment")
    reply: _Route = _route("discussions:comment-reply")
    edit: _Route = _route("discussions:comment-edit")
    delete: _Route = _route("discussions:comment-delete")
    flag: _Route = _route("discussions:comment-flag")
    hide: _Route = _route("discussions:comment-hide")
    restore: _Route = _route("discussions:comment-restore")
    revisions: _Route = _route("discussions:comment-revisions")
    synthesis: _Route = _route("syntheses:detail")
    date_format: str = field(default_factory=lambda: get_format("DATE_FORMAT"))
    zone: tzinfo = field(default_factory=timezone.get_current_timezone)
    names: dict[int, str] = field(default_factory=dict)
    authors: dict[int, str] = field(default_factory=dict)
    days: dict[date, str] = field(default_factory=dict)

    def name(self, comment: ShownComment) -> str:
        if comment.author_id not in self.names:
            self.names[comment.author_id] = escape(comment.author.get_display_name())
        return self.names[comment.author_id]

    def author(self, comment: ShownComment) -> str:
        """The author's name as a link to their profile."""
        if comment.author_id not in self.authors:
            self.authors[comment.author_id] = (
                f'<a class="comment__author" href="{self.member.url(comment.author_id)}">'
                f"{self.name(comment)}</a>"
            )
        return self.authors[comment.author_id]

    def when(self, moment: datetime) -> str:
        """The day in the language's format (computed once per day), then the time."""
        local = moment.astimezone(self.zone)
        day = local.date()
        if day not in self.days:
            self.days[day] = escape(dateformat.format(day, self.date_format))
        return f"{self.days[day]} {local:%H:%M}"


def thread_entries_html(
    thread: Thread, *, csrf_token: str = "", focus: int | None = None
) -> SafeString:
    """The nested list of the thread's entries (empty when it has none); for a fragment
    that continues a list (`thread.continues`), its items alone, the first message focused
    (htmx focuses it once swapped in: where the reader goes on reading)."""
    if not thread.entries:
        return mark_safe("")  # noqa: S308 a constant
    if thread.continues is not None and focus is None:
        focus = next((item.comment.pk for item in thread.entries if isinstance(item, Entry)), None)
    page = _Page(dom_id=escape(thread.dom_id), focus=focus, csrf_input=_csrf_input(csrf_token))
    out = [
        _pager(entry) if isinstance(entry, Pager) else _entry(page, entry)
        for entry in thread.entries
    ]
    if thread.continues is None:
        out = ['<ol class="comments">', *out, "</ol>"]
    return mark_safe("".join(out))  # noqa: S308 texts escaped above, bodies sanitised on save


def _csrf_input(csrf_token: str) -> str:
    if not csrf_token:
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'


def _entry(page: _Page, entry: Entry) -> str:
    """One list item, with the markup that opens a list of replies before it or closes
    lists after it."""
    pk = entry.comment.pk
    visible = entry.comment.state == _VISIBLE
    tombstone = "" if visible else " comment--tombstone"
    autofocus = " autofocus" if page.focus == pk else ""
    opens = '<ol class="comments comments--replies">' if entry.opens else ""
    closes = "" if entry.closes is None else "</li>" + "</ol></li>" * len(entry.closes)
    return (
        f'{opens}<li class="comments__item"><article id="comment-{pk}" class="comment '
        f'comment--depth-{entry.depth}{tombstone}" tabindex="-1"{autofocus}>'
        f"{_comment(page, entry) if visible else _tombstone(page, entry)}"
        f'<div id="slot-{pk}" class="comment__slot"></div></article>{closes}'
    )


def _pager(pager: Pager) -> str:
    """A link to the page with more of the discussion; htmx loads that part in its place."""
    if pager.direction == "older":
        label = ngettext(
            "Earlier messages (%(count)s thread)",
            "Earlier messages (%(count)s threads)",
            pager.count,
        )
    elif pager.direction == "newer":
        label = ngettext(
            "Newer messages (%(count)s thread)", "Newer messages (%(count)s threads)", pager.count
        )
    elif pager.direction == "earlier-replies":
        label = ngettext("Earlier reply (%(count)s)", "Earlier replies (%(count)s)", pager.count)
    else:
        label = ngettext(
            "See the other reply (%(count)s)", "See the other replies (%(count)s)", pager.count
        )
    opens = '<ol class="comments comments--replies">' if pager.opens else ""
    closes = "" if pager.closes is None else "</li>" + "</ol></li>" * len(pager.closes)
    return (
        f'{opens}<li class="comments__item comments__more comments__more--{pager.direction}">'
        f'<a class="button button--secondary" href="{escape(pager.href)}" '
        f'hx-get="{escape(pager.fragment)}" hx-target="closest li" hx-swap="outerHTML">'
        f"{escape(label % {'count': pager.count})}</a>{closes}"
    )


def _comment(page: _Page, entry: Entry) -> str:
    comment = entry.comment
    return (
        f"{_meta(page, entry)}"
        f'<div class="comment__body" id="body-{comment.pk}">{comment.body_html}</div>'
        f"{_cited(page, comment.cited_in)}{_actions(page, entry)}"
    )


def _meta(page: _Page, entry: Entry) -> str:
    """Author, date, edit date and, for a reply shown flat, the parent it answers."""
    comment = entry.comment
    meta = (
        f'<header class="comment__meta">{page.author(comment)} '
        f'<a class="comment__date" href="#comment-{comment.pk}"><time datetime="'
        f'{comment.created_at.isoformat()}">{page.when(comment.created_at)}</time></a>'
    )
    if comment.edited_at:
        # « modifié » opens the earlier versions: in the comment's slot, or on their page.
        edited = escape(gettext("edited on %(date)s")) % {"date": page.when(comment.edited_at)}
        url = page.revisions.url(comment.pk)
        meta += (
            f' <a class="comment__edited" href="{url}" hx-get="{url}" '
            f'hx-target="#slot-{comment.pk}">{edited}<span class="visually-hidden"> — '
            f"{page.text['earlier_versions']}</span></a>"
        )
    if entry.in_reply_to is not None:
        parent = entry.in_reply_to
        meta += (
            f' <span class="comment__reply-to">{page.text["in_reply_to"]} '
            f'<a href="#comment-{parent.pk}">{page.name(parent)}</a></span>'
        )
    return f"{meta}</header>"


def _cited(page: _Page, synthesis_pk: int | None) -> str:
    """« cité dans la synthèse », linking to it (syntheses)."""
    if synthesis_pk is None:
        return ""
    url = page.synthesis.url(synthesis_pk)
    return f'<p class="comment__cited"><a href="{url}">{page.text["cited"]}</a></p>'


def _actions(page: _Page, entry: Entry) -> str:
    """Reply; edit and delete for its author, report for others; hide for a moderator."""
    pk = entry.comment.pk
    text = page.text
    actions = [
        _link(page.reply.url(pk), pk, text["reply"]),
        _edit_or_report(page, pk, entry.can_edit),
    ]
    if entry.can_moderate:
        actions.append(_link(page.hide.url(pk), pk, text["hide"]))
    actions.append(
        f'<a class="comment__permalink" href="{page.comment.url(pk)}">{text["link"]}</a>'
    )
    return f'<div class="comment__actions">{" ".join(actions)}</div>'


def _edit_or_report(page: _Page, pk: int, can_edit: bool) -> str:
    """Edit and delete for its author, report for others."""
    if can_edit:
        return f"{_link(page.edit.url(pk), pk, page.text['edit'])} {_delete_form(page, pk)}"
    return _link(page.flag.url(pk), pk, page.text["report"])


def own_buttons(threads: Iterable[Thread]) -> dict[int, tuple[tuple[str, str], ...]]:
    """For each author of a message these threads show, the message's « Signaler » as the
    others see it, and its « Modifier » and « Supprimer » as its author does, their form
    token at `page_memo.TOKEN_SLOT`: the page memo shares the page with its authors, their
    buttons put back, and from them, the others' put back (`page_memo.personal_to`)."""
    own: dict[int, list[tuple[str, str]]] = defaultdict(list)
    page = None
    for thread in threads:
        entries = [
            entry
            for entry in thread.entries
            if isinstance(entry, Entry) and entry.comment.state == _VISIBLE
        ]
        if not entries:
            continue
        # Made once (its routes reversed once), given each thread's id.
        page = replace(
            page or _Page(dom_id="", focus=None, csrf_input=_csrf_input(page_memo.TOKEN_SLOT)),
            dom_id=escape(thread.dom_id),
        )
        for entry in entries:
            pk = entry.comment.pk
            own[entry.comment.author_id].append(
                (_edit_or_report(page, pk, False), _edit_or_report(page, pk, True))
            )
    return {author: tuple(pieces) for author, pieces in own.items()}


def _tombstone(page: _Page, entry: Entry) -> str:
    """What stays of a deleted or hidden comment that has replies; a moderator may restore
    a hidden one."""
    label = page.text["deleted"] if entry.comment.state == _DELETED else page.text["hidden"]
    html = f'<p class="comment__tombstone">{label}</p>'
    if entry.can_moderate:
        pk = entry.comment.pk
        restore = _link(page.restore.url(pk), pk, page.text["restore"])
        html += f'<div class="comment__actions">{restore}</div>'
    return html


def _link(url: str, pk: int, label: str) -> str:
    """An action that opens its form in the comment's slot (a page of its own without
    JavaScript)."""
    return f'<a href="{url}" hx-get="{url}" hx-target="#slot-{pk}">{label}</a>'


def _delete_form(page: _Page, pk: int) -> str:
    url = page.delete.url(pk)
    return (
        f'<form method="post" action="{url}" class="inline-form" hx-post="{url}" '
        f'hx-target="#{page.dom_id}" hx-swap="outerHTML" hx-confirm="{page.text["confirm"]}">'
        f'{page.csrf_input}<button type="submit" class="link-button">{page.text["delete"]}'
        "</button></form>"
    )
