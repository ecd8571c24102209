"""Tables in a PDF: rows of cells that line up, made into a Markdown table.

A line whose words leave gaps wider than one and a half times its size has cells
(`Line.cells`). Two lines or more in a row, on one page, with the same number of cells
starting at the same places (within 4 points), are a table; its first row is the header.
Justified text never has two such lines aligned, since its wide gaps fall where the words do.
"""

from __future__ import annotations

from importing.pdf_lines import Line
from importing.pdf_text import inline_escape

ALIGNED = 4.0  # points between the starts of one column's cells


def table_end(body: list[Line], start: int, size: float) -> int:
    """Where the table starting at `start` ends, or `start` when none starts there."""
    first = body[start]
    if len(first.cells) < 2:
        return start
    starts = [x for x, _text in first.cells]
    end = start + 1
    while end < len(body):
        line = body[end]
        if line.page != first.page or len(line.cells) != len(starts):
            break
        if any(abs(x - y) > ALIGNED for (x, _text), y in zip(line.cells, starts, strict=True)):
            break
        if line.top - body[end - 1].top > 3 * size:
            break
        end += 1
    return end if end - start >= 2 else start


def table_starts(body: list[Line], size: float) -> set[int]:
    """The indexes in `body` where a table starts."""
    found: set[int] = set()
    index = 0
    while index < len(body):
        end = table_end(body, index, size)
        if end > index:
            found.add(index)
        index = max(end, index + 1)
    return found


def render_table(lines: list[Line]) -> str:
    rows = [[inline_escape(text).replace("|", "\\|") for _x, text in line.cells] for line in lines]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" for _ in rows[0]) + "|"]
    out.extend("| " + " | ".join(row) + " |" for row in rows[1:])
    return "\n".join(out)
