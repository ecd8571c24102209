"""Rendering a thread's 1,000 comments: the renderer in use, the candidate it was chosen over,
and the renderer both replaced, on SQLite and PostgreSQL.

Builds the 1,000-comment discussion of bench_discussions.py, reads it as a member sees it,
checks that the three renderers give the same bytes, then prints for each the median and 90th
percentile of RENDERS renders of the comment list alone (all 1,000 comments in one list, as
no page shows them since discussions are paged) and, for the renderer in use, of REQUESTS
thread requests through the test client, which show one page (after two warm-ups; the
renderers take turns).
Budget: the whole request ≤ 100 ms median at 1,000 comments. The choice and its figures:
docs/discussions.md, "Rendering a thread".

    .venv/bin/python bench/bench_rendering.py        (or `make bench`)
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median, percentile, run_on_each_database, timed  # noqa: E402

if TYPE_CHECKING:
    from datetime import datetime

    from django.test import Client
    from django.utils.safestring import SafeString

    from discussions.threads import ShownComment, Thread

COMMENTS = 1000
RENDERS = 50
REQUESTS = 20
CSRF_TOKEN = "jeton"  # noqa: S105 a made-up form token, not a secret

# --- Candidate (a), measured and not chosen: Django's Jinja2 backend, autoescape on ---------
# Names, days and the token reach the template escaped by Django's `escape` (SafeString, which
# Jinja2 leaves alone): MarkupSafe spells ' and " as &#39; and &#34;, Django as &#x27; and
# &quot;, and the markup must not change by a byte.

JINJA2_TEMPLATE = """\
<ol class="comments">
{%- for entry in entries %}{% set c = entry.comment %}{% set pk = c.pk %}
{%- if entry.opens %}<ol class="comments comments--replies">{% endif -%}
<li class="comments__item"><article id="comment-{{ pk }}" class="comment comment--depth-{{ entry.depth }}
{%- if c.state != visible %} comment--tombstone{% endif %}" tabindex="-1"
{%- if focus == pk %} autofocus{% endif %}>
{%- if c.state == visible -%}
<header class="comment__meta"><a class="comment__author" href="{{ urls.member(c.author_id) }}">{{ name(c) }}</a> <a class="comment__date" href="#comment-{{ pk }}"><time datetime="{{ c.created_at.isoformat() }}">{{ when(c.created_at) }}</time></a>
{%- if c.edited_at %}{% set url = urls.revisions(pk) %} <a class="comment__edited" href="{{ url }}" hx-get="{{ url }}" hx-target="#slot-{{ pk }}">{{ edited(c.edited_at) }}<span class="visually-hidden"> — {{ text.earlier_versions }}</span></a>{% endif %}
{%- if entry.in_reply_to is not none %} <span class="comment__reply-to">{{ text.in_reply_to }} <a href="#comment-{{ entry.in_reply_to.pk }}">{{ name(entry.in_reply_to) }}</a></span>{% endif -%}
</header><div class="comment__body" id="body-{{ pk }}">{{ c.body_html|safe }}</div><div class="comment__actions">
{%- set url = urls.reply(pk) %}<a href="{{ url }}" hx-get="{{ url }}" hx-target="#slot-{{ pk }}">{{ text.reply }}</a>
{%- if entry.can_edit %}{% set url = urls.edit(pk) %} <a href="{{ url }}" hx-get="{{ url }}" hx-target="#slot-{{ pk }}">{{ text.edit }}</a>
{%- set url = urls.delete(pk) %} <form method="post" action="{{ url }}" class="inline-form" hx-post="{{ url }}" hx-target="#{{ dom_id }}" hx-swap="outerHTML" hx-confirm="{{ text.confirm }}">
{%- if csrf_token %}<input type="hidden" name="csrfmiddlewaretoken" value="{{ csrf_token }}">{% endif -%}
<button type="submit" class="link-button">{{ text.delete }}</button></form>
{%- else %}{% set url = urls.flag(pk) %} <a href="{{ url }}" hx-get="{{ url }}" hx-target="#slot-{{ pk }}">{{ text.report }}</a>
{%- endif %}
{%- if entry.can_moderate %}{% set url = urls.hide(pk) %} <a href="{{ url }}" hx-get="{{ url }}" hx-target="#slot-{{ pk }}">{{ text.hide }}</a>{% endif %} <a class="comment__permalink" href="{{ urls.comment(pk) }}">{{ text.link }}</a></div>
{%- else -%}
<p class="comment__tombstone">{{ text.deleted if c.state == deleted else text.hidden }}</p>
{%- if entry.can_moderate %}{% set url = urls.restore(pk) %}<div class="comment__actions"><a href="{{ url }}" hx-get="{{ url }}" hx-target="#slot-{{ pk }}">{{ text.restore }}</a></div>{% endif %}
{%- endif -%}
<div id="slot-{{ pk }}" class="comment__slot"></div></article>
{%- if entry.closes is not none %}</li>{% for _ in entry.closes %}</ol></li>{% endfor %}{% endif %}
{%- endfor -%}
</ol>
"""

JINJA2_ROUTES = {
    "comment": "discussions:comment",
    "reply": "discussions:comment-reply",
    "edit": "discussions:comment-edit",
    "delete": "discussions:comment-delete",
    "flag": "discussions:comment-flag",
    "hide": "discussions:comment-hide",
    "restore": "discussions:comment-restore",
    "revisions": "discussions:comment-revisions",
    "member": "accounts:member",
}


@functools.cache
def jinja2_template() -> Any:
    from django.template.backends.jinja2 import Jinja2

    engine = Jinja2({"NAME": "bench", "DIRS": [], "APP_DIRS": False, "OPTIONS": {}})
    return engine.from_string(JINJA2_TEMPLATE)


def jinja2_route(name: str) -> Callable[[int], str]:
    """The route reversed once with a placeholder pk; each call puts a comment's pk in."""
    from django.urls import reverse

    before, after = reverse(name, kwargs={"pk": 2147483647}).split("2147483647")
    return lambda pk: f"{before}{pk}{after}"


