"""Keeping `SearchEntry` rows in step with the content they index.

One function per kind turns an object into the values of its entry; `index_object` upserts
it, `unindex_object` removes it, `rebuild_index` recreates every row in bulk (the management
command and the benchmark use it). The receivers in `search.signals` call these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Q

from discussions.models import Annotation, Comment
from discussions.targets import COMMENT_FIELDS
from dossiers.markdown import html_text
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region
from learning.models import FieldReport
from search.models import INDEXED_MODELS, SearchEntry
from search.parsing import spaced_stems, stem_counts, title_key, word_count
from syntheses.models import Synthesis

Kind = SearchEntry.Kind

# Dossier content comes before contributions in the candidate set of a frequent word.
PRIORITIES = {
    Kind.DOSSIER: 3,
    Kind.CASE_STUDY: 2,
    Kind.RECOMMENDATION: 2,
    Kind.QUESTION: 2,
    Kind.ANNOTATION: 1,
    Kind.COMMENT: 1,
    Kind.FIELD_REPORT: 1,
    Kind.SYNTHESIS: 2,
}
MODEL_KINDS: dict[type[models.Model], str] = {
    apps.get_model(label): kind for kind, label in INDEXED_MODELS.items()
}

# NUL (PostgreSQL refuses it in text) and the snippet marks (see search.models.MARK_START).
_UNINDEXABLE = re.compile("[\x00\ue000\ue001]")


def clean_text(text: str | None) -> str:
    return _UNINDEXABLE.sub("", text or "")


def dossier_context(dossier: Dossier) -> dict[str, Any]:
    """What every entry of the dossier copies from it: status, facets, period."""
    keys = [
        *(f"region:{slug}" for slug in dossier.regions.values_list("slug", flat=True)),
        *(f"theme:{slug}" for slug in dossier.themes.values_list("slug", flat=True)),
        *(f"tag:{slug}" for slug in dossier.tags.values_list("slug", flat=True)),
    ]
    return {
        "published": dossier.status == Dossier.Status.PUBLISHED,
        "facet_keys": " ".join(keys),
        "period_start": dossier.period_start,
        "period_end": dossier.period_end,
    }


CONTEXT_FIELDS = ("published", "facet_keys", "period_start", "period_end")


def _context_of(dossier_id: int) -> dict[str, Any]:
    """The dossier's context, read from its own entry (one query), else computed."""
    row = (
        SearchEntry.objects.filter(kind=Kind.DOSSIER, object_id=dossier_id)
        .values(*CONTEXT_FIELDS)
        .first()
    )
    return row or dossier_context(Dossier.objects.get(pk=dossier_id))


def dossier_values(dossier: Dossier) -> dict[str, Any]:
    return {
        "dossier_id": dossier.pk,
        "title": dossier.title,
        "summary": dossier.summary,
        "body": dossier.body_text,
        "owner_id": None,
    }


def case_study_values(case: CaseStudy) -> dict[str, Any]:
    details = " ".join(part for part in (case.summary, case.country, case.partners) if part)
    return {
        "dossier_id": case.dossier_id,
        "title": case.title,
        "summary": details,
        "body": case.body_text,
        "owner_id": None,
    }


def recommendation_values(recommendation: Recommendation) -> dict[str, Any]:
    return {
        "dossier_id": recommendation.dossier_id,
        "title": recommendation.title,
        "summary": "",
        "body": recommendation.body_text,
        "owner_id": None,
    }


def question_values(question: Question) -> dict[str, Any]:
    return {
        "dossier_id": question.dossier_id,
        "title": question.title,
        "summary": question.body,
        "body": "",
        "owner_id": None,
    }


# The fields an entry is built from, for models whose partial saves (`update_fields`) often
# touch none of them; a save of other fields alone leaves the entry as it is.
INDEXED_FIELDS: dict[type[models.Model], frozenset[str]] = {
    Annotation: frozenset(
        {"exact", "body", "body_html", "visibility", "hidden", "author", "dossier"}
    ),
}


def annotation_values(annotation: Annotation) -> dict[str, Any]:
    return {
        "dossier_id": annotation.dossier_id,
        "title": "",
        "summary": annotation.exact,
        "body": html_text(annotation.body_html) if annotation.body_html else annotation.body,
        # A private note, or one hidden by moderation: its author's only.
        "owner_id": annotation.author_id if annotation.is_personal else None,
    }


def field_report_values(report: FieldReport, region_name: str = "") -> dict[str, Any]:
    """Where and how it went in the summary; the partner only when it may be named."""
    partner = "" if report.partner_confidential else report.partner
    where = ", ".join(part for part in (report.country, region_name, partner) if part)
    lessons = html_text(report.lessons_html) if report.lessons_html else report.lessons
    body = html_text(report.body_html) if report.body_html else report.body
    return {
        "dossier_id": report.dossier_id,
        "title": report.title,
        "summary": where,
        "body": f"{body}\n{lessons}" if lessons else body,
        "owner_id": None,
    }


