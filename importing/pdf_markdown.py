"""A PDF's lines, page by page, made into the project's Markdown.

In order: the running headers, footers and page numbers go (lines at a page's top or foot
repeated on other pages, digits aside, and lone page numbers); the table of contents page
goes; the cover page gives the title and authors; each page's footnotes are read at its foot;
the rest is cut into headings (larger or bold lines, ranked by style and numbering) and
paragraphs (re-joined across lines and pages, hyphenation at line ends repaired).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from importing.pdf_lines import FOOTNOTE_REF, Line
from importing.pdf_tables import render_table, table_end, table_starts
from importing.pdf_text import TERMINAL, Paragraphs, clean_words, inline_escape, join_lines

PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?(?:[-–—]\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*[-–—])?(?:\s*(?:/|sur|de|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)
TOC_TITLE = re.compile(r"^(table des mati[eè]res|sommaire|contents|table of contents)$", re.I)
TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|\. \. \.|\s{3,})\s*\d{1,4}$|\s\d{1,4}$")
LEADERS = re.compile(r"\.{3,}|…{2,}|(?:\. ){3,}")
NUMBERING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\S")
DEEP_NUMBERING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+\S")  # « 2.1 », not « 2. »
AUTHOR_LINE = re.compile(
    r"^(?:par|auteurs?|autrices?|r[ée]dig[ée]e? par|r[ée]alis[ée]e? par|by)\s*:?\s+(.+)$", re.I
)
NOTE_START = re.compile(r"^(?:" + FOOTNOTE_REF.pattern + r"|(\d{1,3})[.)]?\s)")
MARGIN_ZONE = 0.11  # of the page's height: where running headers and footers sit


@dataclass
class Document:
    """What the reading of a PDF found, page by page."""

    pages: list[list[Line]]
    heights: list[float]
    title: str = ""
    authors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    first_page_text: str = ""


def body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _running_key(text: str, line: Line) -> tuple[str, int]:
    """Its text, digits aside, and its height on the page: a header keeps its place."""
    return re.sub(r"\d+", "#", text.lower()).strip(), round(line.top / 8)


def _parts(line: Line) -> list[str]:
    """The line, and its cells: « Rapport 2024      Page 3 » is a title and a number."""
    return [line.text, *(text for _x, text in line.cells)]


def drop_running_lines(doc: Document, size: float) -> int:
    """Remove headers, footers and page numbers; return how many lines went."""
    keys: Counter[tuple[str, int]] = Counter()
    for lines, height in zip(doc.pages, doc.heights, strict=True):
        margin = [line for line in lines if _in_margin(line, height)]
        keys.update({_running_key(text, line) for line in margin for text in _parts(line)})
    with_text = sum(1 for lines in doc.pages if lines)

    def running(text: str, line: Line) -> bool:
        if PAGE_NUMBER.match(text):
            return True
        count = keys[_running_key(text, line)]
        repeated = count >= 2 and (line.size < size * 0.95 or count >= 0.3 * with_text)
        return repeated and not NOTE_START.match(text)

    removed = 0
    for index, (lines, height) in enumerate(zip(doc.pages, doc.heights, strict=True)):
        kept = []
        for line in lines:
            cells = [text for _x, text in line.cells]
            whole = running(line.text, line) or bool(cells) and all(running(t, line) for t in cells)
            if _in_margin(line, height) and whole:
                removed += 1
            else:
                kept.append(line)
        doc.pages[index] = kept
    return removed


def _in_margin(line: Line, height: float) -> bool:
    return line.top < height * MARGIN_ZONE or line.bottom > height * (1 - MARGIN_ZONE)


def is_toc_page(lines: list[Line]) -> bool:
    """A contents page: titled so and mostly entries, or nearly all entries with leaders."""
    if len(lines) < 3:
        return False
    entries = sum(1 for line in lines if TOC_ENTRY.search(line.text))
    leaders = sum(1 for line in lines if LEADERS.search(line.text))
    titled = any(TOC_TITLE.match(line.text.strip()) for line in lines[:3])
    return (titled and entries >= 0.5 * len(lines)) or leaders >= 0.7 * len(lines)


def drop_toc_pages(doc: Document) -> None:
    for index, lines in enumerate(doc.pages[:12]):
        if is_toc_page(lines):
            doc.pages[index] = []
            doc.notes.append(
                _("The table of contents (page %(page)s) was removed.") % {"page": index + 1}
            )


def read_cover(doc: Document, size: float, meta_title: str, meta_authors: list[str]) -> None:
    """Title, authors and first page text; a cover page leaves the body."""
    first = next((i for i, lines in enumerate(doc.pages) if lines), None)
    if first is None:
        return
    lines = doc.pages[first]
    doc.first_page_text = "\n".join(FOOTNOTE_REF.sub("", line.text) for line in lines)
    words = sum(len(line.text.split()) for line in lines)
    biggest = max(line.size for line in lines)
    cover = len([p for p in doc.pages if p]) > 1 and words <= 80 and biggest >= size * 1.3
    title_lines = [line for line in lines[:6] if line.size >= biggest - 0.5]
    doc.title = meta_title or " ".join(line.text for line in title_lines)
    doc.authors = meta_authors or _authors_on(lines)
    if cover:
        doc.pages[first] = []
        doc.notes.append(_("The cover page was removed (its title and authors were kept)."))
    elif (
        title_lines
        and biggest >= size * 1.3
        and _same_words(doc.title, " ".join(t.text for t in title_lines))
    ):
        doc.pages[first] = _without_byline(lines, title_lines, doc.authors)


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _without_byline(lines: list[Line], title_lines: list[Line], authors: list[str]) -> list[Line]:
    """The first page less its title, and the author lines just under it."""
    kept = [line for line in lines if line not in title_lines]
    names = {name.lower() for name in authors}
    while kept and kept[0].top < title_lines[-1].bottom + 120:
        text = kept[0].text.strip()
        if not (text.lower() in names or AUTHOR_LINE.match(text)) or not names:
            break
        kept.pop(0)
    return kept


def _authors_on(lines: list[Line]) -> list[str]:
    for line in lines:
        found = AUTHOR_LINE.match(line.text.strip())
        if found:
            return split_authors(found.group(1))
    return []


def split_authors(text: str) -> list[str]:
    names = re.split(r"\s*(?:,|;|&|\bet\b|\band\b)\s*", text.strip())
    return [name.strip() for name in names if len(name.strip()) > 1][:12]


def take_footnotes(lines: list[Line], size: float) -> tuple[list[Line], dict[int, str]]:
    """Split a page into its body and its notes, numbered lines at its foot.

    Notes are the smaller lines at the foot, or, set at the body's size, the lines from one
    that opens with a raised number referenced higher on the page down to the page's end.
    """
    end = _notes_start(lines, size)
    notes: dict[int, list[str]] = {}
    current: int | None = None
    body_tail: list[Line] = []
    for line in lines[end:]:
        start = NOTE_START.match(line.text)
        if start:
            current = int(start.group(1) or start.group(2))
            notes[current] = [line.text[start.end() :].strip()]
        elif current is not None:
            notes[current].append(line.text)
        else:
            body_tail.append(line)
    return lines[:end] + body_tail, {n: clean_words(parts) for n, parts in notes.items()}


def _notes_start(lines: list[Line], size: float) -> int:
    end = len(lines)
    while end > 0 and lines[end - 1].size < size * 0.95:
        end -= 1
    referenced = {
        int(number)
        for line in lines
        for number in FOOTNOTE_REF.findall(line.text[1:])  # not a note's own number
    }
    index = end - 1
    while index >= max(0, end - 12):  # notes of the body's size: a dozen lines at most
        opening = FOOTNOTE_REF.match(lines[index].text)
        if opening and int(opening.group(1)) in referenced:
            end = index
        index -= 1
    return end


def heading_levels(lines: list[Line], size: float) -> dict[tuple[float, bool], int]:
    """Each heading style's level: larger first, bold before regular at one size."""
    styles = {
        line.style
        for line in lines
        if is_heading_style(line, size) and not numbered_plain(line, size)
    }
    ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
    return {style: min(rank + 1, 3) for rank, style in enumerate(ranked)}


