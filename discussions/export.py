"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

One serialiser for the JSON API (the reading page draws its highlights from it) and for the
export of a dossier's annotations as an AnnotationCollection. Every id is an absolute URI
(built from the request, non-ASCII encoded); replies are annotations whose motivation is
"replying" and whose target is their true parent (the annotation, or the reply they answer);
tags are TextualBody with purpose "tagging".
"""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _
from taggit.models import TaggedItem

from accounts.models import User
from discussions.models import Annotation, Comment
from discussions.targets import body_of_row

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from dossiers.models import Dossier

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def absolute(request: HttpRequest, path: str) -> str:
    return iri_to_uri(request.build_absolute_uri(path))


def annotation_iri(request: HttpRequest, pk: int) -> str:
    return absolute(request, reverse("discussions:annotation-detail", kwargs={"pk": pk}))


class Links:
    """The absolute IRIs of one response about annotations of one dossier, each route
    reversed once (a list of 300 annotations would otherwise reverse 600 URLs)."""

    def __init__(self, request: HttpRequest, dossier: Dossier) -> None:
        self.user_pk = request.user.pk  # once, not through the lazy user for each annotation
        self._annotation = annotation_iri(request, 0).removesuffix("0/")
        # A comment's permalink (discussions:comment) redirects to where it is shown.
        self._comment = absolute(
            request, reverse("discussions:comment", kwargs={"pk": 0})
        ).removesuffix("0/")
        self._page = absolute(request, dossier.get_absolute_url())
        # Authors are named with their profile page, never with their email address.
        member = reverse("accounts:member", kwargs={"pk": 0})
        self._member = absolute(request, member).removesuffix("0/")
        synthesis = reverse("syntheses:detail", kwargs={"pk": 0})
        self._synthesis = absolute(request, synthesis).removesuffix("0/")

    def annotation(self, pk: int) -> str:
        return f"{self._annotation}{pk}/"

    def comment(self, pk: int) -> str:
        return f"{self._comment}{pk}/"

    def member(self, pk: int) -> str:
        return f"{self._member}{pk}/"

    def synthesis(self, pk: int) -> str:
        return f"{self._synthesis}{pk}/"

    def body(self, annotation: SimpleNamespace) -> str:
        """The annotated body: its element on the dossier page."""
        kind, pk = body_of_row(annotation)
        return f"{self._page}#{kind.anchor(pk)}"


# What serialising an annotation reads. Rows of these columns become light records, not
# model instances: for the 300 annotations of a page, building instances cost more than the
# query that loads them.
ANNOTATION_COLUMNS = (
    "pk",
    "dossier_id",
    "case_study_id",
    "recommendation_id",
    "author_id",
    "body",
    "body_html",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
    "state",
    "visibility",
    "hidden",
    "moderation_note",
    "created_at",
    "updated_at",
    "version",
)


def annotation_records(queryset: QuerySet[Annotation], **extra: Any) -> list[SimpleNamespace]:
    """The annotations of `queryset`, in its order, as records of ANNOTATION_COLUMNS (and of
    the `extra` expressions) with their `author_name` and sorted `tag_names`: two queries
    whatever their number (taggit's prefetch would build a queryset per annotation). The
    author's email address is not even read: it must reach no other member."""
    rows = queryset.values(
        *ANNOTATION_COLUMNS, author_display_name=F("author__display_name"), **extra
    )
    records = [SimpleNamespace(**row) for row in rows]
    if not records:
        return records
    names: dict[int, list[str]] = {record.pk: [] for record in records}
    tags = (
        TaggedItem.objects.filter(
            # The content type from Django's cache: no join on django_content_type.
            content_type=ContentType.objects.get_for_model(Annotation),
            object_id__in=list(names),
        )
        .order_by("tag__name")
        .values_list("object_id", "tag__name")
    )
    for pk, name in tags:
        names[pk].append(name)
    authors: dict[int, str] = {}  # a page has hundreds of annotations by a few people
    for record in records:
        record.tag_names = names[record.pk]
        if record.author_id not in authors:
            author = User(pk=record.author_id, display_name=record.author_display_name)
            authors[record.author_id] = author.get_display_name()
        record.author_name = authors[record.author_id]
    return records


def _timestamp(value: Any) -> str:
    """ISO 8601 with its offset (UTC, as stored), which the W3C model requires."""
    return value.isoformat()


def _creator(links: Links, pk: int, name: str) -> dict[str, str]:
    """The author as a W3C Person: their profile page and the name colleagues see."""
    return {"type": "Person", "id": links.member(pk), "name": name}


def annotation_json(
    links: Links, annotation: SimpleNamespace, *, for_page: bool = False
) -> dict[str, Any]:
    """One record of `annotation_records`; `for_page` adds what the
    reading page needs under "ccfd" (a local extension that JSON-LD processors ignore):
    pk, body key, state, the Markdown source."""
    tags = annotation.tag_names
    bodies: list[dict[str, Any]] = []
    if annotation.body:
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.body_html,
                "format": "text/html",
                "purpose": "commenting",
            }
        )
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in tags]
    data: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": links.annotation(annotation.pk),
        "type": "Annotation",
        "motivation": "commenting" if annotation.body else "highlighting",
        "created": _timestamp(annotation.created_at),
        "modified": _timestamp(annotation.updated_at),
        "creator": _creator(links, annotation.author_id, annotation.author_name),
        "target": {
            "type": "SpecificResource",
            "source": links.body(annotation),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.exact,
                    "prefix": annotation.prefix,
                    "suffix": annotation.suffix,
                },
                {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
            ],
        },
    }
    if bodies:
        data["body"] = bodies[0] if len(bodies) == 1 else bodies
    if for_page:
        data["ccfd"] = _page_extension(links, annotation, tags)
    return data


