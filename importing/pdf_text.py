"""Paragraphs re-joined from a PDF's lines, and the words cut at line ends mended.

A line ending in « - » was cut by the typesetter (« parte- / nariat ») or ends a compound
(« Moyen- / Orient », « est- / ce »). Told apart by, in order: the word written whole or
hyphenated elsewhere in the document, a capital or a clitic after the cut, a first part that
starts compounds; otherwise the word is joined, the typesetter's cut being the common case.
"""

from __future__ import annotations

import re
from collections import Counter

from importing.pdf_lines import FOOTNOTE_REF, Line

WORD_EDGE = re.compile(r"^\W+|\W+$")
TERMINAL = tuple('.!?…:»"”)')
BULLET = re.compile(r"^[•▪◦●■\uf0b7\uf0a7–]\s+")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
# Words after a hyphen that make a compound. Not « le », « la », « les », « en », « y »:
# « prends-les » is rare in a report, « diffici-les » cut at a line's end is not.
_CLITICS = (
    "ce ci là je tu il ils elle elles on nous vous t "
    "à être même mêmes dire deux trois quatre cinq six sept huit neuf dix onze douze vingt "
    "cent cents mille un une"
)
CLITICS = frozenset(_CLITICS.split())
# First parts of compounds: « porte-parole », « quarante-deux », « sous-région ».
_HEADS = (
    "porte après avant arrière demi semi mi non ex vice sans sous bien grand grande grands "
    "petit petite beau belle nord sud est ouest moyen haut haute basse libre chef lieu "
    "vingt trente quarante cinquante soixante dix c'est peut faut va a court long "
    "mot mots franco afro euro socio politico"
)
COMPOUND_HEADS = frozenset(_HEADS.split())


def _bare(word: str) -> str:
    return WORD_EDGE.sub("", word).lower()


def vocabulary(lines: list[Line]) -> tuple[set[str], set[str]]:
    """Words written whole, and compounds written with their hyphen, inside lines."""
    whole: set[str] = set()
    hyphenated: set[str] = set()
    for line in lines:
        words = line.text.split()
        for word in words[:-1] if words and words[-1].endswith("-") else words:
            bare = _bare(FOOTNOTE_REF.sub("", word))
            (hyphenated if "-" in bare else whole).add(bare)
    return whole, hyphenated


def keeps_hyphen(left: str, right: str, whole: set[str], hyphenated: set[str]) -> bool:
    """Whether « left- » at a line's end and « right » on the next make a compound."""
    head = _bare(left.rstrip("-")).split("’")[-1].split("'")[-1]
    tail = _bare(right)
    first = tail.split("-")[0]
    if f"{head}-{tail}" in hyphenated or f"{head}-{first}" in hyphenated:
        return True
    if head + tail in whole or head + first in whole:
        return False
    if right[:1].isupper() or right[:1].isdigit():
        return True
    return first in CLITICS or head in COMPOUND_HEADS


def join_lines(
    texts: list[str], whole: set[str] = frozenset(), hyphenated: set[str] = frozenset()
) -> str:  # noqa: B006 frozensets are immutable
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith("\u00ad"):
            out = out[:-1] + text
        elif re.search(r"\w-$", out) and text[:1].isalpha():
            left = out.rsplit(" ", 1)[-1]
            right = text.split(" ", 1)[0]
            out = out + text if keeps_hyphen(left, right, whole, hyphenated) else out[:-1] + text
        else:
            out = f"{out} {text}"
    return out.replace("\u00ad", "")


def clean_words(parts: list[str]) -> str:
    return join_lines(parts)


def inline_escape(text: str) -> str:
    """No accidental emphasis, code or link: Markdown reads the text back as itself."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def block_escape(text: str) -> str:
    """No accidental heading, quote or list at a paragraph's start."""
    text = re.sub(r"^([#>+]|-(?=\s))", r"\\\1", text)
    return re.sub(r"^(\d+)([.)])(?=\s)", r"\1\\\2", text)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[max(0, int(len(ordered) * share) - 1)]


