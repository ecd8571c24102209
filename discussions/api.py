"""The JSON API of annotations: plain function views, JSON in and out, session auth, CSRF.

    GET    /discussions/annotations/?target=etude:12   a body's annotations
    GET    /discussions/annotations/?dossier=3         every body of a dossier (the page)
    POST   /discussions/annotations/                   create
    GET    /discussions/annotations/<pk>/              read
    PATCH  /discussions/annotations/<pk>/              change note, visibility, tags, or
                                                       re-attach (new selectors)
    DELETE /discussions/annotations/<pk>/              delete (unless it has replies)
    GET    /discussions/annotations/dossiers/<slug>/   the W3C AnnotationCollection export

Writes send the X-CSRFToken header. Every refusal is JSON {"error": "<why, in French>"}:
400 for what the request got wrong (nothing is stored), 404 for what the user may not read
(missing and unreadable alike, so nothing is revealed), 403 for someone else's annotation,
409 for a PATCH whose "version" (every annotation's JSON carries it under "ccfd") is older
than the annotation's: it comes with the annotation as saved now, under "annotation". A
PATCH without "version" is not checked.
A create body:
    {"target": "dossier:3", "exact": "…", "prefix": "…", "suffix": "…", "start": 10,
     "end": 42, "note": "Markdown", "visibility": "shared" | "private", "tags": ["…"]}

What is refused before a view runs answers JSON too (the views are marked `answers_json`):
401 for an anonymous call (ccfd_community.middleware.LoginRequiredMiddleware), 403 for a
missing or expired CSRF token (ccfd_community.views.csrf_failure), 413 for a body over
DATA_UPLOAD_MAX_MEMORY_SIZE.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from types import SimpleNamespace
from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from discussions.access import TargetError, annotation_for_edit, annotation_for_read, body_for
from discussions.anchoring import Selector, SelectorError
from discussions.annotation_services import (
    AnnotationHasReplies,
    annotation_create,
    annotation_delete,
    annotation_update,
)
from discussions.export import (
    JSON_LD,
    Links,
    annotation_json,
    annotation_records,
    collection_json,
    page_json,
)
from discussions.limits import POSTING_LIMITED, posting_allowed
from discussions.models import ANNOTATION_NOTE_MAX_LENGTH, Annotation, Comment
from discussions.targets import target_dossier
from dossiers.access import dossier_for
from dossiers.models import Dossier, long_columns
from dossiers.versioning import StaleEdit
from syntheses.shown import cited_annotations

MAX_TAGS = 20
# Characters of the note saved meanwhile quoted in a 409's message.
STALE_NOTE_CHARS = 300
TAG_MAX_LENGTH = 100


class ApiError(Exception):
    """A request the API refuses with 400 and this message."""


def json_response(
    data: dict[str, Any], status: int = 200, content_type: str = "application/json"
) -> HttpResponse:
    """UTF-8 JSON by orjson: the standard library's encoder was slow for a page's 300
    annotations, a large share of the list request (docs/bench.md)."""
    return HttpResponse(orjson.dumps(data), status=status, content_type=content_type)


def json_api(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn refusals into JSON errors with the right status; mark the view as answering
    JSON, so that the login middleware and the CSRF failure view answer it in JSON too."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except RequestDataTooBig:
            # Else Django's 400 page: HTML, and the wrong status for a script to explain.
            limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
            error = _("The request is too large (%(max)s at most).") % {"max": limit}
            return json_response({"error": error}, status=413)
        except (ApiError, SelectorError, TargetError) as error:
            return json_response({"error": str(error)}, status=400)
        except Http404 as error:
            return json_response({"error": str(error) or _("Not found.")}, status=404)
        except PermissionDenied as error:
            return json_response({"error": str(error) or _("Forbidden.")}, status=403)

    wrapper.answers_json = True  # type: ignore[attr-defined]
    return wrapper


def _method_not_allowed(allowed: list[str]) -> HttpResponse:
    response = json_response({"error": _("Method not allowed.")}, status=405)
    response["Allow"] = ", ".join(allowed)
    return response


def _payload(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ApiError(_("The request body is not valid JSON.")) from error
    if not isinstance(data, dict):
        raise ApiError(_("The request body must be a JSON object."))
    return data


def _integer(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ApiError(_("“%(name)s” must be an integer.") % {"name": name})
    return value


def _string(data: dict[str, Any], name: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str):
        raise ApiError(_("“%(name)s” must be a string.") % {"name": name})
    return value


def _selector(data: dict[str, Any]) -> Selector:
    return Selector(
        exact=_string(data, "exact"),
        prefix=_string(data, "prefix", ""),
        suffix=_string(data, "suffix", ""),
        start=_integer(data, "start"),
        end=_integer(data, "end"),
    )


def _note(data: dict[str, Any]) -> str:
    note = _string(data, "note", "")
    if len(note) > ANNOTATION_NOTE_MAX_LENGTH:
        raise ApiError(
            _("The note is too long (%(max)d characters at most).")
            % {"max": ANNOTATION_NOTE_MAX_LENGTH}
        )
    return note


def _visibility(data: dict[str, Any]) -> str:
    visibility = data.get("visibility", Annotation.Visibility.SHARED)
    if visibility not in Annotation.Visibility.values:
        raise ApiError(
            _("Unknown visibility “%(value)s”: expected “shared” or “private”.")
            % {"value": str(visibility)[:40]}
        )
    return visibility


def _tags(data: dict[str, Any]) -> list[str]:
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ApiError(_("“tags” must be a list of strings."))
    tags = [tag.strip() for tag in tags if tag.strip()]
    if len(tags) > MAX_TAGS or any(len(tag) > TAG_MAX_LENGTH for tag in tags):
        raise ApiError(
            _("At most %(count)d tags of %(max)d characters each.")
            % {"count": MAX_TAGS, "max": TAG_MAX_LENGTH}
        )
    return tags


def _for_page(request: HttpRequest, queryset: Any) -> list[SimpleNamespace]:
    """Everything the page shows of each annotation, in three queries whatever their number
    (the third: the synthesis citing each, « cité dans la synthèse »).
    Its dossier (10,000 words of text) is not loaded with each: Links(request, dossier)
    knows it. The reply counts come in the same query: a correlated subquery, no slower than
    a separate grouped query (docs/bench.md) and one round trip fewer."""
    visible_replies = (
        Comment.objects.filter(annotation=OuterRef("pk"), state=Comment.State.VISIBLE)
        .order_by()
        .values("annotation")
        .annotate(count=Count("pk"))
        .values("count")
    )
    records = annotation_records(
        queryset.order_by("start", "pk"), reply_count=Coalesce(Subquery(visible_replies), 0)
    )
    cited = cited_annotations(request.user, (record.pk for record in records))
    for record in records:
        record.cited_in = cited.get(record.pk)
    return records


def _annotation_data(request: HttpRequest, pk: int) -> dict[str, Any]:
    (annotation,) = _for_page(request, Annotation.objects.filter(pk=pk))
    links = Links(request, Dossier.objects.only("slug").get(pk=annotation.dossier_id))
    return annotation_json(links, annotation, for_page=True)


def _annotation_response(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    return json_response(_annotation_data(request, pk), status=status)


def _stale_response(request: HttpRequest, pk: int) -> HttpResponse:
    """409: the annotation was saved since the version the PATCH was built from. It comes
    as saved now, so the page can show it and base a second try on its version."""
    annotation = _annotation_data(request, pk)
    note = Truncator(annotation["ccfd"]["note"]).chars(STALE_NOTE_CHARS) or _("no note")
    error = _(
        "This annotation was changed elsewhere (in another tab?) while you were editing it. "
        "Saved now: “%(note)s”. Your text is kept: save again to replace it."
    ) % {"note": note}
    return json_response({"error": error, "annotation": annotation}, status=409)


@json_api
def annotation_collection(request: HttpRequest) -> HttpResponse:
    """GET: the annotations of a body (?target=) or of a whole dossier (?dossier=).
    POST: create one."""
    if request.method == "POST":
        return _create(request)
    if request.method != "GET":
        return _method_not_allowed(["GET", "POST"])
    readable = Annotation.objects.readable_by(request.user)
    if "dossier" in request.GET:
        pk = request.GET["dossier"]
        dossier = (
            Dossier.objects.visible_to(request.user)
            .defer(*long_columns())
            .filter(pk=int(pk) if pk.isdigit() else 0)
            .first()
        )
        if dossier is None:
            raise Http404(_("This text does not exist or you may not read it."))
        annotations = readable.filter(dossier=dossier)
    else:
        body = body_for(request.user, request.GET.get("target", ""))
        annotations = readable.on_body(body)
        dossier = target_dossier(body)
    links = Links(request, dossier)
    items = [annotation_json(links, a, for_page=True) for a in _for_page(request, annotations)]
    return json_response({"annotations": items})


def _create(request: HttpRequest) -> HttpResponse:
    data = _payload(request)
    body = body_for(request.user, data.get("target"))
    if not posting_allowed(request, "annotation"):
        return json_response({"error": str(POSTING_LIMITED)}, status=429)
    annotation = annotation_create(
        author=request.user,
        body=body,
        selector=_selector(data),
        note=_note(data),
        visibility=_visibility(data),
        tags=_tags(data),
    )
    return _annotation_response(request, annotation.pk, status=201)


@json_api
def annotation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET, PATCH (note, visibility, tags; selectors together to re-attach), DELETE."""
    if request.method == "GET":
        annotation_for_read(request.user, pk)
    elif request.method == "PATCH":
        annotation = annotation_for_edit(request.user, pk)
        data = _payload(request)
        has_selector = any(name in data for name in ("exact", "start", "end"))
        try:
            annotation_update(
                annotation=annotation,
                note=_note(data) if "note" in data else None,
                visibility=_visibility(data) if "visibility" in data else None,
                tags=_tags(data) if "tags" in data else None,
                selector=_selector(data) if has_selector else None,
                version=_integer(data, "version") if "version" in data else None,
            )
        except StaleEdit:
            return _stale_response(request, pk)
    elif request.method == "DELETE":
        annotation = annotation_for_edit(request.user, pk)
        try:
            annotation_delete(annotation=annotation)
        except AnnotationHasReplies as error:
            raise ApiError(
                _(
                    "This annotation has replies: it stays so the discussion is not lost. "
                    "You may change its note."
                )
            ) from error
        return HttpResponse(status=204)
    else:
        return _method_not_allowed(["GET", "PATCH", "DELETE"])
    return _annotation_response(request, pk)


@json_api
def annotation_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The dossier's annotations and their visible replies, as the requester may read them,
    as a W3C AnnotationCollection, with the syntheses of its discussions ("assessing");
    ?page=1 is its one page."""
    from syntheses.export import synthesis_annotations

    try:
        dossier = dossier_for(request.user, slug)
    except Http404 as error:
        raise Http404(_("This text does not exist or you may not read it.")) from error
    annotations = (
        Annotation.objects.readable_by(request.user).filter(dossier=dossier).order_by("pk")
    )
    replies = (
        Comment.objects.filter(annotation__in=annotations.values("pk"), state=Comment.State.VISIBLE)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    data = collection_json(
        request, dossier, annotations, replies, extra=synthesis_annotations(request, dossier)
    )
    if request.GET.get("page") == "1":
        data = page_json(data)
    return json_response(data, content_type=JSON_LD)
