"""Discussion targets, the gates to them and to comments, and the comment tree.

A target is what a discussion is about: a dossier, a case study, a recommendation, a
reflection question or an annotation. Its `kind` is spelled as in the thread URLs. Every
view reaches a target or a comment through the gates below; what a user may not read
answers 404, not 403, so its existence is not revealed.

A thread is built from one query: the target's comments, oldest first, then the tree in
Python. Roots come newest activity first, replies in the order written; the page indents
`MAX_INDENT` levels and shows deeper replies flat with "in reply to …".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from discussions.models import COMMENT_MAX_LENGTH, Annotation, Comment, Notification
from dossiers.access import case_study_for, question_for, recommendation_for
from dossiers.models import CaseStudy, Dossier, Question, Recommendation

if TYPE_CHECKING:
    from accounts.models import User

Target = Dossier | CaseStudy | Recommendation | Question | Annotation

KINDS = ("dossier", "etude", "recommandation", "question", "annotation")
# The Comment foreign key of each kind but the dossier's own discussion.
_KIND_FIELDS = {
    "etude": "case_study",
    "recommandation": "recommendation",
    "question": "question",
    "annotation": "annotation",
}
_MODEL_KINDS: dict[type, str] = {
    Dossier: "dossier",
    CaseStudy: "etude",
    Recommendation: "recommandation",
    Question: "question",
    Annotation: "annotation",
}

# Indented levels on the page; deeper replies are shown flat at this level.
MAX_INDENT = 3
# Comments shown per discussion on the dossier page; the rest loads on demand.
PREVIEW_SIZE = 20
# Plain strings: comparing with the enum members costs in loops over a thousand comments.
_VISIBLE = str(Comment.State.VISIBLE.value)
_DELETED = str(Comment.State.DELETED.value)


# --- Targets --------------------------------------------------------------------------


def target_kind(target: Target) -> str:
    return _MODEL_KINDS[type(target)]


def target_key(target: Target) -> str:
    """The target's name in the page: "etude-12"; also the `fil` parameter's value."""
    return f"{target_kind(target)}-{target.pk}"


def target_dossier(target: Target) -> Dossier:
    return target if isinstance(target, Dossier) else target.dossier


def target_fields(target: Target) -> dict[str, Any]:
    """The Comment fields that put a comment in this target's discussion."""
    fields: dict[str, Any] = {
        "dossier": target_dossier(target),
        "case_study": None,
        "recommendation": None,
        "question": None,
        "annotation": None,
    }
    kind = target_kind(target)
    if kind != "dossier":
        fields[_KIND_FIELDS[kind]] = target
    return fields


def target_comments(target: Target) -> QuerySet[Comment]:
    """The comments of this target's discussion (one query on the dossier's index)."""
    filters: dict[str, Any] = {}
    for name, value in target_fields(target).items():
        if value is None:
            filters[f"{name}__isnull"] = True
        else:
            filters[name] = value
    return Comment.objects.filter(**filters)


def target_for(user: User, kind: str, pk: int) -> Target:
    """The target of a discussion if `user` may read it, else 404."""
    if kind == "dossier":
        return get_object_or_404(Dossier.objects.visible_to(user), pk=pk)
    if kind == "etude":
        return case_study_for(user, pk)
    if kind == "recommandation":
        return recommendation_for(user, pk)
    if kind == "question":
        return question_for(user, pk)
    if kind == "annotation":
        return get_object_or_404(
            Annotation.objects.select_related("dossier", "author")
            .filter(dossier__in=Dossier.objects.visible_to(user))
            .filter(Annotation.readable_by(user)),
            pk=pk,
        )
    raise Http404("Unknown discussion kind.")


def target_is_readable(user: User, target: Target) -> bool:
    """Whether `user` may read the target now; emails and notifications ask again at sending."""
    if not user.is_active or not target_dossier(target).is_visible_to(user):
        return False
    if isinstance(target, Annotation):
        return target.is_readable_by(user)
    return True


def target_title(target: Target) -> str:
    if isinstance(target, Annotation):
        return str(target)
    return target.title


def target_of(comment: Comment) -> Target:
    """The target a comment belongs to (one query per related object not yet loaded)."""
    kind = comment.target_kind
    if kind == "dossier":
        return comment.dossier
    target = getattr(comment, _KIND_FIELDS[kind])
    # Reuse the loaded dossier so that readability checks cost no extra query.
    if "dossier" in comment._state.fields_cache:
        target.dossier = comment.dossier
    return target


