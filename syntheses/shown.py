"""What a reader is shown of syntheses: their sources as that reader may read them, the
credits, and the syntheses above the discussions of a page. A fixed number of queries for a
page, whatever its number of discussions, syntheses or citations.

A source the reader may read shows its author and a few words; one withdrawn or hidden since
it was cited shows « contribution retirée »; one the reader may not read (a draft's, a
private note, an answer « réfléchir avant de lire » hides from them) « contribution non
visible ». Neither shows any of its text, nor its author.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import BooleanField, ExpressionWrapper, F, Q, Value
from django.utils.text import Truncator

from ccfd_community.page_memo import keeps_values, remembered_for_pages
from discussions.models import Comment
from dossiers.markdown import html_text
from syntheses.citations import SOURCES, SourceKind, source_for, source_of
from syntheses.models import Citation, Synthesis

if TYPE_CHECKING:
    from accounts.models import User
    from discussions.threads import Thread

# Words of a source shown in the list of sources.
EXCERPT_WORDS = 24
_VISIBLE = str(Comment.State.VISIBLE.value)


@dataclass
class Source:
    number: int
    kind: SourceKind
    pk: int
    # "shown", "withdrawn" (since it was cited) or "unreadable" (by this reader).
    state: str
    author: Any = None
    excerpt: str = ""

    @property
    def url(self) -> str:
        return self.kind.permalink(self.pk)

    @property
    def is_shown(self) -> bool:
        return self.state == "shown"

    @property
    def is_withdrawn(self) -> bool:
        return self.state == "withdrawn"


@dataclass
class ShownSynthesis:
    synthesis: Synthesis
    sources: list[Source] = field(default_factory=list)
    # The authors of every source cited, whether this reader may read it or not (the page
    # memo shares no dossier page with them: dossiers.views._seen_otherwise_by).
    cited_authors: set[int] = field(default_factory=set)

    @property
    def credits(self) -> list[Any]:
        """The authors of the sources this reader sees, in order of first citation."""
        authors: dict[int, Any] = {}
        for source in self.sources:
            if source.is_shown:
                authors.setdefault(source.author.pk, source.author)
        return list(authors.values())


def shown_syntheses(
    user: User, syntheses: Iterable[Synthesis], read: dict[int, Any] | None = None
) -> list[ShownSynthesis]:
    """The syntheses with their sources as `user` may read them: one query for the
    citations, one per kind of source cited. `read` holds messages the page has already
    read through `Comment.objects.readable_by(user)` (its threads' rows, by pk): a message
    cited among them costs no query."""
    shown = [ShownSynthesis(synthesis) for synthesis in syntheses]
    if not shown:
        return shown
    by_pk = {item.synthesis.pk: item for item in shown}
    citations = list(
        Citation.objects.filter(synthesis__in=list(by_pk)).order_by("synthesis", "number")
    )
    rows = _source_rows(user, [source_of(citation) for citation in citations], read or {})
    for citation in citations:
        kind, pk = source_of(citation)
        item = by_pk[citation.synthesis_id]
        item.sources.append(_source(citation.number, kind, pk, rows))
        if (row := rows.get((kind.letter, pk))) is not None:
            item.cited_authors.add(row.author_id)
    return shown


@dataclass(frozen=True, slots=True)
class _Row:
    """A cited contribution as `_source` reads it when it is no model row: a message the
    page's threads read through `readable_by` (readable), or a contribution `user` may not
    read (whether it still shows, and its author for `cited_authors`: none of its text)."""

    pk: int
    author_id: int
    is_shown: bool
    is_readable: bool
    author: Any = None
    body_html: str = ""


def _source_rows(
    user: User, cited: list[tuple[SourceKind, int]], read: dict[int, Any]
) -> dict[tuple[str, int], Any]:
    """The cited contributions, each marked `is_shown` (not withdrawn nor hidden) and
    `is_readable` (by `user`), with their authors: the messages among `read` (rows the page
    read through `readable_by`: readable) as they are, the others in a query per kind."""
    message = source_for(Comment._meta.label)
    # A message still shows while visible (its SourceKind's `shown`).
    rows: dict[tuple[str, int], Any] = {
        (message.letter, pk): _Row(
            pk, row.author_id, row.state == _VISIBLE, True, row.author, row.body_html
        )
        for source_kind, pk in cited
        if source_kind is message and (row := read.get(pk)) is not None
    }
    for kind in SOURCES:
        pks = {pk for source_kind, pk in cited if source_kind is kind} - {
            pk for letter, pk in rows if letter == kind.letter
        }
        if pks:
            rows.update({(kind.letter, row.pk): row for row in _kind_rows(user, kind, pks)})
    return rows


def _kind_rows(user: User, kind: SourceKind, pks: set[int]) -> list[Any]:
    """The cited contributions of one kind: those `user` may read with what a source shows
    of them (its author, its excerpt's fields), in one query; the others, if any, only
    marked shown or not, in a second (no text of theirs is read)."""
    shown = ExpressionWrapper(kind.shown(), output_field=BooleanField())
    names = {field.name for field in kind.model._meta.concrete_fields}
    fields = [name for name in ("title", "body_html", "exact") if name in names]
    readable = list(
        kind.model.objects.readable_by(user)
        .filter(pk__in=pks)
        .select_related("author")
        .only("author", "author__display_name", *fields)
        .annotate(is_shown=shown, is_readable=Value(True))
    )
    others = pks - {row.pk for row in readable}
    if not others:
        return readable
    unreadable = kind.model.objects.filter(pk__in=others).annotate(is_shown=shown)
    return [
        *readable,
        *(
            _Row(pk, author_id, is_shown, False)
            for pk, author_id, is_shown in unreadable.values_list("pk", "author_id", "is_shown")
        ),
    ]


def _source(number: int, kind: SourceKind, pk: int, rows: dict[tuple[str, int], Any]) -> Source:
    row = rows.get((kind.letter, pk))
    if row is None or not row.is_shown:
        return Source(number, kind, pk, "withdrawn")
    if not row.is_readable:
        return Source(number, kind, pk, "unreadable")
    return Source(number, kind, pk, "shown", author=row.author, excerpt=_excerpt(row))


def _excerpt(row: Any) -> str:
    """A few words: a report's title, else the text of the message or the note."""
    text = getattr(row, "title", "") or html_text(row.body_html) or getattr(row, "exact", "")
    return Truncator(" ".join(text.split())).words(EXCERPT_WORDS)


def attach_syntheses(user: User, threads: Iterable[Thread]) -> None:
    """Set `thread.synthesis` (a ShownSynthesis, or None) on each thread of a page that
    `user` may read the synthesis of: one query, and the sources' queries if any; none when
    no discussion of the page has a synthesis (`synthesised_discussions`)."""
    threads = list(threads)
    keys = {thread.kind.key(thread.pk): thread for thread in threads}
    if keeps_values() and not keys.keys() & synthesised_discussions():
        return
    syntheses = Synthesis.objects.readable_by(user).of_keys(keys).select_related("updated_by")
    # The threads' messages were read through Comment.objects.readable_by(user).
    read = {
        entry.comment.pk: entry.comment
        for thread in threads
        for entry in thread.entries
        if hasattr(entry, "comment")
    }
    for item in shown_syntheses(user, syntheses, read):
        keys[item.synthesis.discussion].synthesis = item


def synthesised_discussions() -> frozenset[str]:
    """The thread keys of every discussion that has a synthesis, whoever may read it (a key
    only saves a page the query of its syntheses): kept in the page memo's cache under the
    pages' generation, which a write to the syntheses renews (write_generations.
    KEPT_UNDER_PAGES); one short key per synthesis. Not asked when no value is kept
    (`page_memo.keeps_values`): each page would read them all."""
    return remembered_for_pages(
        "synthesised-discussions",
        lambda: frozenset(Synthesis.objects.values_list("discussion", flat=True)),
    )


def cited_comments(comment_pks: Iterable[int]) -> dict[int, int]:
    """The synthesis citing each of these comments (the first, when several do), among
    the syntheses anyone who may read the comment may read: of its own dossier, or of a
    published one. One query, for the « cité dans la synthèse » marks of a page."""
    from dossiers.models import Dossier

    pks = list(comment_pks)
    if not pks:
        return {}
    citations = Citation.objects.filter(comment__in=pks).filter(
        Q(synthesis__dossier=F("comment__dossier"))
        | Q(synthesis__dossier__status=Dossier.Status.PUBLISHED)
    )
    return _first_citing(citations, "comment_id")


def cited_annotations(user: User, annotation_pks: Iterable[int]) -> dict[int, int]:
    """The synthesis `user` may read that cites each of these annotations (the first, when
    several do): the annotations panel's « cité dans la synthèse ». One query."""
    pks = list(annotation_pks)
    if not pks:
        return {}
    citations = Citation.objects.filter(
        annotation__in=pks, synthesis__in=Synthesis.objects.readable_by(user)
    )
    return _first_citing(citations, "annotation_id")


def _first_citing(citations: Any, source: str) -> dict[int, int]:
    """source pk → the first synthesis (by id) among `citations` that cites it."""
    marks: dict[int, int] = {}
    for source_pk, synthesis_pk in citations.order_by("synthesis").values_list(
        source, "synthesis_id"
    ):
        marks.setdefault(source_pk, synthesis_pk)
    return marks
