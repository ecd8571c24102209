"""The fragment of a result's text shown under its title, with the searched words marked.

Built in Python on both databases, from the words of the query: PostgreSQL's ts_headline and
FTS5's snippet() both re-read the whole document for each result (ts_headline re-parses and
re-stems it), while a regular expression on the accent-folded text is far cheaper
(docs/bench.md, docs/search.md).

Words are matched accents and case folded, a word as the prefix of its Snowball stem, slightly
shortened so that the stemmer's wider matches ("évaluer" finding "évaluation") are marked
too.
"""

from __future__ import annotations

import re

from search.folding import fold, fold_char
from search.models import MARK_END, MARK_START
from search.parsing import ParsedQuery, stem

# Length of the fragment, in characters.
WIDTH = 240
# How far into a text the matches are looked for first (see make_snippet).
SCAN = 12_000


def _accent_classes() -> dict[str, str]:
    """For each ASCII letter, a character class of it and its accented forms ("e" → "[eéèêë…]")."""
    forms: dict[str, set[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code).lower()
        if len(char) == 1 and (base := fold_char(char)) != char and base.isascii():
            forms.setdefault(base, set()).add(char)
    return {base: f"[{base}{''.join(sorted(chars))}]" for base, chars in forms.items()}


_ACCENT_CLASSES = _accent_classes()


def _accent_insensitive(word: str) -> str:
    """A regular expression for `word` (folded) that matches it with or without accents."""
    return "".join(_ACCENT_CLASSES.get(char, re.escape(char)) for char in fold(word))


def _stem_prefix(word: str) -> str:
    stemmed = stem(word)
    return stemmed[: max(4, len(stemmed) - 2)] if len(stemmed) > 5 else stemmed


def query_pattern(parsed: ParsedQuery) -> re.Pattern[str] | None:
    """A regular expression finding the query's words and phrases in folded text."""
    parts = []
    for term in parsed.terms:
        if term.exclude:
            continue
        if len(term.words) == 1:
            parts.append(rf"\b{_accent_insensitive(_stem_prefix(term.words[0]))}\w*")
        else:
            parts.append(r"\b" + r"\W+".join(_accent_insensitive(w) for w in term.words) + r"\b")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def make_snippet(text: str, pattern: re.Pattern[str] | None) -> str:
    """The densest WIDTH-character window of `text`, matches wrapped in MARK_START/END."""
    # The densest window of the first SCAN characters, where a match is most often: a text
    # of 10,000 words is read further only when they hold none.
    matches = list(pattern.finditer(text, 0, SCAN)) if pattern else []
    if pattern and not matches and len(text) > SCAN:
        matches = list(pattern.finditer(text))
    if not matches:
        return _squeeze(text[:WIDTH]) + ("…" if len(text) > WIDTH else "")
    # The window starting at the match that has the most matches within WIDTH after it.
    best, best_count, last = 0, 0, 0
    for index, match in enumerate(matches):
        last = max(last, index)
        while last + 1 < len(matches) and matches[last + 1].end() <= match.start() + WIDTH:
            last += 1
        if last - index + 1 > best_count:
            best, best_count = index, last - index + 1
    first = matches[best]
    start = max(0, first.start() - WIDTH // 4)
    if start:
        space = min(
            (i for i in (text.find(" ", start), text.find("\n", start)) if i >= 0), default=-1
        )
        start = space + 1 if 0 <= space < first.start() else first.start()
    end = min(len(text), start + WIDTH)
    if end < len(text):
        space = max(text.rfind(" ", first.end(), end), text.rfind("\n", first.end(), end))
        end = space if space > 0 else end
    pieces = ["…" if start else ""]
    position = start
    for match in matches[best:]:
        if match.start() >= end:
            break
        stop = min(match.end(), end)
        pieces += [text[position : match.start()], MARK_START, text[match.start() : stop], MARK_END]
        position = stop
    pieces += [text[position:end], "…" if end < len(text) else ""]
    return _squeeze("".join(pieces))


def _squeeze(text: str) -> str:
    """Line breaks and runs of spaces become one space."""
    return " ".join(text.split())