def comment_page_url(comment: Comment) -> str:
    """The URL of the page showing the comment, ending in its anchor."""
    kind, pk = comment.target_kind, comment.target_pk
    if kind == "annotation":
        base = reverse("discussions:thread-page", kwargs={"kind": kind, "pk": pk})
    else:
        base = reverse("dossiers:detail", kwargs={"slug": comment.dossier.slug})
        base += "?" + urlencode({"fil": f"{kind}-{pk}"})
    return f"{base}#comment-{comment.pk}"


# --- Gates to comments ----------------------------------------------------------------


def readable_comments(user: User) -> QuerySet[Comment]:
    """Comments whose discussion `user` may read (their state aside)."""
    return Comment.objects.filter(dossier__in=Dossier.objects.visible_to(user)).filter(
        Q(annotation__isnull=True) | Annotation.readable_by(user, "annotation__")
    )


def comment_for(user: User, pk: int) -> Comment:
    """A comment of a discussion `user` may read, else 404."""
    return get_object_or_404(readable_comments(user).select_related("dossier", "author"), pk=pk)


def comment_for_reply(user: User, pk: int) -> Comment:
    """A comment `user` may answer: readable (else 404) and not a tombstone (else 404)."""
    comment = comment_for(user, pk)
    if not comment.is_visible:
        raise Http404("This message was deleted or hidden.")
    return comment


def comment_for_edit(user: User, pk: int) -> Comment:
    """A comment `user` may edit or delete: readable (else 404), theirs and not removed
    (else 403)."""
    comment = comment_for(user, pk)
    if comment.author_id != user.pk or comment.state != Comment.State.VISIBLE:
        raise PermissionDenied("Only its author may change this message.")
    return comment


def comment_for_moderation(user: User, pk: int) -> Comment:
    """A comment `user` may hide or restore: readable (else 404), user a moderator (else 403)."""
    comment = comment_for(user, pk)
    if not user.is_moderator:
        raise PermissionDenied("Only moderators may hide or restore a message.")
    return comment


def readable_notifications(user: User) -> QuerySet[Notification]:
    """The user's notifications about what they may still read."""
    return Notification.objects.filter(
        recipient=user, dossier__in=Dossier.objects.visible_to(user)
    ).exclude(Q(annotation__isnull=False) & ~Annotation.readable_by(user, "annotation__"))


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
    kind: str
    target: Target
    entries: list[Entry]
    # Messages that can be read (tombstones excluded) and entries not shown yet.
    count: int
    remaining: int

    @property
    def pk(self) -> int:
        return self.target.pk

    @property
    def dom_id(self) -> str:
        return f"thread-{self.kind}-{self.target.pk}"

    @property
    def url(self) -> str:
        return reverse("discussions:thread", kwargs={"kind": self.kind, "pk": self.target.pk})

    @property
    def page_url(self) -> str:
        return reverse("discussions:thread-page", kwargs={"kind": self.kind, "pk": self.target.pk})

    @cached_property
    def comments_url(self) -> str:
        """The prefix of every comment's URLs: `<prefix><pk>/repondre/` and so on (one
        reverse per thread rather than several per comment)."""
        return reverse("discussions:comment-create")

    @property
    def more_url(self) -> str:
        """Without JavaScript, "see the other messages" opens the page with this discussion
        in full."""
        if self.kind == "annotation":
            return self.page_url
        dossier = target_dossier(self.target)
        return f"{dossier.get_absolute_url()}?fil={self.kind}-{self.pk}#{self.dom_id}"

    @property
    def new_form_id(self) -> str:
        return f"form-{self.kind}-{self.target.pk}"

    @property
    def max_length(self) -> int:
        return COMMENT_MAX_LENGTH

    @property
    def form_open(self) -> bool:
        """The new-message form shows at once where discussion is the point; on case
        studies and recommendations it unfolds on demand."""
        return self.kind in ("dossier", "question", "annotation")


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


_SHOWN_FIELDS = ("pk", "parent_id", "author_id", "state", "created_at", "edited_at", "body_html")


def shown_comments(queryset: QuerySet[Comment]) -> list[ShownComment]:
    """The comments of `queryset` as rows, with their authors (two queries: fifty authors
    for a thousand comments cost less than one joined user per row)."""
    from accounts.models import User

    rows = [ShownComment(*values) for values in queryset.values_list(*_SHOWN_FIELDS)]
    ids = {row.author_id for row in rows}
    authors = User.objects.only("pk", "email", "display_name").in_bulk(ids) if ids else {}
    for row in rows:
        row.author = authors[row.author_id]
    return rows


