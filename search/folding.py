"""Lower case without accents, one character for one: how words are compared everywhere in
search (the stems of search.parsing, the marks of search.snippets)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[0]
    return base if len(base) == 1 else char


class _Folding(dict[int, str]):
    """str.translate table: lower case without accents, one character for one."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold_char(char.lower()) if len(char.lower()) == 1 else char
        self[code] = folded
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """Lower case without accents, the same length as `text` (positions stay valid)."""
    return text.translate(_FOLDING)