def synthesis_values(synthesis: Synthesis) -> dict[str, Any]:
    """Titled by the discussion it sums up; its text as readers see it (the citations as
    their numbers: what a source says is the source's entry)."""
    return {
        "dossier_id": synthesis.dossier_id,
        "title": str(synthesis),
        "summary": "",
        "body": synthesis.body_text,
        # Of a private note's discussion: as private as the note.
        "owner_id": _annotation_owner(synthesis.annotation_id),
    }


def comment_values(comment: Comment, annotation_owner: int | None) -> dict[str, Any]:
    return {
        "dossier_id": comment.dossier_id,
        "title": "",
        "summary": "",
        "body": html_text(comment.body_html) if comment.body_html else comment.body,
        # A reply to a private note is as private as the note.
        "owner_id": annotation_owner,
    }


def _annotation_owner(annotation_id: int | None) -> int | None:
    if annotation_id is None:
        return None
    annotation = (
        Annotation.objects.filter(pk=annotation_id)
        .only("visibility", "hidden", "author_id")
        .first()
    )
    if annotation is None or not annotation.is_personal:
        return None
    return annotation.author_id


def entry_values(obj: models.Model) -> dict[str, Any] | None:
    """The values of `obj`'s entry, or None when it must not be found at all."""
    if isinstance(obj, Dossier):
        return {**dossier_values(obj), **dossier_context(obj)}
    if isinstance(obj, CaseStudy):
        values = case_study_values(obj)
    elif isinstance(obj, Recommendation):
        values = recommendation_values(obj)
    elif isinstance(obj, Question):
        values = question_values(obj)
    elif isinstance(obj, Annotation):
        values = annotation_values(obj)
    elif isinstance(obj, Comment):
        if obj.state != Comment.State.VISIBLE:
            return None
        values = comment_values(obj, _annotation_owner(obj.annotation_id))
    elif isinstance(obj, FieldReport):
        if not obj.is_visible:  # withdrawn or hidden: not found at all
            return None
        values = field_report_values(obj, obj.region.name if obj.region_id else "")
    elif isinstance(obj, Synthesis):
        values = synthesis_values(obj)
    else:
        raise TypeError(f"{type(obj).__name__} is not indexed")
    return {**values, **_context_of(values["dossier_id"])}


def refresh_dossier(dossier: Dossier) -> None:
    """Copy the dossier's status, facets and period to every entry in it."""
    SearchEntry.objects.filter(dossier=dossier).update(**dossier_context(dossier))


def _finish(values: dict[str, Any], kind: str, object_id: int) -> dict[str, Any]:
    for field in ("title", "summary", "body"):
        values[field] = clean_text(values[field])
        # The ranking's length normalisation (search.ranking).
        values[f"{field}_words"] = word_count(values[field])
    values["title_key"] = title_key(values["title"])
    values["title_stems"] = spaced_stems(values["title"])
    values["summary_stems"] = spaced_stems(values["summary"])
    if connection.vendor == "sqlite":  # PostgreSQL reads them from the vector
        values["text_counts"] = stem_counts(values["body"])
    values["priority"] = PRIORITIES[kind]
    values["kind"] = kind
    values["object_id"] = object_id
    return values


def index_object(obj: models.Model) -> None:
    """Create, update or remove the entry of `obj` after it was saved."""
    kind = MODEL_KINDS[type(obj)]
    values = entry_values(obj)
    if values is None:
        unindex_object(obj)
        return
    values = _finish(values, kind, obj.pk)
    updated = SearchEntry.objects.filter(kind=kind, object_id=obj.pk).update(**values)
    if not updated:
        SearchEntry.objects.create(**values)
    if isinstance(obj, Dossier):
        # Everything in the dossier follows its status, facets and period.
        SearchEntry.objects.filter(dossier=obj).update(
            **{field: values[field] for field in CONTEXT_FIELDS}
        )
    elif isinstance(obj, Annotation):
        # Its replies are as private (or hidden) as it is.
        SearchEntry.objects.filter(
            kind=Kind.COMMENT,
            object_id__in=Comment.objects.filter(annotation=obj).values("pk"),
        ).exclude(owner_id=values["owner_id"]).update(owner_id=values["owner_id"])


def unindex_object(obj: models.Model) -> None:
    SearchEntry.objects.filter(kind=MODEL_KINDS[type(obj)], object_id=obj.pk).delete()


# --- Rebuilding everything --------------------------------------------------------------


