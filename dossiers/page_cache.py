"""What the reading pages show the same to every reader, rendered once and kept in the cache.

A dossier's header, table of contents and the text of its parts, and a dossier's card in
the lists, are the same for everyone who may open them; rendering them was most of a
page's time (docs/bench.md, "bench/bench_http.py"). Their key is a digest of the rows they
show, as the page has just read them, with the language and the fragment templates'
source: an edit, however it is saved (admin, load_demo, a shell), changes the key, so there
is no invalidation to forget; the old entry is never read again and expires.

Who may see a fragment is decided before it is looked up: the page's gate (a draft answers
404 to a member) and the list's `visible_to` run on every request, and a key names rows,
never a user, so an entry holds nothing a reader of those rows may not see. Per-user parts
(discussions, the follow button, the annotation panel, the header's counter) are never
cached here.

What the digest cannot see is only what another row holds: a theme, region or tag renamed,
an author's display name. For those an entry lives FRAGMENT_TIMEOUT at most. A dossier's
own choice of themes, regions, tags and authors is saved with the dossier (its form saves
it, `updated_at` changes).

The parts' rows themselves, which every dossier page reads to find its fragments and its
discussions, are kept under the page memo's generation instead (`page_parts`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache as memoize
from typing import TYPE_CHECKING, Any

import django
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from ccfd_community.page_memo import remembered_for_pages
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region, Theme

if TYPE_CHECKING:
    from dossiers.forms import DossierFilterForm

# Bounds how long a renamed theme, region, tag or author shows its old name (see above).
FRAGMENT_TIMEOUT = 10 * 60

PART_TEMPLATES: dict[type[models.Model], str] = {
    CaseStudy: "dossiers/_case_study_text.html",
    Recommendation: "dossiers/_recommendation_text.html",
    Question: "dossiers/_question_text.html",
}
PAGE_TEMPLATES = ("dossiers/_detail_head.html", "dossiers/_detail_contents.html")
CARD_TEMPLATE = "dossiers/_dossier_card.html"


def templates_digest(names: tuple[str, ...]) -> str:
    """The fragment templates' source, so a deploy that changes one never serves the HTML
    the previous one cached (Redis outlives the processes). Read once per process, except
    in development, where a template is edited while the server runs."""
    return _source_digest(names) if settings.DEBUG else _deployed_source_digest(names)


def _source_digest(names: tuple[str, ...]) -> str:
    sources = (get_template(name).template.source for name in names)
    return hashlib.sha1("\0".join(sources).encode(), usedforsecurity=False).hexdigest()[:12]


_deployed_source_digest = memoize(_source_digest)


def rows_digest(rows: Iterable[models.Model]) -> str:
    """A digest of the concrete columns of `rows`, as loaded (deferred ones are not read:
    a list defers the bodies its cards do not show)."""
    digest = hashlib.sha1(usedforsecurity=False)
    for row in rows:
        deferred = row.get_deferred_fields()
        values = (
            str(getattr(row, field.attname))
            for field in row._meta.concrete_fields
            if field.attname not in deferred
        )
        digest.update(f"{row._meta.label}\0{chr(0).join(values)}\1".encode())
    return digest.hexdigest()


def fragment_key(kind: str, rows_part: str, templates: tuple[str, ...]) -> str:
    language = translation.get_language() or ""
    return f"page:{kind}:{language}:{templates_digest(templates)}:{rows_part}"


# --- The dossier page -----------------------------------------------------------------------


def dossier_page_parts(dossier: Dossier, parts: PageParts) -> dict[str, SafeString]:
    """The dossier page's shared HTML in one cache read: "head" (title and facts) and
    "contents" (the table of contents) are returned; each part's title and text is set
    on the part as `shared_html`.

    `dossier` comes from the page's gate, its parts from `page_parts`; its authors,
    regions, themes and tags are read only on a miss.
    """
    rows_part = rows_digest([dossier, *parts]) + links_digest(parts.recommendations)
    key = fragment_key(f"dossier-{dossier.pk}", rows_part, (*PAGE_TEMPLATES, *_part_templates()))
    html = cache.get(key)
    if html is None:
        html = _render_dossier_page(dossier, parts)
        cache.set(key, html, FRAGMENT_TIMEOUT)
    for part in parts:
        part.shared_html = mark_safe(html[part_html_key(part)])  # noqa: S308 our templates
    return {"head": mark_safe(html["head"]), "contents": mark_safe(html["contents"])}  # noqa: S308


def links_digest(recommendations: Sequence[Recommendation]) -> str:
    """Which case studies each recommendation draws on (an m2m between two parts, which
    the parts' own columns do not show)."""
    links = [
        (part.pk, sorted(case.pk for case in part.case_studies.all())) for part in recommendations
    ]
    return hashlib.sha1(repr(links).encode(), usedforsecurity=False).hexdigest()[:12]


def part_html_key(part: models.Model) -> str:
    return f"{part._meta.model_name}-{part.pk}"


def _part_templates() -> tuple[str, ...]:
    return tuple(PART_TEMPLATES.values())


def _render_dossier_page(dossier: Dossier, parts: PageParts) -> dict[str, str]:
    prefetch_related_objects([dossier], "authors", "regions", "themes", "tags")
    context: dict[str, Any] = {"dossier": dossier, "parts": parts}
    html = {
        "head": render_to_string("dossiers/_detail_head.html", context),
        "contents": render_to_string("dossiers/_detail_contents.html", context),
    }
    for part in parts:
        template = PART_TEMPLATES[type(part)]
        html[part_html_key(part)] = render_to_string(template, {"part": part})
    return html


@dataclass(frozen=True)
class PageParts:
    """A dossier's parts in page order: its case studies, its recommendations (each with
    the case studies it draws on: `recommendation.case_studies.all()`) and its questions.
    Iterated, all of them in that order (the page's discussions)."""

    case_studies: list[CaseStudy]
    recommendations: list[Recommendation]
    questions: list[Question]

    def __iter__(self) -> Iterator[models.Model]:
        return iter([*self.case_studies, *self.recommendations, *self.questions])


def page_parts(dossier: Dossier) -> PageParts:
    """The parts the dossier page shows, as the page memo last kept them while nothing was
    written outside a scope (`page_memo.remembered_for_pages`: an edit of a part or of its
    links is such a write, a message or a note is not), else in four queries."""
    name = f"dossier-parts:{_parts_shape()}:{dossier.pk}"
    parts = remembered_for_pages(name, lambda: _read_parts(dossier))
    for part in parts:
        part.dossier = dossier  # the gate's: kept apart, and asked by the discussions
    return parts


@memoize
def _parts_shape() -> str:
    """The parts' columns and Django's version: rows kept by a deploy with other models (or
    pickled by another Django) are never read back."""
    names = [field.attname for model in PART_TEMPLATES for field in model._meta.concrete_fields]
    shape = " ".join([django.get_version(), *names])
    return hashlib.sha1(shape.encode(), usedforsecurity=False).hexdigest()[:8]


def _read_parts(dossier: Dossier) -> PageParts:
    # The page shows a part's HTML, not its source or plain text.
    texts = ("body", "body_text")
    drawn_on = Prefetch("case_studies", queryset=CaseStudy.objects.only("pk", "title", "dossier"))
    return PageParts(
        list(CaseStudy.objects.filter(dossier=dossier).defer(*texts)),
        list(
            Recommendation.objects.filter(dossier=dossier).defer(*texts).prefetch_related(drawn_on)
        ),
        list(Question.objects.filter(dossier=dossier)),
    )


# --- Dossier cards (home page, dossier list) ---------------------------------------------------


def dossier_cards(dossiers: Sequence[Dossier]) -> list[SafeString]:
    """Each dossier's card, in one cache read; the misses are rendered with their regions
    and themes read in two queries, whatever their number."""
    dossiers = list(dossiers)
    keys = [
        fragment_key(f"card-{dossier.pk}", rows_digest([dossier]), (CARD_TEMPLATE,))
        for dossier in dossiers
    ]
    found = cache.get_many(keys)
    missing = [dossier for dossier, key in zip(dossiers, keys, strict=True) if key not in found]
    if missing:
        prefetch_related_objects(missing, "regions", "themes")
        rendered = {
            key: render_to_string(CARD_TEMPLATE, {"dossier": dossier})
            for dossier, key in zip(dossiers, keys, strict=True)
            if key not in found
        }
        cache.set_many(rendered, FRAGMENT_TIMEOUT)
        found.update(rendered)
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 rendered by our template


# --- The dossier list's filters ------------------------------------------------------------

FILTER_TEMPLATE = "dossiers/_filter_fields.html"


def filter_fields_html(form: DossierFilterForm) -> SafeString:
    """The filters' fields. Unfilled (the list as first opened), they are the same for
    everyone and cached under a digest of their choices (regions, themes, the keywords in
    use: three small queries); filled in, they show what was typed and are rendered."""
    if form.is_bound:
        return mark_safe(render_to_string(FILTER_TEMPLATE, {"form": form}))  # noqa: S308
    # The keywords are the reader's (a member's, of published dossiers only).
    choices = [*Region.objects.all(), *Theme.objects.all(), *form.fields["tag"].queryset]
    key = fragment_key("filters", rows_digest(choices), (FILTER_TEMPLATE,))
    html = cache.get(key)
    if html is None:
        html = render_to_string(FILTER_TEMPLATE, {"form": form})
        cache.set(key, html, FRAGMENT_TIMEOUT)
    return mark_safe(html)  # noqa: S308 rendered by our template
