"""The learning digest's email, text and HTML, rendered with Jinja2.

The Django template engine took about 15 ms for the two parts of one digest (a few hundred
nodes, a translated sentence per item, an included template per notification), a third of
what building and sending a digest cost; the same templates in Jinja2 take a fraction of
it. Autoescaping is on for the HTML part (`.html.jinja`), off for the text part. The
sentences are the preview page's (`templates/learning/email/_digest_sections.html`, which
the catalogue is made from) with the same msgids, through Django's gettext in the active
language; a notification's sentence is rendered once, by the template the other emails use
(`discussions/_notification_text.txt`), for both parts.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

import jinja2
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

TEMPLATES = settings.BASE_DIR / "templates" / "learning" / "email"


def _date(value: datetime, format_string: str) -> str:
    """Django's `date` filter: in the current time zone, month names translated."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, format_string)


def _truncatechars(value: str, length: int) -> str:
    return Truncator(value).chars(length)


# A path ending in a pk is the one `reverse` gives with a placeholder pk, the placeholder
# replaced by the pk (an integer: nothing to escape); about 60 `reverse()` calls a digest
# cost a tenth of its time. The models whose `get_absolute_url` is such a path, with its
# route (tests/learning/test_digest.py checks they agree).
_PLACEHOLDER = 987654321
PK_ROUTES = {
    "learning.fieldreport": "learning:report",
    "syntheses.synthesis": "syntheses:detail",
    "discussions.comment": "discussions:comment",
}


@cache
def _pk_route(name: str, script_prefix: str) -> tuple[str, str]:
    before, placeholder, after = reverse(name, kwargs={"pk": _PLACEHOLDER}).partition(
        str(_PLACEHOLDER)
    )
    if not placeholder or str(_PLACEHOLDER) in after:
        raise ValueError(f"{name}: no single pk in its path")
    return before, after


def pk_path(name: str, pk: int) -> str:
    """`reverse(name, kwargs={"pk": pk})`, the route reversed once."""
    before, after = _pk_route(name, get_script_prefix())
    return f"{before}{int(pk)}{after}"


def _recommendation_url(pk: int) -> str:
    return pk_path("learning:recommendation", pk)


def object_path(obj: Any) -> str:
    """`obj.get_absolute_url()`, by its route's prefix for the models of `PK_ROUTES`."""
    route = PK_ROUTES.get(obj._meta.label_lower)
    return pk_path(route, obj.pk) if route else obj.get_absolute_url()


def _paths() -> Any:
    """`object_path`, each object's asked once for both parts of one email."""
    found: dict[tuple[str, int], str] = {}

    def url(obj: Any) -> str:
        key = (obj._meta.label_lower, obj.pk)
        if key not in found:
            found[key] = object_path(obj)
        return found[key]

    return url


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.jinja",)),
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["date"] = _date
    env.filters["truncatechars"] = _truncatechars
    env.globals["recommendation_url"] = _recommendation_url
    return env


def _texts(context: dict[str, Any]) -> dict[str, Any]:
    """The greeting and footer, in the active language."""
    digest = context["digest"]
    footer = gettext(
        "You receive this digest because of your preferences: <a "
        'href="%(profile_url)s">change its frequency in your profile</a>, or <a '
        'href="%(unsubscribe_url)s">unsubscribe in one click</a>.'
    )
    urls = {name: escape(context[name]) for name in ("profile_url", "unsubscribe_url")}
    return {
        "title": gettext("Your learning digest"),
        "hello": gettext("Hello %(name)s,") % {"name": digest.recipient.get_display_name()},
        "since": gettext("Here is what is new for you since %(date)s.")
        % {"date": _date(digest.since, "j F Y")},
        "footer_html": mark_safe(footer % urls),  # noqa: S308 (the URLs escaped)
        "footer_text": gettext(
            "You receive this digest because of your preferences; change its frequency in "
            "your profile:"
        ),
        "unsubscribe_text": gettext("Unsubscribe in one click:"),
    }


def digest_parts(context: dict[str, Any]) -> tuple[str, str]:
    """The email's text and HTML, from `learning.digest.digest_context`."""
    items = [
        {
            **item,
            "text": render_to_string(
                "discussions/_notification_text.txt", {"notification": item["notification"]}
            ),
        }
        for item in context["notification_items"]
    ]
    values = {**context, "notification_items": items, "texts": _texts(context), "url": _paths()}
    env = environment()
    text = env.get_template("digest.txt.jinja").render(values)
    html = env.get_template("digest.html.jinja").render(values)
    return text, html
