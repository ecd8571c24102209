"""The comment tree of a discussion and the threads of a page.

A thread is built from one query: the target's comments, oldest first, then the tree in
Python. Roots come newest activity first, replies in the order written; the page indents
`MAX_INDENT` levels and shows deeper replies flat with "in reply to …". Targets, their kinds
and the gates to them are in discussions.targets and discussions.access.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models
from django.db.models import QuerySet
from django.urls import reverse

from discussions.models import COMMENT_MAX_LENGTH, Comment
from discussions.targets import (
    COMMENT_FIELDS,
    OWN_PAGE_FIELDS,
    TargetKind,
    kind_of,
    kind_of_row,
    target_dossier,
)
from dossiers.models import Dossier
from syntheses.shown import attach_syntheses, cited_comments

if TYPE_CHECKING:
    from accounts.models import User

# Indented levels on the page; deeper replies are shown flat at this level.
MAX_INDENT = 3
# Comments shown per discussion on the dossier page; the rest loads on demand.
PREVIEW_SIZE = 20
# Plain strings: comparing with the enum members costs in loops over a thousand comments.
_VISIBLE = str(Comment.State.VISIBLE.value)
_DELETED = str(Comment.State.DELETED.value)


def thread_key(target: models.Model) -> str:
    """The target's name in the page: "etude-12"; also the `fil` parameter's value."""
    return kind_of(target).key(target.pk)


def target_title(target: models.Model) -> str:
    return getattr(target, "title", None) or str(target)


# --- The tree -------------------------------------------------------------------------


class Node(Protocol):
    pk: int
    parent_id: int | None
    created_at: datetime
    state: str


@dataclass
class Entry:
    """One comment as the page shows it, with the markup that nests it."""

    comment: ShownComment
    depth: int
    # Set when the comment is shown flat below its parent's level: the parent's pk and author.
    in_reply_to: ShownComment | None = None
    # Open a list of replies before this item; close `closes` lists after it (None: the item
    # stays open because replies follow).
    opens: bool = False
    closes: range | None = field(default_factory=lambda: range(0))
    can_reply: bool = False
    can_edit: bool = False
    can_moderate: bool = False


@dataclass
class Thread:
    kind: TargetKind
    target: models.Model
    entries: list[Entry]
    # Messages that can be read (tombstones excluded) and entries not shown yet.
    count: int
    remaining: int
    # The discussion's synthesis as the viewer may read it (syntheses.shown), if any.
    synthesis: Any = None

    @property
    def pk(self) -> int:
        return self.target.pk

    @property
    def slug(self) -> str:
        return self.kind.slug

    @property
    def dom_id(self) -> str:
        return self.kind.dom_id(self.pk)

    @property
    def url(self) -> str:
        return reverse("discussions:thread", kwargs={"kind": self.slug, "pk": self.pk})

    @property
    def page_url(self) -> str:
        return self.kind.page_url(self.pk)

    @property
    def more_url(self) -> str:
        """Without JavaScript, "see the other messages" opens the page with this discussion
        in full."""
        if self.kind.own_page:
            return self.page_url
        dossier = target_dossier(self.target)
        return f"{dossier.get_absolute_url()}?fil={self.kind.key(self.pk)}#{self.dom_id}"

    @property
    def new_form_id(self) -> str:
        return f"form-{self.kind.key(self.pk)}"

    @property
    def max_length(self) -> int:
        return COMMENT_MAX_LENGTH

    @property
    def form_open(self) -> bool:
        return self.kind.form_open


@dataclass
class _Tree:
    """Comments in display order (depth-first) with their real depth."""

    order: list[tuple[Node, int]]
    count: int


def tree_order(nodes: Sequence[Node]) -> _Tree:
    """Depth-first order of the comments that are shown, roots by newest activity.

    A hidden or deleted comment shows (as a tombstone) only if a reply below it shows.
    No recursion: threads may be deeper than Python's stack.
    """
    children: dict[int | None, list[Node]] = defaultdict(list)
    known = {node.pk for node in nodes}
    for node in sorted(nodes, key=lambda n: (n.created_at, n.pk)):
        parent = node.parent_id if node.parent_id in known else None
        children[parent].append(node)

    # Pre-order over everything, then walk it backwards: replies before their parents.
    preorder: list[Node] = []
    stack = list(reversed(children[None]))
    while stack:
        node = stack.pop()
        preorder.append(node)
        stack.extend(reversed(children[node.pk]))
    shown: set[int] = set()
    latest: dict[int, tuple[datetime, int]] = {}
    for node in reversed(preorder):
        kids = [kid for kid in children[node.pk] if kid.pk in shown]
        if node.state == _VISIBLE or kids:
            shown.add(node.pk)
            latest[node.pk] = max([(node.created_at, node.pk)] + [latest[kid.pk] for kid in kids])

    roots = sorted(
        (root for root in children[None] if root.pk in shown),
        key=lambda root: latest[root.pk],
        reverse=True,
    )
    order: list[tuple[Node, int]] = []
    walk: list[tuple[Node, int]] = [(root, 0) for root in reversed(roots)]
    while walk:
        node, depth = walk.pop()
        order.append((node, depth))
        walk.extend((kid, depth + 1) for kid in reversed(children[node.pk]) if kid.pk in shown)
    count = sum(1 for node, _depth in order if node.state == _VISIBLE)
    return _Tree(order=order, count=count)


def thread_entries(
    tree: _Tree,
    comments: dict[int, ShownComment],
    user: User,
    *,
    limit: int | None = None,
) -> list[Entry]:
    """The first `limit` comments of the tree as page entries, nesting markup included."""
    order = tree.order if limit is None else tree.order[:limit]
    is_moderator = user.is_moderator
    user_pk = user.pk
    entries: list[Entry] = []
    for node, depth in order:
        comment = comments[node.pk]
        visible = comment.state == _VISIBLE
        entries.append(
            Entry(
                comment=comment,
                depth=min(depth, MAX_INDENT),
                in_reply_to=comments.get(comment.parent_id) if depth > MAX_INDENT else None,
                can_reply=visible,
                can_edit=visible and comment.author_id == user_pk,
                can_moderate=is_moderator and comment.state != _DELETED,
            )
        )
    previous = -1
    for index, entry in enumerate(entries):
        entry.opens = entry.depth > previous and index > 0
        following = entries[index + 1].depth if index + 1 < len(entries) else 0
        entry.closes = None if following > entry.depth else range(entry.depth - following)
        previous = entry.depth
    return entries


@dataclass(slots=True)
class ShownComment:
    """What a thread shows of a comment: read as plain rows, since building a thousand
    model instances costs more than rendering them."""

    pk: int
    parent_id: int | None
    author_id: int
    state: str
    created_at: datetime
    edited_at: datetime | None
    body_html: str
    author: Any = None
    # The pk of a synthesis citing it: « cité dans la synthèse » (syntheses.shown).
    cited_in: int | None = None


_SHOWN_FIELDS = ("pk", "parent_id", "author_id", "state", "created_at", "edited_at", "body_html")


def shown_comments(queryset: QuerySet[Comment]) -> list[ShownComment]:
    """The comments of `queryset` as rows, with their authors (two queries: fifty authors
    for a thousand comments cost less than one joined user per row)."""
    from accounts.models import User

    rows = [ShownComment(*values) for values in queryset.values_list(*_SHOWN_FIELDS)]
    ids = {row.author_id for row in rows}
    authors = User.objects.only("pk", "display_name").in_bulk(ids) if ids else {}
    cited = cited_comments(row.pk for row in rows)
    for row in rows:
        row.author = authors[row.author_id]
        row.cited_in = cited.get(row.pk)
    return rows


def comment_is_shown(comment: Comment) -> bool:
    """Whether the comment appears in its discussion (a withdrawn one only as the tombstone
    of a reply that shows)."""
    rows = Comment.objects.on_target(comment.target).values_list(*_SKELETON_FIELDS)
    nodes = [_Skeleton(*values) for values in rows]
    return any(node.pk == comment.pk for node, _depth in tree_order(nodes).order)


def thread_shell(target: models.Model) -> Thread:
    """A thread without its comments, for the forms that post to it."""
    return Thread(kind=kind_of(target), target=target, entries=[], count=0, remaining=0)


def thread_for(user: User, target: models.Model, *, limit: int | None = None) -> Thread:
    """A target's whole discussion (or its first `limit` comments), in two queries at most."""
    comments = shown_comments(Comment.objects.on_target(target))
    by_pk = {comment.pk: comment for comment in comments}
    tree = tree_order(comments)
    thread = _thread(target, tree, thread_entries(tree, by_pk, user, limit=limit))
    attach_syntheses(user, [thread])
    return thread


