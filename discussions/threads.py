"""The comment tree of a discussion and the threads of a page.

A discussion's shape is read in one query (no text), the tree built in Python. Roots come
newest activity first, replies in the order written; the page indents `MAX_INDENT` levels and
shows deeper replies flat with "in reply to …". A discussion is shown by pages of
`THREADS_PER_PAGE` threads (a root and its replies), each with its first `REPLIES_SHOWN`
replies; links in the list load the older threads or more replies (`Pager`), so no response
grows with the discussion. Only the comments shown are read with their text. Targets, their
kinds and the gates to them are in discussions.targets and discussions.access.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext

from discussions.models import COMMENT_MAX_LENGTH, Comment
from discussions.targets import (
    COMMENT_FIELDS,
    DOSSIER,
    KINDS,
    OWN_PAGE_FIELDS,
    TargetKind,
    kind_of,
    target_dossier,
)
from discussions.tree import (
    MAX_INDENT,
    REPLIES_PER_PAGE,
    REPLIES_SHOWN,
    SKELETON_FIELDS,
    THREADS_PER_PAGE,
    WRITTEN,
    Placed,
    Skeleton,
    Tree,
    discussion_tree,
    located,
    page_count,
    placed,
    tree_order,
    window,
)
from dossiers.models import Dossier
from syntheses.shown import attach_syntheses, cited_comments

if TYPE_CHECKING:
    from accounts.models import User

# Messages shown by the callers that cut a discussion by count (`thread_entries(limit=…)`).
PREVIEW_SIZE = 20
# Plain strings: comparing with the enum members costs in loops over a thousand comments.
_VISIBLE = str(Comment.State.VISIBLE.value)
_DELETED = str(Comment.State.DELETED.value)


def thread_key(target: models.Model) -> str:
    """The target's name in the page: "etude-12"; also the `fil` parameter's value."""
    return kind_of(target).key(target.pk)


def target_title(target: models.Model) -> str:
    return getattr(target, "title", None) or str(target)


# --- What a page shows ----------------------------------------------------------------


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
class Pager:
    """A link in the list that loads more in its place: older or newer threads (`depth` 0)
    or more replies of one thread (`depth` 1). `href` is the page without JavaScript,
    `fragment` what htmx swaps in; `count` the messages (threads, replies) it leads to."""

    direction: str  # "older", "newer", "later-replies" or "earlier-replies"
    depth: int
    href: str
    fragment: str
    count: int
    opens: bool = False
    closes: range | None = field(default_factory=lambda: range(0))


@dataclass
class Thread:
    kind: TargetKind
    target: models.Model
    entries: list[Entry | Pager]
    # Messages that can be read (tombstones excluded); entries not shown yet, for callers
    # that cut the list by count (pages say it with their `Pager` items instead).
    count: int
    remaining: int = 0
    page: int = 1
    pages: int = 1
    # None: the whole list; else the depth of the list these items continue (a fragment).
    continues: int | None = None
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
        """The page the discussion is on, at the discussion (its first page)."""
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


def thread_entries(
    tree: Tree,
    comments: dict[int, ShownComment],
    user: User,
    *,
    limit: int | None = None,
) -> list[Entry | Pager]:
    """The first `limit` comments of the tree as page entries, nesting markup included."""
    order = tree.order if limit is None else tree.order[:limit]
    items = [
        (node, min(depth, MAX_INDENT), node.parent_id if depth > MAX_INDENT else None)
        for node, depth in order
    ]
    return page_entries(items, comments, user)


def page_entries(
    items: Iterable[Placed | Pager],
    comments: dict[int, ShownComment],
    user: User,
    *,
    base: int = 0,
) -> list[Entry | Pager]:
    """Placed comments and pagers as page entries, nesting markup included; a fragment
    continues a list at depth `base`."""
    is_moderator = user.is_moderator
    user_pk = user.pk
    entries: list[Entry | Pager] = []
    for item in items:
        if isinstance(item, Pager):
            entries.append(item)
            continue
        node, depth, parent = item
        comment = comments[node.pk]
        visible = comment.state == _VISIBLE
        entries.append(
            Entry(
                comment=comment,
                depth=depth,
                in_reply_to=comments.get(parent) if parent else None,
                can_reply=visible,
                can_edit=visible and comment.author_id == user_pk,
                can_moderate=is_moderator and comment.state != _DELETED,
            )
        )
    previous = base
    for index, entry in enumerate(entries):
        entry.opens = entry.depth > previous and index > 0
        following = entries[index + 1].depth if index + 1 < len(entries) else base
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


def thread_shell(target: models.Model) -> Thread:
    """A thread without its comments, for the forms that post to it."""
    return Thread(kind=kind_of(target), target=target, entries=[], count=0)


# --- Pages of a discussion ------------------------------------------------------------


def _thread_items(
    tree: Tree,
    thread: int,
    shown: tuple[int, int],
    *,
    root: bool = True,
    earlier: bool = True,
    later: bool = True,
) -> list[Placed | Pager]:
    """The `thread`-th thread with its replies in `window` (start, stop), between the
    pagers to its earlier and later replies."""
    start, stop = shown
    node = tree.order[tree.roots[thread]][0]
    count = tree.reply_count(thread)
    url = reverse("discussions:comment-replies", kwargs={"pk": node.pk})
    items: list[Placed | Pager] = [(node, 0, None)] if root else []
    if earlier and start > 0:
        page = f"{url}?debut={max(0, start - REPLIES_PER_PAGE)}"
        items.append(Pager("earlier-replies", 1, page, f"{url}?fin={start}", start))
    items.extend(placed(node, tree.replies(thread)[start:stop]))
    if later and stop < count:
        page = f"{url}?debut={stop}"
        items.append(Pager("later-replies", 1, page, page, count - stop))
    return items


def _page_items(
    target: models.Model,
    tree: Tree,
    number: int,
    *,
    place: tuple[int, int] | None = None,
    newer: bool = True,
    older: bool = True,
) -> list[Placed | Pager]:
    """The threads of page `number` between the pagers to the newer and older pages."""
    first = (number - 1) * THREADS_PER_PAGE
    last = min(first + THREADS_PER_PAGE, len(tree.roots))
    kind = kind_of(target)
    url = reverse("discussions:thread-page", kwargs={"kind": kind.slug, "pk": target.pk})
    items: list[Placed | Pager] = []
    if newer and number > 1:
        page = f"{url}?page={number - 1}"
        items.append(Pager("newer", 0, page, f"{page}&sens=recents", first))
    for thread in range(first, last):
        items.extend(_thread_items(tree, thread, window(tree, thread, place)))
    if older and last < len(tree.roots):
        page = f"{url}?page={number + 1}"
        items.append(Pager("older", 0, page, page, len(tree.roots) - last))
    return items


def _comments_shown(items: Iterable[Placed | Pager]) -> set[int]:
    """The comments `items` show, and the parents they name "in reply to"."""
    wanted: set[int] = set()
    for item in items:
        if not isinstance(item, Pager):
            wanted.add(item[0].pk)
            if item[2]:
                wanted.add(item[2])
    return wanted


def _read(wanted: set[int]) -> dict[int, ShownComment]:
    shown = shown_comments(Comment.objects.filter(pk__in=wanted)) if wanted else []
    return {comment.pk: comment for comment in shown}


def _thread(
    user: User,
    target: models.Model,
    tree: Tree,
    items: list[Placed | Pager],
    comments: dict[int, ShownComment],
    *,
    page: int = 1,
    continues: int | None = None,
) -> Thread:
    return Thread(
        kind=kind_of(target),
        target=target,
        entries=page_entries(items, comments, user, base=continues or 0),
        count=tree.count,
        page=page,
        pages=page_count(tree),
        continues=continues,
    )


def _page_checked(tree: Tree, page: int) -> int:
    if not 1 <= page <= page_count(tree):
        raise Http404(gettext("This page of the discussion does not exist."))
    return page


def thread_for(
    user: User, target: models.Model, *, page: int = 1, focus: int | None = None
) -> Thread:
    """A page of `target`'s discussion (the one showing comment `focus`, when given), in
    three queries: its shape, the comments shown, their authors."""
    tree = discussion_tree(user, target)
    place = located(tree, focus) if focus else None
    if place:
        page = place[0] // THREADS_PER_PAGE + 1
    items = _page_items(target, tree, _page_checked(tree, page), place=place)
    thread = _thread(user, target, tree, items, _read(_comments_shown(items)), page=page)
    attach_syntheses(user, [thread])
    return thread


def thread_page_items(user: User, target: models.Model, page: int, *, newer: bool) -> Thread:
    """Page `page`'s threads as the items htmx puts in place of a pager: with the pager
    that leads on (to newer pages above, or older ones below)."""
    tree = discussion_tree(user, target)
    items = _page_items(target, tree, _page_checked(tree, page), newer=newer, older=not newer)
    return _thread(user, target, tree, items, _read(_comments_shown(items)), page=page, continues=0)


def thread_replies(
    user: User,
    root: Comment,
    *,
    start: int | None = None,
    end: int | None = None,
    fragment: bool = False,
) -> Thread:
    """`REPLIES_PER_PAGE` replies of the thread `root` starts, from `start` or up to `end`:
    for htmx, the items in place of a pager (with the pager that leads on); else the thread
    with these replies, for a page of its own."""
    target = root.target
    tree = discussion_tree(user, target)
    place = located(tree, root.pk)
    if place is None or place[1] != -1:
        raise Http404(gettext("This message does not start a thread."))
    count = tree.reply_count(place[0])
    if end is not None:
        window = (max(0, end - REPLIES_PER_PAGE), end)
    else:
        window = (start or 0, min(count, (start or 0) + REPLIES_PER_PAGE))
    if not 0 <= window[0] <= window[1] <= count:
        raise Http404(gettext("These replies do not exist."))
    backwards = end is not None
    items = _thread_items(
        tree,
        place[0],
        window,
        root=not fragment,
        earlier=not fragment or backwards,
        later=not fragment or not backwards,
    )
    return _thread(
        user,
        target,
        tree,
        items,
        _read(_comments_shown(items)),
        page=place[0] // THREADS_PER_PAGE + 1,
        continues=1 if fragment else None,
    )


def page_showing(comment: Comment, page: int) -> str:
    """Page `page` of the comment's discussion, at the comment: the target's page for the
    first one."""
    if page == 1:
        return comment.page_url()
    kind = comment.discussion_kind
    base = reverse("discussions:thread-page", kwargs={"kind": kind.slug, "pk": comment.target_pk})
    return f"{base}?page={page}#comment-{comment.pk}"


def comment_location(user: User, comment: Comment) -> str:
    """Where the permalink of `comment` leads: the page showing it, at its anchor; its
    discussion when it was withdrawn and no reply keeps it as a tombstone."""
    tree = discussion_tree(user, comment.target)
    place = located(tree, comment.pk)
    url = comment.page_url()
    if place is None:
        return f"{url.partition('#')[0]}#{comment.thread_dom_id}"
    thread, reply = place
    if reply < REPLIES_SHOWN:
        return page_showing(comment, thread // THREADS_PER_PAGE + 1)
    root = tree.order[tree.roots[thread]][0]
    base = reverse("discussions:comment-replies", kwargs={"pk": root.pk})
    return f"{base}?debut={reply // REPLIES_PER_PAGE * REPLIES_PER_PAGE}#comment-{comment.pk}"


def dossier_threads(
    user: User, dossier: Dossier, targets: Iterable[models.Model], *, expanded: str = ""
) -> dict[str, Thread]:
    """Every discussion of the dossier page at its first page, keyed by `thread_key`, in
    three queries: the shape of all the dossier's discussions (no text), the comments the
    page shows and their authors. `expanded`, the `?fil=` of a permalink, shows nothing
    more: the discussion's pages hold the rest."""
    del expanded  # links already sent carry it
    page_targets = [dossier, *targets]
    trees = _dossier_trees(user, dossier, page_targets)
    items = {key: _page_items(target, trees[key], 1) for key, target in _keyed(page_targets)}
    comments = _read(set().union(*(_comments_shown(listed) for listed in items.values())))
    threads = {
        key: _thread(user, target, trees[key], items[key], comments)
        for key, target in _keyed(page_targets)
    }
    attach_syntheses(user, threads.values())
    return threads


