"""The shape of a discussion: its comments in display order (depth-first, threads by
newest activity), where each thread starts, and which of them a page shows. Only what
places a comment (pk, parent, date, state), no text: discussions.threads reads the text of
the comments shown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol

from discussions.models import Comment

if TYPE_CHECKING:
    from django.db import models

_VISIBLE = str(Comment.State.VISIBLE.value)
_WRITTEN = attrgetter("created_at", "pk")

# Indented levels on the page; deeper replies are shown flat at this level.
MAX_INDENT = 3
# A page of a discussion: its latest threads (a root and its replies), each with its first
# replies; a load of more replies of one thread. About 1 KB of HTML a message: a page stays
# under 70 KB, a load of replies under 60 KB, whatever the size of the discussion.
THREADS_PER_PAGE = 10
REPLIES_SHOWN = 5
REPLIES_PER_PAGE = 50


class Node(Protocol):
    pk: int
    parent_id: int | None
    created_at: datetime
    state: str


@dataclass
class Tree:
    """Comments in display order (depth-first) with their real depth, and where each
    thread (a root and its replies) starts in that order."""

    order: list[tuple[Node, int]]
    count: int
    roots: list[int] = field(default_factory=list)

    def replies(self, thread: int) -> list[tuple[Node, int]]:
        """The replies of the `thread`-th thread, in display order."""
        return self.order[self.roots[thread] + 1 : self._end(thread)]

    def reply_count(self, thread: int) -> int:
        return self._end(thread) - self.roots[thread] - 1

    def _end(self, thread: int) -> int:
        return self.roots[thread + 1] if thread + 1 < len(self.roots) else len(self.order)


def tree_order(nodes: Sequence[Node]) -> Tree:
    """Depth-first order of the comments that are shown, roots by newest activity.

    A hidden or deleted comment shows (as a tombstone) only if a reply below it shows.
    No recursion: threads may be deeper than Python's stack. Comments are numbered in the
    order written, so that the tree is lists of numbers: 10,000 comments in milliseconds.
    """
    ordered = sorted(nodes, key=_WRITTEN)  # a comment's number compares as its date
    number = {node.pk: index for index, node in enumerate(ordered)}
    parent = [number.get(node.parent_id, -1) for node in ordered]  # -1: a root
    visible = [node.state == _VISIBLE for node in ordered]
    children: dict[int, list[int]] = {}
    tops: list[int] = []
    for index, above in enumerate(parent):
        if above < 0:
            tops.append(index)
        else:
            children.setdefault(above, []).append(index)

    # Pre-order over everything, then walk it backwards: replies before their parents.
    preorder: list[int] = []
    stack = tops[::-1]
    while stack:
        index = stack.pop()
        preorder.append(index)
        if index in children:
            stack.extend(reversed(children[index]))
    # The newest comment shown in each subtree (-1: nothing shown, the comment included).
    latest = [-1] * len(ordered)
    for index in reversed(preorder):
        best = latest[index]  # the newest of its shown replies so far
        if best < 0 and not visible[index]:
            continue
        best = max(best, index)
        latest[index] = best
        above = parent[index]
        if above >= 0 and best > latest[above]:
            latest[above] = best

    roots = sorted((top for top in tops if latest[top] >= 0), key=latest.__getitem__)
    order: list[tuple[Node, int]] = []
    starts: list[int] = []
    count = 0
    walk = [(root, 0) for root in roots]  # popped from the end: newest activity first
    while walk:
        index, depth = walk.pop()
        if depth == 0:
            starts.append(len(order))
        order.append((ordered[index], depth))
        count += visible[index]
        if index in children:
            walk.extend((kid, depth + 1) for kid in reversed(children[index]) if latest[kid] >= 0)
    return Tree(order=order, count=count, roots=starts)


# A comment placed in a list: its node, its depth on the page, and the pk of the parent it
# is shown "in reply to" when it is not nested under it.
Placed = tuple[Node, int, int | None]


def page_count(tree: Tree) -> int:
    return max(1, -(-len(tree.roots) // THREADS_PER_PAGE))


def located(tree: Tree, pk: int) -> tuple[int, int] | None:
    """The thread showing comment `pk` and its place among the thread's replies (-1: the
    root), or None when the discussion does not show it."""
    for index, (node, _depth) in enumerate(tree.order):
        if node.pk == pk:
            thread = bisect_right(tree.roots, index) - 1
            return thread, index - tree.roots[thread] - 1
    return None


def placed(root: Node, replies: Sequence[tuple[Node, int]]) -> list[Placed]:
    """Replies of `root` nested under their parent on the page; deeper than `MAX_INDENT`,
    or under a parent that another load shows, flat with "in reply to"."""
    ancestors = [root.pk]  # the comment shown at each depth, down to the last reply
    shown: list[Placed] = []
    for node, _depth in replies:
        if node.parent_id in ancestors:
            depth = ancestors.index(node.parent_id) + 1
            flat = depth > MAX_INDENT
        else:
            depth, flat = 1, True
        depth = min(depth, MAX_INDENT)
        del ancestors[depth:]
        ancestors.append(node.pk)
        shown.append((node, depth, node.parent_id if flat else None))
    return shown


def window(tree: Tree, thread: int, place: tuple[int, int] | None) -> tuple[int, int]:
    """The replies a page shows of a thread: its first ones, or those up to `place`."""
    if place and place[0] == thread and place[1] >= REPLIES_SHOWN:
        return place[1] + 1 - REPLIES_SHOWN, place[1] + 1
    return 0, min(REPLIES_SHOWN, tree.reply_count(thread))


@dataclass(slots=True)
class Skeleton:
    """A comment's place in its discussion, without its text. `created_at` may be the rank
    in the order written, which compares the same and costs no date to read."""

    pk: int
    parent_id: int | None
    created_at: Any
    state: str


# Read in the order written: a row's rank stands for its date (no date parsed per row).
SKELETON_FIELDS = ("pk", "parent_id", "state")
WRITTEN = ("created_at", "pk")


def skeletons(rows: Iterable[tuple[Any, ...]]) -> list[Skeleton]:
    """Rows of `SKELETON_FIELDS` (and more), read in the order `WRITTEN`, as skeletons."""
    return [Skeleton(row[0], row[1], rank, row[2]) for rank, row in enumerate(rows)]


def discussion_tree(user: Any, target: models.Model) -> Tree:
    """The shape of `target`'s discussion as `user` may read it, in one query without text
    (answers hidden before answering are not in the tree)."""
    rows = Comment.objects.readable_by(user).on_target(target).order_by(*WRITTEN)
    return tree_order(skeletons(rows.values_list(*SKELETON_FIELDS)))
