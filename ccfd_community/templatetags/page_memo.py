"""`{% reader_nav %}`: the header's part that is each member's own, which the page memo puts
back for every member a shared page is served to (ccfd_community/page_memo.py)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from ccfd_community import page_memo

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_nav(context: template.Context) -> SafeString:
    return page_memo.reader_nav(context["request"], context)
