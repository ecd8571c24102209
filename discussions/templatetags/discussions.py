from __future__ import annotations

from django import template
from django.db import models
from django.utils.safestring import SafeString

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