def _page_extension(links: Links, annotation: SimpleNamespace, tags: list[str]) -> dict[str, Any]:
    """What the reading page needs beyond the W3C model (a local extension under "ccfd",
    which JSON-LD processors ignore)."""
    return {
        "pk": annotation.pk,
        "target": _body_ref(annotation),
        "state": annotation.state,
        "visibility": annotation.visibility,
        "mine": annotation.author_id == links.user_pk,
        "author": annotation.author_name,
        "author_url": links.member(annotation.author_id),
        "note": annotation.body,
        "tags": tags,
        "replies": getattr(annotation, "reply_count", None),
        # A synthesis the reader may read cites it: « cité dans la synthèse », linked.
        "cited_in": links.synthesis(cited)
        if (cited := getattr(annotation, "cited_in", None))
        else None,
        # Only its author still sees a hidden annotation: tell them why.
        "hidden": annotation.hidden,
        "moderation_note": annotation.moderation_note if annotation.hidden else "",
        # Sent back with a PATCH: an edit from an older version answers 409.
        "version": annotation.version,
    }


def reply_json(links: Links, comment: Comment) -> dict[str, Any]:
    if comment.parent_id:
        target = links.comment(comment.parent_id)
    else:
        target = links.annotation(comment.annotation_id)
    return {
        "@context": ANNO_CONTEXT,
        "id": links.comment(comment.pk),
        "type": "Annotation",
        "motivation": "replying",
        "created": _timestamp(comment.created_at),
        "modified": _timestamp(comment.edited_at or comment.created_at),
        "creator": _creator(links, comment.author_id, comment.author.get_display_name()),
        "body": {"type": "TextualBody", "value": comment.body_html, "format": "text/html"},
        "target": target,
    }


def page_json(collection: dict[str, Any]) -> dict[str, Any]:
    """The collection's one page on its own, naming the collection it is part of."""
    part_of = {key: collection[key] for key in ("id", "label", "total")}
    return {"@context": ANNO_CONTEXT, **collection["first"], "partOf": part_of}


def collection_json(
    request: HttpRequest,
    dossier: Dossier,
    annotations: QuerySet[Annotation],
    replies: Iterable[Comment],
    extra: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The dossier's annotations and their replies, in one embedded page; `extra`
    annotations after them (the syntheses of its discussions, syntheses.export)."""
    links = Links(request, dossier)
    items = [annotation_json(links, a) for a in annotation_records(annotations)]
    items += [reply_json(links, c) for c in replies]
    items += list(extra)
    collection_id = absolute(
        request, reverse("discussions:annotation-export", kwargs={"slug": dossier.slug})
    )
    return {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": _("Annotations on “%(title)s”") % {"title": dossier.title},
        "total": len(items),
        "first": {
            "id": f"{collection_id}?page=1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def _body_ref(annotation: SimpleNamespace) -> str:
    kind, pk = body_of_row(annotation)
    return kind.ref(pk)
