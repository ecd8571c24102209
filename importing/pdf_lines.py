"""A PDF page's characters as lines of text, each with its position and its font.

pdfminer.six gives every character with its font name, size and box. Its own line finder cuts
justified lines at their wide spaces, so lines are built here: characters grouped by their
vertical centre, ordered left to right, a space wherever the gap between two characters is
wide. Raised small digits become footnote references, kept as `FOOTNOTE_REF` placeholders
until the page's notes are known.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from pdfminer.layout import LTChar

from importing.pdf_columns import find_gutter, reading_order, split_rows

# A footnote reference inside a line's text: OPEN + the document's number + CLOSE.
OPEN, CLOSE = "\ue000", "\ue001"
FOOTNOTE_REF = re.compile(OPEN + r"(\d+)" + CLOSE)

LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
# No-break, narrow no-break, thin and other fixed-width spaces read as a plain space; a
# zero-width space as nothing. A soft hyphen is kept: at a line's end it says « join ».
SPACES = str.maketrans(
    dict.fromkeys(
        "\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000\t",
        " ",
    )
    | {"\u200b": None, "\ufeff": None}
)
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "demi")
UNMAPPED = re.compile(r"\(cid:\d+\)")


@dataclass
class Line:
    """One line of a page, in PDF points with y measured from the page's top."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the size most of its characters have
    bold: bool  # most of its characters are in a bold face
    page: int  # index in the document, from 0
    column: int = 0  # 0 left or only, 1 right, -1 across a two-column page
    # (x0, text) of each part a gap wider than 1.5 × size separates: a table row's cells
    cells: tuple[tuple[float, str], ...] = ()

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def style(self) -> tuple[float, bool]:
        return (round(self.size * 2) / 2, self.bold)


def normalise(text: str) -> str:
    """Ligatures spelt out, exotic spaces made plain, unmapped glyph codes dropped."""
    return UNMAPPED.sub("", text.translate(LIGATURES).translate(SPACES))


def _is_bold(fontname: str) -> bool:
    name = fontname.lower().split("+")[-1]
    return any(word in name for word in BOLD_NAMES)


def page_lines(chars: list[LTChar], width: float, height: float, page: int) -> list[Line]:
    """The page's horizontal text as lines, in reading order (columns one after the other)."""
    chars = [c for c in chars if c.upright and c.get_text().strip() or c.get_text() == " "]
    gutter = find_gutter(chars, width, height)
    if gutter is None:
        rows = [(0, row) for row in _rows(chars)]
    else:
        rows = split_rows(_rows, chars, gutter)
    lines = [_line(sorted(row, key=lambda c: c.x0), height, page, col) for col, row in rows]
    lines = [line for line in lines if line.text.strip()]
    if gutter is None:
        return sorted(lines, key=lambda line: (round(line.top), line.x0))
    return reading_order(lines)


def _rows(chars: list[LTChar]) -> list[list[LTChar]]:
    """Characters grouped by their vertical centre, from the top of the page."""
    rows: list[list[LTChar]] = []
    anchor = size = 0.0  # the centre and size of the current row's first character
    for char in sorted(chars, key=lambda c: -(c.y0 + c.y1)):
        centre = (char.y0 + char.y1) / 2
        if rows and anchor - centre < 0.45 * max(char.size, size):
            rows[-1].append(char)
            continue
        rows.append([char])
        anchor, size = centre, char.size
    return rows


def _line(row: list[LTChar], page_height: float, page: int, column: int) -> Line:
    sizes = Counter(round(c.size, 1) for c in row if c.get_text().strip())
    size = sizes.most_common(1)[0][0] if sizes else row[0].size
    base = [c.matrix[5] for c in row if abs(c.size - size) < 0.2]
    baseline = statistics.median(base) if base else row[0].matrix[5]
    parts: list[str] = []
    previous: LTChar | None = None
    reference = ""
    bold = 0
    starts: list[tuple[float, int]] = [(row[0].x0, 0)]  # each cell's x0 and first part
    for char in row:
        text = char.get_text()
        raised = char.size < 0.85 * size and char.matrix[5] > baseline + 0.2 * size
        if reference and not (raised and text.isdigit()):
            parts.append(OPEN + reference + CLOSE)
            reference = ""
        gap = char.x0 - previous.x1 if previous is not None else 0.0
        if (
            previous is not None
            and parts
            and text != " "
            and gap > 0.18 * min(char.size, previous.size)
        ):
            if not parts[-1].endswith(" "):
                parts.append(" ")
            if gap > 1.5 * size and text.strip():
                starts.append((char.x0, len(parts)))
        if raised and text.isdigit():
            reference += text
        else:
            parts.append(text)
        bold += _is_bold(char.fontname) and bool(text.strip())
        previous = char
    if reference:
        parts.append(OPEN + reference + CLOSE)
    text = re.sub(r" {2,}", " ", normalise("".join(parts))).strip()
    visible = sum(1 for c in row if c.get_text().strip()) or 1
    return Line(
        text=text,
        x0=min(c.x0 for c in row),
        x1=max(c.x1 for c in row),
        top=page_height - max(c.y1 for c in row),
        bottom=page_height - min(c.y0 for c in row),
        size=float(size),
        bold=bold / visible > 0.6,
        page=page,
        column=column,
        cells=_cells(parts, starts) if len(starts) > 1 else (),
    )


def _cells(parts: list[str], starts: list[tuple[float, int]]) -> tuple[tuple[float, str], ...]:
    bounds = [index for _x, index in starts[1:]] + [len(parts)]
    return tuple(
        (x, FOOTNOTE_REF.sub("", normalise("".join(parts[index:end]))).strip())
        for (x, index), end in zip(starts, bounds, strict=True)
    )
