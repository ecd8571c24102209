"""Annotations as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

One serialiser for the JSON API (the reading page draws its highlights from it) and for the
export of a dossier's annotations as an AnnotationCollection. Every id is an absolute URI
(built from the request, non-ASCII encoded); replies are annotations whose motivation is
"replying" and whose target is their true parent (the annotation, or the reply they answer);
tags are TextualBody with purpose "tagging".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _

from discussions.annotation_services import annotation_target_key
from discussions.models import Annotation, Comment

if TYPE_CHECKING:
    from accounts.models import User
    from dossiers.models import Dossier

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def absolute(request: HttpRequest, path: str) -> str:
    return iri_to_uri(request.build_absolute_uri(path))


def annotation_iri(request: HttpRequest, pk: int) -> str:
    return absolute(request, reverse("discussions:annotation-detail", kwargs={"pk": pk}))


def comment_iri(request: HttpRequest, comment: Comment) -> str:
    """The comment's permalink; its anchor on the dossier page while the discussions
    routes do not have one."""
    try:
        path = reverse("discussions:comment", kwargs={"pk": comment.pk})
    except NoReverseMatch:
        path = f"{comment.dossier.get_absolute_url()}#comment-{comment.pk}"
    return absolute(request, path)


def body_source(request: HttpRequest, annotation: Annotation) -> str:
    """The annotated body: its element on the dossier page (ids set in detail.html)."""
    if annotation.case_study_id:
        fragment = f"etude-{annotation.case_study_id}"
    elif annotation.recommendation_id:
        fragment = f"recommandation-{annotation.recommendation_id}"
    else:
        fragment = "corps"
    return absolute(request, f"{annotation.dossier.get_absolute_url()}#{fragment}")


def _timestamp(value: Any) -> str:
    return timezone.localtime(value).isoformat()


def _creator(user: User) -> dict[str, str]:
    return {"type": "Person", "name": user.get_display_name()}


def annotation_json(
    request: HttpRequest, annotation: Annotation, *, for_page: bool = False
) -> dict[str, Any]:
    """One annotation; `for_page` adds what the reading page needs under "ccfd" (a local
    extension that JSON-LD processors ignore): pk, body key, state, the Markdown source."""
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
    bodies += [
        {"type": "TextualBody", "value": tag.name, "purpose": "tagging"}
        for tag in annotation.tags.all()
    ]
    data: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": annotation_iri(request, annotation.pk),
        "type": "Annotation",
        "motivation": "commenting" if annotation.body else "highlighting",
        "created": _timestamp(annotation.created_at),
        "modified": _timestamp(annotation.updated_at),
        "creator": _creator(annotation.author),
        "target": {
            "type": "SpecificResource",
            "source": body_source(request, annotation),
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
        data["ccfd"] = {
            "pk": annotation.pk,
            "target": annotation_target_key(annotation),
            "state": annotation.state,
            "visibility": annotation.visibility,
            "mine": annotation.author_id == request.user.pk,
            "author": annotation.author.get_display_name(),
            "note": annotation.body,
            "tags": [tag.name for tag in annotation.tags.all()],
            "replies": getattr(annotation, "reply_count", None),
        }
    return data


def reply_json(request: HttpRequest, comment: Comment) -> dict[str, Any]:
    if comment.parent_id:
        target = comment_iri(request, comment.parent)
    else:
        target = annotation_iri(request, comment.annotation_id)
    return {
        "@context": ANNO_CONTEXT,
        "id": comment_iri(request, comment),
        "type": "Annotation",
        "motivation": "replying",
        "created": _timestamp(comment.created_at),
        "modified": _timestamp(comment.edited_at or comment.created_at),
        "creator": _creator(comment.author),
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
    annotations: Iterable[Annotation],
    replies: Iterable[Comment],
) -> dict[str, Any]:
    """The dossier's annotations and their replies, in one embedded page."""
    items = [annotation_json(request, a) for a in annotations]
    items += [reply_json(request, c) for c in replies]
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