def is_heading_style(line: Line, size: float) -> bool:
    if len(line.text) > 160 or FOOTNOTE_REF.search(line.text):
        return False
    return line.size >= size * 1.12 or (line.bold and line.size >= size * 0.95)


def numbered_plain(line: Line, size: float) -> int:
    """The level of a heading set like the body but numbered « 2.1 » (0 when it is not one)."""
    found = DEEP_NUMBERING.match(line.text)
    if not found or line.bold or abs(line.size - size) > 0.6 or len(line.text) > 90:
        return 0
    return 0 if line.text.rstrip().endswith(TERMINAL) else min(3, found.group(1).count(".") + 1)


def build_markdown(doc: Document, size: float) -> str:
    """The body's headings and paragraphs, then its notes as Markdown footnotes."""
    body: list[Line] = []
    page_notes: dict[tuple[int, int], str] = {}
    for lines in doc.pages:
        kept, notes = take_footnotes(lines, size)
        body.extend(kept)
        if lines:
            page_notes.update({(lines[0].page, n): text for n, text in notes.items()})
    levels = heading_levels(body, size)

    def is_heading(line: Line) -> bool:
        styled = line.style in levels and is_heading_style(line, size)
        return styled or bool(numbered_plain(line, size))

    paragraphs = Paragraphs(body, size, page_notes)
    tables = table_starts(body, size)
    table_lines = {id(body[index]) for index in tables}

    def ends_paragraph(line: Line) -> bool:
        return is_heading(line) or id(line) in table_lines

    blocks: list[str] = []
    index = 0
    while index < len(body):
        line = body[index]
        if index in tables:
            end = table_end(body, index, size)
            blocks.append(render_table(body[index:end]))
            index = end
        elif numbered_plain(line, size):
            blocks.append("#" * numbered_plain(line, size) + " " + inline_escape(line.text))
            index += 1
        elif is_heading(line):
            block, index = _heading(body, index, levels, paragraphs)
            blocks.append(block)
        else:
            end = paragraphs.paragraph_end(index, ends_paragraph)
            blocks.append(paragraphs.render(index, end))
            index = end
    blocks.extend(paragraphs.definitions())
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


def _heading(
    body: list[Line], index: int, levels: dict[tuple[float, bool], int], paragraphs: Paragraphs
) -> tuple[str, int]:
    """The heading starting at `index` (its lines joined) and the index after it."""
    line = body[index]
    group = [line]
    while (
        index + 1 < len(body)
        and body[index + 1].style == line.style
        and body[index + 1].page == line.page
        and body[index + 1].top - group[-1].bottom < 0.5 * line.size
        and not NUMBERING.match(body[index + 1].text)
    ):
        index += 1
        group.append(body[index])
    index += 1
    if len(group) > 3 or sum(len(part.text) for part in group) > 200:
        return paragraphs.render(index - len(group), index), index  # a bold paragraph
    text = join_lines([part.text for part in group])
    return "#" * _level(text, levels[line.style], levels) + " " + inline_escape(text), index


def _level(text: str, style_level: int, levels: dict[tuple[float, bool], int]) -> int:
    """Numbering deepens a level when styles alone do not tell (« 1.2 » under « 1. »)."""
    numbered = NUMBERING.match(text)
    if numbered and len(set(levels.values())) == 1:
        return min(3, numbered.group(1).count(".") + 1)
    return style_level
