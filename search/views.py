from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from dossiers.forms import DossierFilterForm
from dossiers.models import Dossier
from search.forms import QUERY_MAX_LENGTH, QueryField, SearchForm
from search.parsing import parse_query
from search.query import FacetValue, search

# The dossier list's filters that also narrow a search.
DOSSIER_FILTERS = ("region", "theme", "tag", "period")
FACET_TITLES = [
    ("kind", _("Kind")),
    ("region", _("Region")),
    ("theme", _("Theme")),
    ("tag", _("Keyword")),
    ("period", _("Period")),
]


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    """The search page: what the user may read that matches `q`, ranked, with facets."""
    form = SearchForm(request.GET)
    filters = DossierFilterForm(
        {key: request.GET.get(key, "") for key in DOSSIER_FILTERS}, user=request.user
    )
    form.is_valid()
    filters.is_valid()  # an unknown value is reported and ignored, as on the dossier list
    parsed = parse_query(form.cleaned_data.get("q", ""))
    found = None
    facet_groups: list[tuple[str, list[FacetValue]]] = []
    if parsed.has_words:
        dossiers = None
        if any(filters.cleaned_data.get(key) for key in DOSSIER_FILTERS):
            dossiers = filters.filter(Dossier.objects.all())
        found = search(
            request.user,
            parsed,
            kind=form.cleaned_data.get("kind") or None,
            dossiers=dossiers,
            page_number=request.GET.get("page"),
        )
        for name, values in found.facets.items():
            _link_facet(request.GET, name, values)
        facet_groups = [
            (title, found.facets[name]) for name, title in FACET_TITLES if found.facets[name]
        ]
    query = request.GET.copy()
    query.pop("page", None)
    kept = _kept_filters(request.GET, form, filters)
    shown = QueryField().to_python(request.GET.get("q", ""))[:QUERY_MAX_LENGTH]
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "filters": filters,
            "shown": shown,
            "parsed": parsed,
            "found": found,
            "page": found.page if found else None,
            "query": query.urlencode(),
            "active": _active_filters(request.GET, form, filters),
            "kept": kept,
            "facet_groups": facet_groups,
            "dossier_query": urlencode([kv for kv in kept if kv[0] != "kind"]),
        },
    )


def _link_facet(params: QueryDict, name: str, values: list[FacetValue]) -> None:
    """Give each facet value the URL that selects it (or, when selected, removes it)."""
    current = params.get(name)
    for value in values:
        query = params.copy()
        query.pop("page", None)
        value.active = value.value == current
        if value.active:
            query.pop(name, None)
        else:
            query[name] = value.value
        value.url = f"?{query.urlencode()}"


def _active_filters(
    params: QueryDict, form: SearchForm, filters: DossierFilterForm
) -> list[tuple[str, str]]:
    """The valid filters in force, as (label, URL that removes it)."""
    active = []
    for name, bound_form in [("kind", form), *((key, filters) for key in DOSSIER_FILTERS)]:
        value = bound_form.cleaned_data.get(name) if hasattr(bound_form, "cleaned_data") else None
        if not value:
            continue
        query = params.copy()
        query.pop(name, None)
        query.pop("page", None)
        if name == "kind":
            label = dict(form.fields["kind"].choices)[value]
        elif name == "period":
            label = params.get("period", "")
        else:
            label = str(value)
        active.append((str(label), f"?{query.urlencode()}"))
    return active


def _kept_filters(
    params: QueryDict, form: SearchForm, filters: DossierFilterForm
) -> list[tuple[str, str]]:
    """The valid filters as (name, value): a new query keeps them."""
    kept = []
    if form.cleaned_data.get("kind"):
        kept.append(("kind", form.cleaned_data["kind"]))
    for name in DOSSIER_FILTERS:
        if filters.cleaned_data.get(name):
            kept.append((name, params.get(name, "")))
    return kept
