from __future__ import annotations

from types import SimpleNamespace

from django import template
from django.db import models
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from discussions.rendering import thread_entries_html
from discussions.targets import kind_of
from discussions.threads import Thread, thread_key

register = template.Library()


@register.filter
def thread_of(threads: dict[str, Thread], target: models.Model) -> Thread | None:
    """The discussion of `target` among the page's threads: `threads|thread_of:case`."""
    return threads.get(thread_key(target))


@register.filter
def body_ref(body: models.Model) -> str:
    """How the annotation API names a body: `{{ case|body_ref }}` gives "etude:12"."""
    return kind_of(body).ref(body.pk)


@register.simple_tag(takes_context=True)
def thread_entries(context: template.Context, thread: Thread) -> SafeString:
    """The thread's comments as nested lists (see discussions.rendering for why in Python)."""
    return thread_entries_html(
        thread, csrf_token=str(context.get("csrf_token") or ""), focus=context.get("focus")
    )


COMMENT_FORM_TEMPLATE = "discussions/_comment_form.html"
# What the empty form shows of its thread, and the stand-in each is rendered as (no NUL is
# in the template's own text).
_FORM_SLOTS = {
    "dom_id": "\x00dom_id\x00",
    "slug": "\x00slug\x00",
    "pk": "\x00pk\x00",
    "max_length": "\x00max_length\x00",
    "new_form_id": "\x00form_id\x00",
}


@register.simple_tag(takes_context=True)
def new_message_form(context: template.Context, thread: Thread) -> SafeString:
    """The thread's empty « Votre message » form: `_comment_form.html` rendered once per
    request with stand-ins for the thread's values, then each thread's put in their place
    (rendered for each of a dossier page's dozen threads, it cost 2.4 ms)."""
    request = getattr(context, "request", None)
    prototype = getattr(request, "_new_message_form", None)
    if prototype is None:
        stand_in = SimpleNamespace(**_FORM_SLOTS)
        blank = {"form": None, "parent": None, "editing": None}
        with context.push(thread=stand_in, form_id=_FORM_SLOTS["new_form_id"], **blank):
            prototype = get_template(COMMENT_FORM_TEMPLATE).template.render(context)
        if request is not None:
            request._new_message_form = prototype
    html = prototype
    for name, slot in _FORM_SLOTS.items():
        html = html.replace(slot, escape(getattr(thread, name)))
    return mark_safe(html)  # noqa: S308 the template's output, the values escaped
