"""Text anchoring of annotations: W3C quote and position selectors against a body's text.

Pure functions on strings, no database. Positions count Unicode code points of the body's
`body_text` (Python string indices), as the W3C TextPositionSelector says; the browser
converts from its UTF-16 offsets before sending them.

Locating a passage after the text changed (`locate`) follows what annotation tools learnt
the hard way (../shared/DESIGN.md): keep quote, context and position together, and bound
the fuzziness.

1. The position still holds the quote and its context: kept.
2. Else every exact occurrence of the quote is a candidate, ranked by how much of its
   context still matches, then by closeness to where the passage should be now (its old
   position carried through a diff of the old and new texts, when the old text is known).
3. Else a fuzzy match: the span the diff carries the old passage to, or diff-match-patch's
   bitap search for the quote's head and tail near the expected position. A fuzzy
   candidate is accepted only with at most one edit per `FUZZY_CHARS_PER_EDIT` characters
   of the quote (Levenshtein distance), so "Linus" never lands on "chines".

A candidate far from the expected position must also keep some of its context, so a short
quote ("la") whose passage was removed does not jump to another "la" elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from diff_match_patch import diff_match_patch
from django.utils.translation import gettext as _

from discussions.models import CONTEXT_MAX_LENGTH, QUOTE_MAX_LENGTH

# Characters of context stored on each side of a passage (TextQuoteSelector prefix/suffix).
CONTEXT_LENGTH = 32
# The fuzziness bound: one edit allowed per this many characters of the quote (a quote of
# fewer characters must match exactly).
FUZZY_CHARS_PER_EDIT = 5
# A candidate this close to the expected position needs no context to be believed.
NEAR = 64
# Characters of matching context that make a distant candidate believable.
MIN_CONTEXT = 8
# More exact occurrences than this are not ranked one by one (a one-word quote in a book).
MAX_OCCURRENCES = 2_000
# The bitap search looks for at most this many characters (its cost grows with them).
BITAP_CHARS = 32


class SelectorError(ValueError):
    """A selector the body's text cannot hold; the message says why, in French."""


@dataclass(frozen=True)
class Selector:
    """TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end)."""

    exact: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    # A diff of two 10,000-word versions is fast when they share most of their text; a
    # rewrite gives up early and the passages are then found by quote and context.
    dmp.Diff_Timeout = 0.2
    # Bitap search: a location this far away costs as much as the whole error budget.
    dmp.Match_Distance = 2_000
    dmp.Match_Threshold = 0.4
    return dmp


def max_edits(quote: str) -> int:
    return len(quote) // FUZZY_CHARS_PER_EDIT


def with_context(text: str, start: int, end: int) -> Selector:
    """The selector of text[start:end], with the context the stored text has around it."""
    return Selector(
        exact=text[start:end],
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def validate(text: str, selector: Selector) -> Selector:
    """The selector as it is in `text`, with fresh context; SelectorError if it is not there.

    `exact` must equal text[start:end], or be found exactly elsewhere with its prefix and
    suffix (the reader saw a slightly older text): then the positions are corrected.
    """
    if not selector.exact:
        raise SelectorError(_("The quoted passage (exact) is empty."))
    if len(selector.exact) > QUOTE_MAX_LENGTH:
        raise SelectorError(
            _("The quoted passage is too long (%(max)d characters at most).")
            % {"max": QUOTE_MAX_LENGTH}
        )
    for name, value in (("prefix", selector.prefix), ("suffix", selector.suffix)):
        if len(value) > CONTEXT_MAX_LENGTH:
            raise SelectorError(
                _("The context (%(name)s) is too long (%(max)d characters at most).")
                % {"name": name, "max": CONTEXT_MAX_LENGTH}
            )
    if selector.start < 0 or selector.end < 0:
        raise SelectorError(_("Positions (start, end) cannot be negative."))
    if selector.start >= selector.end:
        raise SelectorError(_("The start position must come before the end position."))
    if selector.end > len(text):
        raise SelectorError(
            _("The end position (%(end)d) is beyond the end of the text (%(length)d).")
            % {"end": selector.end, "length": len(text)}
        )
    if text[selector.start : selector.end] == selector.exact:
        return with_context(text, selector.start, selector.end)
    found = _find_with_context(text, selector)
    if found is None:
        raise SelectorError(
            _(
                "The quoted passage does not match the text at this position, nor anywhere "
                "with the same context. The text may have changed: reload the page."
            )
        )
    return with_context(text, found, found + len(selector.exact))


def _find_with_context(text: str, selector: Selector) -> int | None:
    """The occurrence of the quote whose whole prefix and suffix match, nearest to start."""
    best: int | None = None
    for position in _occurrences(text, selector.exact):
        end = position + len(selector.exact)
        in_context = text.endswith(selector.prefix, 0, position) and text.startswith(
            selector.suffix, end
        )
        if in_context and (
            best is None or abs(position - selector.start) < abs(best - selector.start)
        ):
            best = position
    return best


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    position = text.find(quote)
    while position != -1 and len(found) < MAX_OCCURRENCES:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, start: int, end: int, selector: Selector) -> int:
    """How many characters of the stored context still surround text[start:end]."""
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    return _common_suffix(before, selector.prefix) + _common_prefix(after, selector.suffix)


