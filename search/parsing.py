"""What was typed, read the way web search engines read it: words, "phrases", -exclusions.

The result drives both databases: PostgreSQL's websearch_to_tsquery reads the cleaned text,
SQLite's FTS5 gets a MATCH expression built from the terms, and the snippets mark the terms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from search.folding import fold

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


# The Snowball French stemmer, the same algorithm as PostgreSQL's french_stem. Words are folded
# first (lower case, no accents), as PostgreSQL's french_unaccent configuration does.
_SNOWBALL = snowballstemmer.stemmer("french")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's stem: "Partenaires" → "partenair", "réciprocité" and "reciprocite" →
    "reciprocit"."""
    return _SNOWBALL.stemWord(fold(word))


def stems(text: str | None) -> list[str]:
    """The stem of every word of `text`, in order."""
    return [stem(word) for word in _WORD.findall(text or "")]


def stem_text(text: str | None) -> str:
    """`stem` on every word, each between two spaces (see spaced_stems): what SQLite indexes
    (the search_stem SQL function), where the ranking counts " stem " (search.query)."""
    return spaced_stems(text)


def word_count(text: str | None) -> int:
    """How many words `text` has, as the ranking counts them (the same on both databases)."""
    return sum(1 for _match in _WORD.finditer(text or ""))


def spaced_stems(text: str | None) -> str:
    """The stems of `text`, each between two spaces: how SearchEntry stores a title's and a
    summary's, so that counting " stem " in them counts every occurrence."""
    return "".join(f" {word} " for word in stems(text))


def stem_counts(text: str | None) -> str:
    """How often each stem occurs in `text`, as " stem:count" pieces ending with a space
    (" partenair:75 plaidoi:40 "): what SQLite reads a text's occurrences from."""
    counts = Counter(stems(text))
    return "".join(f" {word}:{count}" for word, count in counts.items()) + " "


# Longest title key kept: a longer title is no query anyone types.
TITLE_KEY_LENGTH = 200


# Articles a title may begin with and a query may leave out.
_ARTICLES = frozenset(["le", "la", "les", "l", "un", "une", "des", "du", "de", "d"])


def title_key(text: str | None) -> str:
    """A title's words as stems, without a leading article: a query with the same key is the
    title itself (« reciprocite dans les partenariats » for « La réciprocité dans les
    partenariats », not for « Des partenaires à la … » when « partenaires » is searched)."""
    words = _WORD.findall((text or "").lower())
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(stem(word) for word in words)[:TITLE_KEY_LENGTH]


def fts5_query(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression over stemmed words; a phrase is its words in order.

    The index holds stemmed text (migration 0009), so every word is an exact term:
    FTS5 then reads matches in rowid order and stops at the candidate limit, which a prefix
    query (merging the lists of every word it covers) cannot do.
    """

    def expression(term: Term) -> str:
        words = term.words
        meaningful = tuple(word for word in words if word not in STOPWORDS)
        if len(meaningful) == 1:
            # PostgreSQL drops a phrase's stop words: "partenaires de la" is « partenaires ».
            words = meaningful
        return '"' + " ".join(stem(word) for word in words) + '"'

    positive = " AND ".join(expression(t) for t in parsed.terms if not t.exclude)
    negative = "".join(f" NOT {expression(t)}" for t in parsed.terms if t.exclude)
    return f"({positive}){negative}"