def _all_contexts() -> dict[int, dict[str, Any]]:
    """Every dossier's context (see dossier_context), in four queries."""
    keys: dict[int, list[str]] = {}
    links = [
        ("region", Dossier.regions.through.objects.values_list("dossier_id", "region__slug")),
        ("theme", Dossier.themes.through.objects.values_list("dossier_id", "theme__slug")),
        (
            "tag",
            Dossier.tags.through.objects.filter(
                content_type=ContentType.objects.get_for_model(Dossier)
            ).values_list("object_id", "tag__slug"),
        ),
    ]
    for facet, rows in links:
        for dossier_id, slug in rows:
            keys.setdefault(dossier_id, []).append(f"{facet}:{slug}")
    return {
        pk: {
            "published": status == Dossier.Status.PUBLISHED,
            "facet_keys": " ".join(keys.get(pk, [])),
            "period_start": start,
            "period_end": end,
        }
        for pk, status, start, end in Dossier.objects.values_list(
            "pk", "status", "period_start", "period_end"
        )
    }


def _all_entries() -> Iterator[SearchEntry]:
    context = _all_contexts()

    def entry(values: dict[str, Any], kind: str, pk: int) -> SearchEntry:
        return SearchEntry(**_finish({**values, **context[values["dossier_id"]]}, kind, pk))

    dossiers = Dossier.objects.only("pk", "title", "summary", "body_text")
    for dossier in dossiers.iterator(chunk_size=500):
        yield entry(dossier_values(dossier), Kind.DOSSIER, dossier.pk)
    for case in CaseStudy.objects.defer("body", "body_html").iterator(chunk_size=1000):
        yield entry(case_study_values(case), Kind.CASE_STUDY, case.pk)
    for rec in Recommendation.objects.defer("body", "body_html").iterator(chunk_size=1000):
        yield entry(recommendation_values(rec), Kind.RECOMMENDATION, rec.pk)
    for question in Question.objects.iterator(chunk_size=1000):
        yield entry(question_values(question), Kind.QUESTION, question.pk)
    private_owner = dict(
        Annotation.objects.filter(
            Q(visibility=Annotation.Visibility.PRIVATE) | Q(hidden=True)
        ).values_list("pk", "author_id")
    )
    for annotation in Annotation.objects.iterator(chunk_size=2000):
        yield entry(annotation_values(annotation), Kind.ANNOTATION, annotation.pk)
    comments = Comment.objects.filter(state=Comment.State.VISIBLE).only(
        "pk", "dossier_id", "annotation_id", "body", "body_html", "state"
    )
    for comment in comments.iterator(chunk_size=2000):
        owner = private_owner.get(comment.annotation_id) if comment.annotation_id else None
        yield entry(comment_values(comment, owner), Kind.COMMENT, comment.pk)
    regions = dict(Region.objects.values_list("pk", "name"))
    reports = FieldReport.objects.filter(state=FieldReport.State.VISIBLE)
    for report in reports.iterator(chunk_size=2000):
        region = regions.get(report.region_id, "")
        yield entry(field_report_values(report, region), Kind.FIELD_REPORT, report.pk)
    syntheses = Synthesis.objects.select_related("dossier", *COMMENT_FIELDS)
    for synthesis in syntheses.iterator(chunk_size=1000):
        yield entry(synthesis_values(synthesis), Kind.SYNTHESIS, synthesis.pk)


def _batches(items: Iterable[SearchEntry], size: int) -> Iterator[list[SearchEntry]]:
    batch: list[SearchEntry] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# The PostgreSQL GIN indexes (migrations 0002, 0005 and 0009), rebuilt in bulk by
# rebuild_index: {name: column}.
GIN_INDEXES = {"search_entry_vector_gin": "vector", "search_entry_head_gin": "head_vector"}


def rebuild_index(batch_size: int = 1000) -> int:
    """Recreate every entry from the content; returns how many there are.

    On PostgreSQL the GIN indexes are dropped during the inserts and built again in one pass,
    much faster than a hundred thousand index updates. Call `after_bulk_load` afterwards.
    """
    count = 0
    postgresql = connection.vendor == "postgresql"
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        if postgresql:
            with connection.cursor() as cursor:
                for name in GIN_INDEXES:
                    cursor.execute(f"DROP INDEX IF EXISTS {name}")
        for batch in _batches(_all_entries(), batch_size):
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
        if postgresql:
            with connection.cursor() as cursor:
                # The deferred foreign key checks must run before the table can be indexed.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for name, column in GIN_INDEXES.items():
                    cursor.execute(
                        f"CREATE INDEX {name} ON search_searchentry USING gin ({column})"
                        " WITH (fastupdate = off)"
                    )
    return count


def after_bulk_load() -> None:
    """Reclaim the deleted rows and refresh the statistics the planner reads (how frequent
    each word is); outside any transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # VACUUM cannot run in a transaction (a test's, say); ANALYZE alone can.
            vacuum = "" if connection.in_atomic_block else "VACUUM "
            cursor.execute(f"{vacuum}ANALYZE search_searchentry")
        else:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