@dataclass
class TextChange:
    """An old version of a text and the new one, with the diff between them computed once."""

    old: str
    new: str
    _diffs: list | None = None

    def position(self, old_position: int) -> int:
        """Where a position of the old text is in the new one."""
        if self._diffs is None:
            dmp = _dmp()
            # Line mode first: bodies are paragraphs, and it keeps a big diff fast and sharp.
            self._diffs = dmp.diff_main(self.old, self.new, True)
        return _dmp().diff_xIndex(self._diffs, old_position)


def locate(text: str, selector: Selector, change: TextChange | None = None) -> Selector | None:
    """The selector re-anchored in `text` (with fresh context), or None: orphaned.

    `change`, when the text the selector was made on is known, carries its old position
    to where it should be now; without it the old position is the best guess.
    """
    start, end, exact = selector.start, selector.end, selector.exact
    if not exact:
        return None
    full_context = len(selector.prefix) + len(selector.suffix)
    if text[start:end] == exact and _context_score(text, start, end, selector) == full_context:
        return with_context(text, start, end)

    expected = change.position(start) if change is not None else start

    def believable(position: int, score: int) -> bool:
        return (
            abs(position - expected) <= NEAR
            or score >= min(MIN_CONTEXT, full_context)
            or full_context == 0
        )

    # 2. Exact occurrences, best context first, then nearest.
    best: tuple[int, int, int] | None = None
    for position in _occurrences(text, exact):
        score = _context_score(text, position, position + len(exact), selector)
        key = (score, -abs(position - expected), position)
        if believable(position, score) and (best is None or key > best):
            best = key
    if best is not None:
        return with_context(text, best[2], best[2] + len(exact))

    # 3. Fuzzy, within the bound: the closest candidate wins, then the best context.
    fuzzy: tuple[int, int, int, int] | None = None
    for cand_start, cand_end in _fuzzy_candidates(text, selector, expected, change):
        if cand_end <= cand_start:
            continue
        edits = _edit_distance(exact, text[cand_start:cand_end])
        if edits > max_edits(exact):
            continue
        score = _context_score(text, cand_start, cand_end, selector)
        key = (-edits, score, cand_start, cand_end)
        if believable(cand_start, score) and (fuzzy is None or key > fuzzy):
            fuzzy = key
    if fuzzy is not None:
        return with_context(text, fuzzy[2], fuzzy[3])
    return None


def _fuzzy_candidates(
    text: str, selector: Selector, expected: int, change: TextChange | None
) -> set[tuple[int, int]]:
    exact = selector.exact
    candidates = set()
    if change is not None:
        # Where the diff carries the old passage: exact when only words inside it changed.
        candidates.add((expected, change.position(selector.end)))
    slack = max_edits(exact)
    if slack == 0:
        return candidates
    dmp = _dmp()
    found = dmp.match_main(text, exact[:BITAP_CHARS], min(max(expected, 0), len(text)))
    if found == -1:
        return candidates
    ends = {found + len(exact)}
    tail = exact[-BITAP_CHARS:]
    tail_found = dmp.match_main(text, tail, min(found + len(exact) - len(tail), len(text)))
    if tail_found >= found:
        ends.add(tail_found + len(tail))
    if selector.suffix:
        # The stored context after the passage marks where it ends.
        head = selector.suffix[: MIN_CONTEXT * 2]
        window = text.find(head, found + len(exact) - slack, found + len(exact) + slack + len(head))
        if window != -1:
            ends.add(window)
    candidates.update((found, min(end, len(text))) for end in ends)
    return candidates


def _edit_distance(a: str, b: str) -> int:
    # A length difference alone beyond the bound settles it without a diff.
    if abs(len(a) - len(b)) > max_edits(a):
        return abs(len(a) - len(b))
    dmp = _dmp()
    return dmp.diff_levenshtein(dmp.diff_main(a, b, False))