def _thread(target: models.Model, tree: _Tree, entries: list[Entry]) -> Thread:
    return Thread(
        kind=kind_of(target),
        target=target,
        entries=entries,
        count=tree.count,
        remaining=len(tree.order) - len(entries),
    )


@dataclass(slots=True)
class _Skeleton:
    """A comment's place in its discussion, without its text."""

    pk: int
    parent_id: int | None
    created_at: datetime
    state: str


_SKELETON_FIELDS = ("pk", "parent_id", "created_at", "state")


def dossier_threads(
    user: User, dossier: Dossier, targets: Iterable[models.Model], *, expanded: str = ""
) -> dict[str, Thread]:
    """Every discussion of the dossier page, keyed by `thread_key`, in two queries.

    The first query reads the shape of all the dossier's discussions (no text), the second
    the comments the page shows: the first `PREVIEW_SIZE` of each discussion, all of the
    `expanded` one, and the parents of replies shown flat.
    """
    page_targets = [dossier, *targets]
    trees = _dossier_trees(dossier, page_targets, expanded)
    wanted: set[int] = set()
    for tree, limit in trees.values():
        for node, depth in tree.order if limit is None else tree.order[:limit]:
            wanted.add(node.pk)
            if depth > MAX_INDENT and node.parent_id:
                wanted.add(node.parent_id)
    shown = shown_comments(Comment.objects.filter(pk__in=wanted)) if wanted else []
    comments = {comment.pk: comment for comment in shown}
    threads: dict[str, Thread] = {}
    for target in page_targets:
        key = thread_key(target)
        tree, limit = trees[key]
        threads[key] = _thread(target, tree, thread_entries(tree, comments, user, limit=limit))
    attach_syntheses(user, threads.values())
    return threads


def _dossier_trees(
    dossier: Dossier, page_targets: list[models.Model], expanded: str
) -> dict[str, tuple[_Tree, int | None]]:
    """The tree of each discussion on the page and how many of its entries show."""
    fields = [f"{name}_id" for name in COMMENT_FIELDS]
    rows = Comment.objects.filter(
        dossier=dossier, **{f"{name}__isnull": True for name in OWN_PAGE_FIELDS}
    )
    grouped: dict[str, list[_Skeleton]] = defaultdict(list)
    for values in rows.values(*_SKELETON_FIELDS, *fields):
        row = SimpleNamespace(**values)
        kind = kind_of_row(row)
        key = kind.key(getattr(row, f"{kind.field}_id") if kind.field else dossier.pk)
        grouped[key].append(_Skeleton(*(values[name] for name in _SKELETON_FIELDS)))
    trees: dict[str, tuple[_Tree, int | None]] = {}
    for target in page_targets:
        key = thread_key(target)
        trees[key] = (tree_order(grouped.get(key, [])), None if key == expanded else PREVIEW_SIZE)
    return trees
