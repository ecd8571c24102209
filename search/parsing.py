"""What was typed, read the way web search engines read it: words, "phrases", -exclusions.

The result drives both databases: PostgreSQL's websearch_to_tsquery reads the cleaned text,
SQLite's FTS5 gets a MATCH expression built from the terms, and the snippets mark the terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words beyond this many are ignored: a pasted paragraph is not a better query.
MAX_TERMS = 12
# Words too common to narrow anything; PostgreSQL's french configuration drops them too.
STOPWORDS = frozenset(
    """
    a à au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me
    même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta
    te tes toi ton tu un une vos votre vous c d j l m n s t y été être est sont cette cet
    """.split()  # noqa: SIM905 a paragraph of words reads better than a list of strings
)

# A token of the query: an optional minus, then a "quoted phrase" or a run of non-spaces.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """A word, or a phrase when it has several words; excluded when typed with a minus."""

    words: tuple[str, ...]
    exclude: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    # What was typed, cleaned: PostgreSQL's websearch_to_tsquery reads this.
    text: str
    # The same, as terms: the SQLite FTS5 query is built from these.
    terms: tuple[Term, ...]

    @property
    def has_words(self) -> bool:
        return any(not term.exclude for term in self.terms)


def parse_query(text: str) -> ParsedQuery:
    """Words, "phrases" and -exclusions, the way web search engines read them.

    Only runs of letters and digits survive, so no operator of either database's query
    syntax can come from what was typed.
    """
    text = text.replace("\x00", "")
    terms: list[Term] = []
    for match in _TOKEN.finditer(text):
        if match.group(2) is not None:
            exclude, words = match.group(1) == "-", _WORD.findall(match.group(2).lower())
            if len(words) > 1:
                terms.append(Term(tuple(words), exclude))
                continue
        else:
            exclude, words = match.group(3) == "-", _WORD.findall(match.group(4).lower())
        terms.extend(
            Term((word,), exclude) for word in words if len(word) > 1 and word not in STOPWORDS
        )
    return ParsedQuery(text=text, terms=tuple(terms[:MAX_TERMS]))


def light_stem(word: str) -> str:
    """French plurals, lightly: "partenariats" → "partenariat", "réseaux" → "réseau"."""
    if len(word) > 3 and word[-1] in "sxSX":
        return word[:-1]
    return word


# A word of four letters or more ending in s or x; "_" separates words, as in FTS5's
# unicode61 tokenizer.
_PLURAL = re.compile(r"(?<![^\W_])([^\W_]{3,})[sx](?![^\W_])", re.IGNORECASE)


def light_stem_text(text: str | None) -> str:
    """`light_stem` on every word: what SQLite indexes (the search_light_stem SQL function)."""
    return _PLURAL.sub(r"\1", text or "")


def fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression over light-stemmed words; a phrase is its words in order.

    The index holds light-stemmed text (migration 0006), so every word is an exact term:
    FTS5 then reads matches in rowid order and stops at the candidate limit, which a prefix
    query (merging the lists of every word it covers) cannot do.
    """

    def expression(term: Term) -> str:
        return '"' + " ".join(light_stem(word) for word in term.words) + '"'

    positive = " AND ".join(expression(t) for t in parsed.terms if not t.exclude)
    negative = "".join(f" NOT {expression(t)}" for t in parsed.terms if t.exclude)
    return f"({positive}){negative}"
