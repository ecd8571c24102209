"""The kinds of things people discuss or annotate: one record each, read by everything that
maps kinds (models, gates, threads, the API, the export, the admin, search, the demo).

A kind's `slug` is how URLs and pages spell it: the thread URL `/discussions/fil/<slug>/<pk>/`,
the thread key `<slug>-<pk>` (the dossier page's `fil` parameter and thread DOM ids) and the
body reference `<slug>:<pk>` of the annotation API. Adding a kind is one record here, its
foreign key on `Comment` (and on `Annotation` if it has an annotatable body) and a migration.

Models are named by label and resolved on use, so that model modules can import this one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Characters of a title or a passage shown in a sentence.
TITLE_SHOWN = 80


@dataclass(frozen=True)
class TargetKind:
    slug: str
    # "app_label.ModelName" of the target.
    model_label: str
    # The foreign key naming the target on a comment (and an annotation); None for the
    # dossier's own discussion, whose comments have only `dossier` set.
    field: str | None
    # The target's element id on the dossier page ("etude-{pk}" → "etude-12").
    page_anchor: str
    # "a case study", for the admin's "discussion of" filter.
    label: Promise
    # Whether it has a body (`body_text`) that annotations anchor in.
    annotatable: bool = False
    # The new-message form shows at once where discussion is the point; elsewhere it
    # unfolds on demand.
    form_open: bool = False
    # Its discussion lives on a page of its own rather than on the dossier page.
    own_page: bool = False
    # The URL name of that page when it is the target's own page (taking its `pk`), rather
    # than the discussion's page `discussions:thread-page`.
    page_route: str = ""
    # The target in a sentence, "the case study “%(title)s”": notifications and search say
    # which part a message was written on.
    named: Promise = _("“%(title)s”")

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def key(self, pk: int | str) -> str:
        """The thread key: "etude-12"."""
        return f"{self.slug}-{pk}"

    def ref(self, pk: int | str) -> str:
        """The body reference of the annotation API: "etude:12"."""
        return f"{self.slug}:{pk}"

    def anchor(self, pk: int | str) -> str:
        return self.page_anchor.format(pk=pk)

    def dom_id(self, pk: int | str) -> str:
        """The id of the target's thread element: "thread-etude-12"."""
        return f"thread-{self.key(pk)}"

    def name(self, target: models.Model) -> str:
        """The target in a sentence: "the recommendation “Sécuriser les semences”"."""
        return self.named % {"title": Truncator(_sentence_title(target)).chars(TITLE_SHOWN)}

    def page_url(self, pk: int | str) -> str:
        """The page of its own a discussion lives on (for `own_page` kinds)."""
        if self.page_route:
            return reverse(self.page_route, kwargs={"pk": pk})
        return reverse("discussions:thread-page", kwargs={"kind": self.slug, "pk": pk})


DOSSIER = TargetKind(
    slug="dossier",
    model_label="dossiers.Dossier",
    field=None,
    # The dossier page is the dossier's: its element is its body.
    page_anchor="corps",
    named=_("the dossier “%(title)s”"),
    label=_("the dossier"),
    annotatable=True,
    form_open=True,
)
KINDS: tuple[TargetKind, ...] = (
    DOSSIER,
    TargetKind(
        slug="etude",
        model_label="dossiers.CaseStudy",
        field="case_study",
        page_anchor="etude-{pk}",
        named=_("the case study “%(title)s”"),
        label=_("a case study"),
        annotatable=True,
    ),
    TargetKind(
        slug="recommandation",
        model_label="dossiers.Recommendation",
        field="recommendation",
        page_anchor="recommandation-{pk}",
        named=_("the recommendation “%(title)s”"),
        label=_("a recommendation"),
        annotatable=True,
    ),
    TargetKind(
        slug="question",
        model_label="dossiers.Question",
        field="question",
        page_anchor="question-{pk}",
        named=_("the question “%(title)s”"),
        label=_("a question"),
        # Folded like the others: a dossier asks several, and an open box under each one
        # made the page a column of empty forms.
    ),
    TargetKind(
        slug="annotation",
        model_label="discussions.Annotation",
        field="annotation",
        page_anchor="annotation-{pk}",
        named=_("the note on “%(title)s”"),
        label=_("an annotation"),
        form_open=True,
        own_page=True,
    ),
    TargetKind(
        slug="retour",
        model_label="learning.FieldReport",
        field="field_report",
        page_anchor="retour-{pk}",
        named=_("the field report “%(title)s”"),
        label=_("a field report"),
        form_open=True,
        own_page=True,
        page_route="learning:report",
    ),
)
BODY_KINDS: tuple[TargetKind, ...] = tuple(kind for kind in KINDS if kind.annotatable)