class Paragraphs:
    """Where paragraphs start and end among the body's lines, and their Markdown."""

    def __init__(
        self, body: list[Line], size: float, page_notes: dict[tuple[int, int], str]
    ) -> None:
        self.body = body
        self.size = size
        self.page_notes = page_notes
        self.numbers: dict[tuple[int, int], int] = {}
        self.whole, self.hyphenated = vocabulary(body)
        plain = [line for line in body if abs(line.size - size) < 0.3]
        ends = sorted(line.x1 for line in plain) or [0.0]
        self.rights = {
            column: _percentile([line.x1 for line in plain if line.column == column], 0.95)
            for column in {line.column for line in plain}
        }
        self.right = _percentile(ends, 0.95)
        starts = Counter(round(line.x0) for line in plain)
        self.left = float(starts.most_common(1)[0][0]) if starts else 0.0
        self.lefts = {
            column: float(
                Counter(round(x.x0) for x in plain if x.column == column).most_common(1)[0][0]
            )
            for column in self.rights
        }
        self.justified = sum(1 for line in plain if self._full(line, 2)) >= 0.45 * len(ends)
        steps = Counter(
            round(b.top - a.top)
            for a, b in zip(plain, plain[1:], strict=False)
            if a.page == b.page and 0.8 * size < b.top - a.top < 2.5 * size
        )
        self.leading = float(steps.most_common(1)[0][0]) if steps else size * 1.3

    def _full(self, line: Line, slack: float | None = None) -> bool:
        right = self.rights.get(line.column, self.right)
        return line.x1 >= right - (1.5 * self.size if slack is None else slack)

    def continues(self, first: Line, prev: Line, nxt: Line) -> bool:
        """Whether `nxt` goes on the paragraph that `prev` ends so far."""
        ended = prev.text.rstrip().endswith(TERMINAL)
        if BULLET.match(nxt.text) or abs(nxt.size - prev.size) > 0.6:
            return False
        if NUMBERED.match(nxt.text) and (ended or not self._full(prev)):
            return False
        listed = bool(BULLET.match(first.text) or NUMBERED.match(first.text))
        if listed and nxt.column == prev.column and nxt.x0 < first.x0 + 0.5 * self.size:
            return False  # back at the bullet's margin: the item is over (its lines hang)
        if nxt.page != prev.page or nxt.column != prev.column:
            if nxt.text[:1].islower():
                return True
            if self.justified:
                return self._full(prev)
            # Ragged lines inside a paragraph nearly all come near the edge, its last one
            # rarely: a long line ending a sentence most likely goes on after the break.
            width = self.rights.get(prev.column, self.right) - self.lefts.get(
                prev.column, self.left
            )
            return not ended or self._full(prev, 0.12 * width)
        if nxt.top - prev.top > self.leading * 1.35:
            return False
        if (
            not listed
            and nxt.x0 > prev.x0 + 0.8 * self.size
            and nxt.x0 > self.left + 0.8 * self.size
        ):
            return False
        if self.justified:
            return self._full(prev) or not ended
        right = self.rights.get(prev.column, self.right)
        short = prev.x1 < right - 0.25 * (right - self.lefts.get(prev.column, self.left))
        return not (short and ended and nxt.text[:1].isupper())

    def paragraph_end(self, start: int, is_heading) -> int:  # noqa: ANN001 a predicate on lines
        end = start + 1
        while end < len(self.body) and not is_heading(self.body[end]):
            if not self.continues(self.body[start], self.body[end - 1], self.body[end]):
                break
            end += 1
        return end

    def _references(self, line: Line, text: str) -> str:
        def replace(found: re.Match[str]) -> str:
            key = (line.page, int(found.group(1)))
            if key not in self.page_notes:
                return found.group(1)  # a raised digit with no note: an exponent
            number = self.numbers.setdefault(key, len(self.numbers) + 1)
            return f"[^{number}]"

        return FOOTNOTE_REF.sub(replace, text)

    def render(self, start: int, end: int) -> str:
        lines = self.body[start:end]
        texts = [self._references(line, inline_escape(line.text)) for line in lines]
        text = join_lines(texts, self.whole, self.hyphenated)
        bullet = BULLET.match(text)
        if bullet:
            return "- " + text[bullet.end() :]
        return text if NUMBERED.match(text) else block_escape(text)

    def definitions(self) -> list[str]:
        return [
            f"[^{number}]: {inline_escape(self.page_notes[key])}"
            for key, number in sorted(self.numbers.items(), key=lambda item: item[1])
        ]