def comment_is_shown(comment: Comment) -> bool:
    """Whether the comment appears in its discussion (a withdrawn one only as the tombstone
    of a reply that shows)."""
    rows = target_comments(target_of(comment)).values_list("pk", "parent_id", "created_at", "state")
    nodes = [
        _Skeleton(pk, parent_id, created_at, state, "") for pk, parent_id, created_at, state in rows
    ]
    return any(node.pk == comment.pk for node, _depth in tree_order(nodes).order)


def thread_shell(target: Target) -> Thread:
    """A thread without its comments, for the forms that post to it."""
    return Thread(kind=target_kind(target), target=target, entries=[], count=0, remaining=0)


def thread_for(user: User, target: Target, *, limit: int | None = None) -> Thread:
    """A target's whole discussion (or its first `limit` comments), in two queries at most."""
    comments = shown_comments(target_comments(target))
    by_pk = {comment.pk: comment for comment in comments}
    tree = tree_order(comments)
    return _thread(target, tree, thread_entries(tree, by_pk, user, limit=limit))


def _thread(target: Target, tree: _Tree, entries: list[Entry]) -> Thread:
    return Thread(
        kind=target_kind(target),
        target=target,
        entries=entries,
        count=tree.count,
        remaining=len(tree.order) - len(entries),
    )


@dataclass
class _Skeleton:
    pk: int
    parent_id: int | None
    created_at: datetime
    state: str
    key: str


def dossier_threads(
    user: User, dossier: Dossier, targets: Iterable[Target], *, expanded: str = ""
) -> dict[str, Thread]:
    """Every discussion of the dossier page, keyed by `target_key`, in two queries.

    The first query reads the shape of all the dossier's discussions (no text), the second
    the comments the page shows: the first `PREVIEW_SIZE` of each discussion, all of the
    `expanded` one, and the parents of replies shown flat.
    """
    rows = Comment.objects.filter(dossier=dossier, annotation__isnull=True).values_list(
        "pk",
        "parent_id",
        "created_at",
        "state",
        "case_study_id",
        "recommendation_id",
        "question_id",
    )
    grouped: dict[str, list[_Skeleton]] = defaultdict(list)
    for pk, parent_id, created_at, state, case_id, rec_id, question_id in rows:
        if case_id:
            key = f"etude-{case_id}"
        elif rec_id:
            key = f"recommandation-{rec_id}"
        elif question_id:
            key = f"question-{question_id}"
        else:
            key = f"dossier-{dossier.pk}"
        grouped[key].append(_Skeleton(pk, parent_id, created_at, state, key))

    trees: dict[str, tuple[_Tree, int | None]] = {}
    wanted: set[int] = set()
    for target in [dossier, *targets]:
        key = target_key(target)
        tree = tree_order(grouped.get(key, []))
        limit = None if key == expanded else PREVIEW_SIZE
        trees[key] = (tree, limit)
        shown = tree.order if limit is None else tree.order[:limit]
        for node, depth in shown:
            wanted.add(node.pk)
            if depth > MAX_INDENT and node.parent_id:
                wanted.add(node.parent_id)
    shown = shown_comments(Comment.objects.filter(pk__in=wanted)) if wanted else []
    comments = {comment.pk: comment for comment in shown}

    threads: dict[str, Thread] = {}
    for target in [dossier, *targets]:
        key = target_key(target)
        tree, limit = trees[key]
        threads[key] = _thread(target, tree, thread_entries(tree, comments, user, limit=limit))
    return threads


def home_activity(user: User, *, size: int = 5) -> dict[str, Any]:
    """The home page's activity block, in three queries: what is new in the dossiers the
    user follows, their unread notifications, questions nobody has answered yet."""
    news = (
        readable_comments(user)
        .filter(dossier__follows__user=user, state=Comment.State.VISIBLE)
        .exclude(author=user)
        .select_related("author", "dossier")
        .order_by("-created_at")[:size]
    )
    unread = (
        readable_notifications(user)
        .filter(read_at__isnull=True)
        .select_related("actor", "dossier", "comment", "annotation")[:size]
    )
    open_questions = (
        Question.objects.filter(dossier__in=Dossier.objects.visible_to(user))
        .annotate(answers=Count("comments", filter=Q(comments__state=Comment.State.VISIBLE)))
        .filter(answers=0)
        .select_related("dossier")
        .order_by("-dossier__published_on", "dossier", "order")[:size]
    )
    return {"news": news, "unread": unread, "open_questions": open_questions}