def jinja2_entries_html(
    thread: Thread, *, csrf_token: str = "", focus: int | None = None
) -> SafeString:
    from django.utils import dateformat, timezone
    from django.utils.formats import get_format
    from django.utils.html import escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext, pgettext

    if not thread.entries:
        return mark_safe("")
    date_format = get_format("DATE_FORMAT")
    zone = timezone.get_current_timezone()
    names: dict[int, SafeString] = {}
    days: dict[object, str] = {}

    def name(comment: ShownComment) -> SafeString:
        if comment.author_id not in names:
            names[comment.author_id] = escape(comment.author.get_display_name())
        return names[comment.author_id]

    def when(moment: datetime) -> SafeString:
        local = moment.astimezone(zone)
        day = local.date()
        if day not in days:
            days[day] = escape(dateformat.format(day, date_format))
        return mark_safe(f"{days[day]} {local:%H:%M}")

    def edited(moment: datetime) -> SafeString:
        return mark_safe(escape(gettext("edited on %(date)s")) % {"date": when(moment)})

    text = {
        "reply": pgettext("action", "Reply"),
        "edit": gettext("Edit"),
        "delete": gettext("Delete"),
        "confirm": gettext("Delete this message? Replies to it stay."),
        "report": gettext("Report"),
        "hide": gettext("Hide"),
        "restore": gettext("Restore"),
        "link": gettext("Link"),
        "in_reply_to": gettext("in reply to"),
        "deleted": gettext("Message deleted by its author"),
        "hidden": gettext("Message hidden by moderation"),
        "earlier_versions": gettext("see its earlier versions"),
    }
    context = {
        "entries": thread.entries,
        "text": {key: escape(value) for key, value in text.items()},
        "urls": {key: jinja2_route(route) for key, route in JINJA2_ROUTES.items()},
        "name": name,
        "when": when,
        "edited": edited,
        "dom_id": escape(thread.dom_id),
        "focus": focus,
        "csrf_token": escape(csrf_token),
        "visible": "visible",
        "deleted": "deleted",
    }
    return mark_safe(jinja2_template().render(context))


# --- Measuring ------------------------------------------------------------------------


def renderers() -> dict[str, Callable[..., SafeString]]:
    from discussions.rendering import thread_entries_html

    return {
        "in use: (b) Python, reversed routes": thread_entries_html,
        "(a) Jinja2 template": jinja2_entries_html,
    }


def in_turns(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Milliseconds of each call, `rounds` times, the calls taking turns so that a busy moment
    of the machine falls on all of them alike."""
    for call in calls.values():
        for _ in range(2):
            call()
    times: dict[str, list[float]] = {label: [] for label in calls}
    for _ in range(rounds):
        for label, call in calls.items():
            times[label].extend(timed(call, 1))
    return times


def requested(client: Client, url: str, render: Callable[..., SafeString]) -> Callable[[], None]:
    """The whole thread request, with `render` in the template tag's place."""
    from unittest import mock

    def call() -> None:
        with mock.patch("discussions.templatetags.discussions.thread_entries_html", render):
            assert client.get(url).status_code == 200

    return call


def main() -> None:
    from django.contrib.auth.hashers import make_password
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from bench.bench_discussions import USERS, build

    password = make_password("bench")
    users = User.objects.bulk_create(
        User(email=f"membre{n}@example.org", display_name=f"Membre {n}", password=password)
        for n in range(USERS)
    )
    dossier, _root, _deep = build(f"Dossier à {COMMENTS} commentaires", COMMENTS, users)
    thread = whole_thread(users[0], dossier)
    client = Client()
    client.force_login(users[0])
    url = reverse("discussions:thread", args=["dossier", dossier.pk])

    outputs = {render(thread, csrf_token=CSRF_TOKEN) for render in renderers().values()}
    assert len(outputs) == 1, "the renderers do not give the same markup"
    print(f"{len(thread.entries)} comments, {len(outputs.pop()):,} characters of markup")
    lists = in_turns(
        {
            label: functools.partial(render, thread, csrf_token=CSRF_TOKEN)
            for label, render in renderers().items()
        },
        RENDERS,
    )
    # A request shows one page of the discussion (its pagers are the renderer in use's only).
    in_use = next(iter(renderers()))
    requests = in_turns({in_use: requested(client, url, renderers()[in_use])}, REQUESTS)
    for label in renderers():
        request = (
            f"  |  thread request (a page) {median(requests[label]):5.1f} ms median,"
            f" {percentile(requests[label], 90):5.1f} ms p90"
            if label in requests
            else ""
        )
        print(
            f"{label:<36} list {median(lists[label]):5.1f} ms median,"
            f" {percentile(lists[label], 90):5.1f} ms p90{request}",
            flush=True,
        )


def whole_thread(user: Any, dossier: Any) -> Thread:
    """All the comments of the dossier's discussion as one list, as pages never show it:
    what the renderers are compared on."""
    from discussions.models import Comment
    from discussions.targets import kind_of
    from discussions.threads import Thread, shown_comments, thread_entries
    from discussions.tree import discussion_tree

    tree = discussion_tree(user, dossier)
    comments = {row.pk: row for row in shown_comments(Comment.objects.on_target(dossier))}
    entries = thread_entries(tree, comments, user)
    return Thread(kind=kind_of(dossier), target=dossier, entries=entries, count=tree.count)


if __name__ == "__main__":
    run_on_each_database(main)
