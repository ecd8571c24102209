"""A dossier's annotations and discussions as a Markdown document a person can read.

The W3C export (discussions.export) is for machines; this one is for a colleague who wants
the conversation on paper or in a text editor: the parts of the dossier in the page's order,
each with its annotations (the quoted passage, the note, the replies) and its discussion,
with authors' names and dates, oldest first. Only what the requester may read goes in:
`Annotation.objects.readable_by` (shared notes, and their own private or hidden ones) and the
visible messages of `Comment.objects.readable_by`; a withdrawn message's replies stay, without
it. Names are display names, never email addresses.

Members' texts are Markdown already; each goes in as a block quote inside a list item, so
that a heading or a list in a message cannot break the document's structure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from discussions.export import annotation_records
from discussions.models import Annotation, Comment
from discussions.targets import COMMENT_FIELDS, body_of_row, kind_of_row, target_pk_of_row
from discussions.threads import thread_key

if TYPE_CHECKING:
    from dossiers.models import Dossier

# A quoted passage longer than this is cut in the document (the page has it whole).
QUOTE_SHOWN = 600


@dataclass
class _Part:
    heading: str
    target: models.Model
    annotations: list[SimpleNamespace] = field(default_factory=list)
    comments: list[tuple[SimpleNamespace, int]] = field(default_factory=list)


def dossier_markdown(user: User, dossier: Dossier, *, page_url: str) -> str:
    """The document, in a fixed number of queries whatever the number of contributions."""
    parts = _parts(dossier)
    # The dossier's text and its discussion share a key: annotations go to the first part
    # of a key, messages to the last.
    text_of: dict[str, _Part] = {}
    discussion_of: dict[str, _Part] = {}
    for part in parts:
        text_of.setdefault(thread_key(part.target), part)
        discussion_of[thread_key(part.target)] = part
    replies: dict[int, list[tuple[SimpleNamespace, int]]] = defaultdict(list)
    threads: dict[str, list[SimpleNamespace]] = defaultdict(list)
    for row in _comment_rows(user, dossier):
        if row.annotation_id:
            replies[row.annotation_id].append(row)
        else:
            threads[kind_of_row(row).key(target_pk_of_row(row))].append(row)
    annotations = Annotation.objects.readable_by(user).filter(dossier=dossier)
    for record in annotation_records(annotations.order_by("start", "pk")):
        kind, pk = body_of_row(record)
        if (part := text_of.get(kind.key(pk))) is not None:
            part.annotations.append(record)
    for key, rows in threads.items():
        if (part := discussion_of.get(key)) is not None:  # field reports have pages of their own
            part.comments = _thread_order(rows)

    lines = [
        "# " + _("Annotations and discussions: “%(title)s”") % {"title": dossier.title},
        "",
        _("Exported on %(date)s for %(name)s, with what they may read.")
        % {"date": _when(timezone.now()), "name": user.get_display_name()},
        "",
        _("Page: %(url)s") % {"url": page_url},
    ]
    shown = [part for part in parts if part.annotations or part.comments]
    if not shown:
        lines += ["", _("No annotation and no message yet.")]
    for part in shown:
        lines += ["", f"## {part.heading}"]
        if part.annotations:
            lines += ["", f"### {_('Annotations')}"]
            for number, record in enumerate(part.annotations, start=1):
                lines += _annotation(number, record, _thread_order(replies[record.pk]))
        if part.comments:
            lines += ["", f"### {_('Discussion')}"]
            for row, depth in part.comments:
                lines += _comment(row, depth)
    return "\n".join(lines) + "\n"


def _parts(dossier: Dossier) -> list[_Part]:
    """The dossier's parts in the page's order, its own discussion last as on the page."""
    return [
        _Part(_("The dossier's text"), dossier),
        *(
            _Part(_("Case study: %(title)s") % {"title": case.title}, case)
            for case in dossier.case_studies.all()
        ),
        *(
            _Part(_("Recommendation: %(title)s") % {"title": rec.title}, rec)
            for rec in dossier.recommendations.all()
        ),
        *(
            _Part(_("Question: %(title)s") % {"title": question.title}, question)
            for question in dossier.questions.all()
        ),
        _Part(_("The dossier's discussion"), dossier),
    ]


def _comment_rows(user: User, dossier: Dossier) -> list[SimpleNamespace]:
    """The visible messages of the dossier's discussions that `user` may read (one query),
    each with its author's name."""
    rows = (
        Comment.objects.readable_by(user)
        .filter(dossier=dossier, state=Comment.State.VISIBLE)
        .order_by("created_at", "pk")
        .values(
            "pk",
            "parent_id",
            "dossier_id",
            "created_at",
            "edited_at",
            "body",
            "author_id",
            *(f"{name}_id" for name in COMMENT_FIELDS),
            author_display_name=F("author__display_name"),
        )
    )
    names: dict[int, str] = {}  # a discussion has many messages by a few people
    records = []
    for row in rows:
        display_name = row.pop("author_display_name")
        if row["author_id"] not in names:
            # The display name or a neutral label: the address is not even read.
            author = User(pk=row["author_id"], display_name=display_name)
            names[row["author_id"]] = author.get_display_name()
        records.append(SimpleNamespace(**row, author_name=names[row["author_id"]]))
    return records


