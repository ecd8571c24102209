"""The one place where user and curator Markdown becomes HTML.

markdown-it-py with raw HTML disabled renders, nh3 sanitises the result with an allow-list,
and headings get stable ids so a table of contents can link to them. Comments, annotations
and content bodies all go through `render_markdown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from django.utils.text import slugify
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

_ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    # ids on links and list items only come from footnotes (raw HTML is never rendered).
    "a": {"href", "title", "id"},
    "li": {"id"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
# The footnotes' markup (mdit-py-plugins): numbered calls, the notes in a section at the end.
_ALLOWED_CLASSES = {
    "sup": {"footnote-ref"},
    "hr": {"footnotes-sep"},
    "section": {"footnotes"},
    "ol": {"footnotes-list"},
    "li": {"footnote-item"},
    "a": {"footnote-backref"},
}
# Only ordinary links: no javascript:, data: or other schemes.
_URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Rendered:
    html: str
    headings: list[Heading]


def _parser() -> MarkdownIt:
    # "commonmark" with html=False escapes any raw HTML the author typed; tables and
    # strikethrough are the two extensions long texts use.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


_MD = _parser()
# Content bodies (dossiers, case studies, recommendations) also take footnotes, `[^1]`, which
# imported documents carry; messages and notes do not (their ids would meet the page's).
_MD_WITH_NOTES = _parser().use(footnote_plugin)


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS | {"section"},
        attributes=_ALLOWED_ATTRIBUTES,
        allowed_classes=_ALLOWED_CLASSES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(
    source: str, *, heading_ids: bool = False, id_prefix: str = "", notes_id: str = ""
) -> Rendered:
    """Render Markdown to sanitised HTML; with heading_ids, give h2-h4 unique anchors; with
    notes_id, render footnotes, their anchors named after it (one per body on a page).

    Headings in comments are demoted (no ids) so that user text never collides with the
    anchors of the page.
    """
    md = _MD_WITH_NOTES if notes_id else _MD
    env = {"docId": notes_id} if notes_id else {}
    tokens = md.parse(source or "", env)
    headings: list[Heading] = []
    used: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        if level == 1:
            # The page title is the only h1; a "# Title" in a body becomes a section.
            token.tag = "h2"
            tokens[_closing(tokens, index)].tag = "h2"
            level = 2
        if not heading_ids or level > 4:
            continue
        text = tokens[index + 1].content
        base = id_prefix + (slugify(text)[:60] or "section")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        token.attrSet("id", anchor)
        headings.append(Heading(level=level, text=text, anchor=anchor))
    html = md.renderer.render(tokens, md.options, env)
    return Rendered(html=sanitise_html(html), headings=headings)


def _closing(tokens: list, index: int) -> int:
    for j in range(index + 1, len(tokens)):
        if tokens[j].type == "heading_close":
            return j
    return index


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    """The text content of an HTML fragment, as the browser's `textContent` gives it.

    Annotation positions count in this text, so it must match the DOM exactly: every text
    node, whitespace between blocks included, entities decoded.
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)
