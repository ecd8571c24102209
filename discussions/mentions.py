"""@mentions: colleagues named in a comment by their display name, e.g. "@Alice Martin".

Names contain spaces, so a mention is read as the longest display name of an active member
that the text after "@" starts with (case-insensitively), ending at a word boundary. A member
without a display name cannot be mentioned: the label shown instead is no name to type.

A mention links to the colleague's profile page, never to their email address, which other
members must not read (issue 10); the link is stored in the comment's HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from django.db.models import Q

if TYPE_CHECKING:
    from accounts.models import User

# "@" not glued to a word (so "alice@example.org" is no mention), then the first word.
_MENTION = re.compile(r"(?<![\w@])@(\w[\w'’.-]*)")
# Links and code keep their text as typed.
_SKIPPED_TAGS = {"a", "code", "pre"}
_TAG = re.compile(r"(<[^>]*>)")
# Code blocks and spans in Markdown source: what they hold is no mention.
_CODE = re.compile(r"```.*?```|~~~.*?~~~|`[^`]*`", re.DOTALL)


def _starts_with_name(text: str, name: str) -> bool:
    if not name or text[: len(name)].lower() != name.lower():
        return False
    return len(text) == len(name) or not text[len(name)].isalnum()


def users_mentioned_in(text: str) -> list[User]:
    """The active members mentioned in `text`, each once, in order of first mention."""
    from accounts.models import User

    text = _CODE.sub(" ", text or "")
    words = {match.group(1).lower() for match in _MENTION.finditer(text)}
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(display_name__istartswith=word)
    candidates = sorted(
        User.objects.filter(query, is_active=True),
        key=lambda user: len(user.get_display_name()),
        reverse=True,
    )
    found: dict[int, User] = {}
    for match in _MENTION.finditer(text):
        rest = text[match.start() + 1 :]
        for user in candidates:
            if _starts_with_name(rest, user.get_display_name()):
                found.setdefault(user.pk, user)
                break
    return list(found.values())


def link_mentions(html: str, users: Iterable[User]) -> str:
    """Wrap "@Name" of each mentioned user in a link to their profile, outside links and
    code.

    `html` is already sanitised; only escaped names and reversed URLs are added to it.
    """
    by_name = {escape(user.get_display_name(), quote=False).lower(): user for user in users}
    if not by_name:
        return html
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w@])@(" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.IGNORECASE
    )

    def link(match: re.Match[str]) -> str:
        user = by_name[match.group(1).lower()]
        return (
            f'<a class="mention" href="{escape(user.get_absolute_url())}">'
            f"@{escape(user.get_display_name(), quote=False)}</a>"
        )

    parts = _TAG.split(html)
    skipping = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            tag = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
            if tag in _SKIPPED_TAGS:
                skipping += -1 if part.startswith("</") else 1
                skipping = max(skipping, 0)
        elif part and not skipping:
            parts[index] = pattern.sub(link, part)
    return "".join(parts)