def _thread_order(rows: list[SimpleNamespace]) -> list[tuple[SimpleNamespace, int]]:
    """Depth-first, oldest first at every level, with each message's depth; a reply whose
    parent is not shown (withdrawn, hidden) starts a thread of its own."""
    known = {row.pk for row in rows}
    children: dict[int | None, list[SimpleNamespace]] = defaultdict(list)
    for row in rows:  # already oldest first
        children[row.parent_id if row.parent_id in known else None].append(row)
    order: list[tuple[SimpleNamespace, int]] = []
    stack = [(row, 0) for row in reversed(children[None])]
    while stack:
        row, depth = stack.pop()
        order.append((row, depth))
        stack.extend((child, depth + 1) for child in reversed(children[row.pk]))
    return order


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _quoted(text: str, indent: str) -> list[str]:
    """A member's Markdown as a block quote, indented into its list item."""
    return [f"{indent}> {line}".rstrip() for line in text.strip().splitlines()]


def _annotation(
    number: int, record: SimpleNamespace, replies: list[tuple[SimpleNamespace, int]]
) -> list[str]:
    passage = " ".join(record.exact.split())
    if len(passage) > QUOTE_SHOWN:
        passage = passage[:QUOTE_SHOWN].rstrip() + "…"
    notes = [record.author_name, _when(record.created_at)]
    if record.visibility == Annotation.Visibility.PRIVATE:
        notes.append(_("private note"))
    if record.hidden:
        notes.append(_("hidden by moderation"))
    if record.state == Annotation.State.ORPHANED:
        notes.append(_("passage changed"))
    lines = ["", f"#### {number}. « {passage} »", "", " · ".join(notes)]
    if record.tag_names:
        lines += ["", _("Keywords: %(tags)s") % {"tags": ", ".join(record.tag_names)}]
    if record.body.strip():
        lines += ["", *_quoted(record.body, "")]
    for row, depth in replies:
        lines += _comment(row, depth)
    return lines


def _comment(row: SimpleNamespace, depth: int) -> list[str]:
    """A list item, nested by depth, its text quoted inside it."""
    item = "  " * depth
    meta = f"**{row.author_name}**, {_when(row.created_at)}"
    if row.edited_at:
        meta += " (" + _("edited on %(date)s") % {"date": _when(row.edited_at)} + ")"
    return ["", f"{item}- {meta}", "", *_quoted(row.body, item + "  ")]


def export_filename(dossier: Dossier) -> str:
    return f"{dossier.slug}-annotations.md"
