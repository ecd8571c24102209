from __future__ import annotations

from django import template

from discussions.threads import Target, Thread, target_key

register = template.Library()


@register.filter
def thread_of(threads: dict[str, Thread], target: Target) -> Thread | None:
    """The discussion of `target` among the page's threads: `threads|thread_of:case`."""
    return threads.get(target_key(target))