def _keyed(targets: Iterable[models.Model]) -> list[tuple[str, models.Model]]:
    return [(thread_key(target), target) for target in targets]


def _dossier_trees(
    user: User, dossier: Dossier, page_targets: list[models.Model]
) -> dict[str, Tree]:
    """The tree of each discussion on the page (of what `user` may read: answers hidden
    before answering are not in the tree), from one query of their shapes."""
    fields = [name for name in COMMENT_FIELDS if name not in OWN_PAGE_FIELDS]
    rows = list(
        Comment.objects.readable_by(user)
        .filter(dossier=dossier, **{f"{name}__isnull": True for name in OWN_PAGE_FIELDS})
        .order_by(*WRITTEN)
        .values_list(*SKELETON_FIELDS, *(f"{name}_id" for name in fields))
    )
    width = len(SKELETON_FIELDS)
    # Grouped by the target fields' values: (None, 12, None…) is the second kind's 12.
    grouped: dict[tuple[int | None, ...], list[Skeleton]] = defaultdict(list)
    for rank, row in enumerate(rows):
        grouped[row[width:]].append(Skeleton(row[0], row[1], rank, row[2]))
    kinds = {kind.field: kind for kind in KINDS}
    by_key: dict[str, list[Skeleton]] = {}
    for values, nodes in grouped.items():
        field = next((index for index, pk in enumerate(values) if pk), None)
        kind = DOSSIER if field is None else kinds[fields[field]]
        by_key[kind.key(dossier.pk if field is None else values[field])] = nodes
    return {key: tree_order(by_key.get(key, [])) for key, _target in _keyed(page_targets)}
