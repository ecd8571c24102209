"""Two-column pages: where the gutter is, and the reading order it gives.

A page has two columns when, in the band between its running header and footer, the body
text leaves a vertical strip empty in the middle of the page. Lines are then built on each
side separately; a left and a right piece at one height with only a word space between them
are one line across the page (a title over both columns). Reading order: the lines across
the page in order from the top, and between two of them, the left column then the right.
"""

from __future__ import annotations

from collections import Counter

from pdfminer.layout import LTChar

BIN = 2.0  # points per bin of the page's width
MIN_GUTTER = 8.0  # points
MARGIN_ZONE = 0.11  # of the page's height, above and below: headers and footers
ACROSS, LEFT, RIGHT = -1, 0, 1


def find_gutter(chars: list[LTChar], width: float, height: float) -> float | None:
    """The x of the gutter's middle, or None for a page in one column."""
    sizes = Counter(round(c.size) for c in chars if c.get_text().strip())
    if not sizes:
        return None
    body = sizes.most_common(1)[0][0]
    band = [
        c
        for c in chars
        if round(c.size) == body and height * MARGIN_ZONE < c.y0 < height * (1 - MARGIN_ZONE)
    ]
    inside = [c for c in chars if height * MARGIN_ZONE < c.y0 < height * (1 - MARGIN_ZONE)]
    low, high = int(width * 0.3 / BIN), int(width * 0.7 / BIN) + 1
    body_bins, all_bins = _bins(band, width), _bins(inside, width)
    best: tuple[int, float] | None = None  # (characters on the lesser side, middle)
    for run in _gaps(body_bins, low, high):
        # Within the body text's gap, the gap of all text: a column may start with a
        # heading. None there means a title across both columns: the body's gap stands.
        narrower = max(_gaps(all_bins, run[0], run[0] + run[1]), key=lambda g: g[1], default=run)
        start, size = narrower if narrower[1] * BIN >= MIN_GUTTER else run
        middle = (start + size / 2) * BIN
        left = sum(1 for c in inside if c.x1 <= middle)
        right = sum(1 for c in inside if c.x0 >= middle)
        if best is None or min(left, right) > best[0]:
            best = (min(left, right), middle)
    if best is None or best[0] < 8 or len(band) < 100:  # a word beside a picture is no column
        return None
    return best[1]


def _bins(chars: list[LTChar], width: float) -> list[int]:
    """How many characters cover each BIN-wide strip of the page."""
    bins = [0] * (int(width / BIN) + 2)
    for char in chars:
        for index in range(int(char.x0 / BIN), int(char.x1 / BIN) + 1):
            bins[min(max(index, 0), len(bins) - 1)] += 1
    return bins


def _gaps(bins: list[int], low: int, high: int) -> list[tuple[int, int]]:
    """(first bin, number of bins) of each run of empty bins in [low, high) wide enough
    for a gutter."""
    runs: list[tuple[int, int]] = []
    start = None
    for index in range(low, min(high, len(bins)) + 1):
        empty = index < min(high, len(bins)) and bins[index] == 0
        if empty and start is None:
            start = index
        elif not empty and start is not None:
            if (index - start) * BIN >= MIN_GUTTER:
                runs.append((start, index - start))
            start = None
    return runs


def split_rows(rows_of, chars: list[LTChar], gutter: float) -> list[tuple[int, list[LTChar]]]:  # noqa: ANN001 rows_of groups characters into rows
    """Rows of each side, a left and right piece joined when they make one line."""
    left = [c for c in chars if (c.x0 + c.x1) / 2 < gutter]
    right = [c for c in chars if (c.x0 + c.x1) / 2 >= gutter]
    rights = rows_of(right)
    out: list[tuple[int, list[LTChar]]] = []
    for row in rows_of(left):
        centre = _centre(row)
        end = max(c.x1 for c in row)
        size = max(c.size for c in row)
        partner = next(
            (
                other
                for other in rights
                if abs(_centre(other) - centre) < 0.3 * size
                and min(c.x0 for c in other) - end < 0.6 * size
            ),
            None,
        )
        if partner is not None:
            rights.remove(partner)
            out.append((ACROSS, row + partner))
        else:
            out.append((LEFT, row))
    out.extend((RIGHT, row) for row in rights)
    return out


def _centre(row: list[LTChar]) -> float:
    return (row[0].y0 + row[0].y1) / 2


def reading_order(lines: list) -> list:  # noqa: ANN001 Line records
    """Across-page lines from the top; between two of them, the left column then the right.

    A running header or footer sits in a column like the text beside it, so it may come
    between the columns: it is found by its place on the page, not by its order.
    """
    ordered: list = []
    band: list = []
    for line in sorted(lines, key=lambda line: line.top):
        if line.column == ACROSS:
            ordered.extend(sorted(band, key=lambda line: (line.column, line.top)))
            band = []
            ordered.append(line)
        else:
            band.append(line)
    ordered.extend(sorted(band, key=lambda line: (line.column, line.top)))
    return ordered