# The foreign keys that place a comment in a discussion, or an annotation in a body.
COMMENT_FIELDS: tuple[str, ...] = tuple(kind.field for kind in KINDS if kind.field)
ANNOTATION_FIELDS: tuple[str, ...] = tuple(kind.field for kind in BODY_KINDS if kind.field)
# The comment fields of the discussions shown on pages of their own, not the dossier page.
OWN_PAGE_FIELDS: tuple[str, ...] = tuple(
    kind.field for kind in KINDS if kind.own_page and kind.field
)

_BY_SLUG = {kind.slug: kind for kind in KINDS}


def kind_named(slug: str, among: Iterable[TargetKind] = KINDS) -> TargetKind | None:
    kind = _BY_SLUG.get(slug)
    return kind if kind is not None and kind in among else None


@cache
def _by_label() -> dict[str, TargetKind]:
    return {kind.model_label: kind for kind in KINDS}


def kind_of(target: models.Model) -> TargetKind:
    """The kind of a target object (a dossier, a case study…)."""
    return _by_label()[target._meta.label]


def kind_of_row(row: Any, fields: Iterable[str] = COMMENT_FIELDS) -> TargetKind:
    """The kind of discussion (or body) a comment or annotation belongs to, from its
    `<field>_id` attributes: the one set, else the dossier's own."""
    for field in fields:
        if getattr(row, f"{field}_id", None):
            return _kind_with_field(field)
    return DOSSIER


def target_pk_of_row(row: Any, fields: Iterable[str] = COMMENT_FIELDS) -> int:
    kind = kind_of_row(row, fields)
    return getattr(row, f"{kind.field}_id") if kind.field else row.dossier_id


def body_of_row(row: Any) -> tuple[TargetKind, int]:
    """The kind and pk of the body an annotation (or its row of values) is anchored in."""
    kind = kind_of_row(row, ANNOTATION_FIELDS)
    return kind, target_pk_of_row(row, ANNOTATION_FIELDS)


def _kind_with_field(field: str) -> TargetKind:
    return next(kind for kind in KINDS if kind.field == field)


def _sentence_title(target: models.Model) -> str:
    """Its title, or the passage of an annotation (without the quotes of its `str`)."""
    return getattr(target, "title", None) or getattr(target, "exact", None) or str(target)


def target_place(target: models.Model, dossier: models.Model) -> str:
    """Where a message was written, in a sentence: "the dossier “…”", or a part of it
    "the question “…” in “…”". `dossier` is the target's, passed loaded."""
    named = kind_of(target).name(target)
    if kind_of(target) is DOSSIER:
        return named
    return gettext("%(part)s in “%(dossier)s”") % {"part": named, "dossier": dossier.title}


def target_dossier(target: models.Model) -> models.Model:
    """The dossier a target belongs to (itself for a dossier)."""
    return target if kind_of(target) is DOSSIER else target.dossier


def target_fields(target: models.Model, fields: Iterable[str] = COMMENT_FIELDS) -> dict[str, Any]:
    """The field values that place a comment (or an annotation) on `target`."""
    values: dict[str, Any] = {"dossier": target_dossier(target)}
    values.update(dict.fromkeys(fields))
    kind = kind_of(target)
    if kind.field:
        values[kind.field] = target
    return values


def target_filter(target: models.Model, fields: Iterable[str] = COMMENT_FIELDS) -> Q:
    """The condition selecting the comments (or annotations) placed on `target`."""
    condition = Q()
    for name, value in target_fields(target, fields).items():
        condition &= Q(**{f"{name}__isnull": True}) if value is None else Q(**{name: value})
    return condition


def at_most_one_target(fields: Iterable[str]) -> Q:
    """The check constraint of a row that names at most one of `fields`."""
    names = list(fields)
    alternatives = [
        Q(**{f"{other}__isnull": True for other in names if other != name})
        for name in reversed(names)
    ]
    condition = alternatives[0]
    for alternative in alternatives[1:]:
        condition |= alternative
    return condition


def target_foreign_key(label: str, related_name: str, verbose_name: Promise) -> models.ForeignKey:
    """A nullable foreign key to a target: how comments and annotations name one."""
    return models.ForeignKey(
        label,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )
