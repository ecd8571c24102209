from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import CaseStudyFactory, DossierFactory, RegionFactory, ThemeFactory
from tests.queries import counted_get

pytestmark = pytest.mark.django_db


def test_the_dossier_page_shows_the_dossier_and_its_parts(alice_client, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier, title="Une fédération paysanne")
    response = alice_client.get(dossier.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert dossier.title in html
    assert f'id="etude-{case.pk}"' in html
    assert 'href="#contexte"' in html  # table of contents


def test_a_member_gets_404_for_a_draft(alice_client, draft) -> None:
    assert alice_client.get(draft.get_absolute_url()).status_code == 404
    assert draft.title not in alice_client.get(reverse("dossiers:list")).content.decode()


def test_a_curator_previews_a_draft_marked_as_such(carol_client, draft) -> None:
    response = carol_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Brouillon" in response.content.decode()


def test_a_member_gets_no_admin(alice_client) -> None:
    response = alice_client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/" not in response["Location"] or "login" in response["Location"]
    assert alice_client.get("/admin/dossiers/dossier/").status_code in (302, 403)


def test_a_curator_curates_in_the_admin(carol_client, dossier) -> None:
    assert carol_client.get("/admin/dossiers/dossier/").status_code == 200
    assert carol_client.get(f"/admin/dossiers/dossier/{dossier.pk}/change/").status_code == 200


def test_the_dossier_page_query_count_does_not_grow_with_case_studies(alice_client) -> None:
    dossier = DossierFactory()
    CaseStudyFactory(dossier=dossier)
    _, one = counted_get(alice_client, dossier.get_absolute_url())
    for _ in range(19):
        CaseStudyFactory(dossier=dossier)
    _, twenty = counted_get(alice_client, dossier.get_absolute_url())
    assert twenty == one


def test_the_list_query_count_does_not_grow_with_dossiers(alice_client) -> None:
    region = RegionFactory()
    DossierFactory().regions.add(region)
    _, one = counted_get(alice_client, reverse("dossiers:list"))
    for _ in range(29):
        DossierFactory().regions.add(region)
    # Thirty dossiers fill more than one page: the page and its count are one query each
    # whatever their number.
    _, thirty = counted_get(alice_client, reverse("dossiers:list"))
    assert thirty == one


def test_the_list_filters_by_region_theme_tag_and_period(alice_client) -> None:
    region, theme = RegionFactory(slug="meso-amerique"), ThemeFactory(slug="territoire")
    match = DossierFactory(title="Le territoire", period_start=2008, period_end=2014)
    match.regions.add(region)
    match.themes.add(theme)
    match.tags.add("passeur d’idées")
    other = DossierFactory(title="Autre chose", period_start=1990, period_end=1995)
    tag = match.tags.get().slug
    response = alice_client.get(
        reverse("dossiers:list"),
        {"region": region.slug, "theme": theme.slug, "tag": tag, "period": "2010"},
    )
    html = response.content.decode()
    assert match.title in html and other.title not in html


def test_keywords_of_drafts_are_offered_to_curators_only(alice_client, carol_client) -> None:
    DossierFactory(slug="publie").tags.add("semences paysannes")
    DossierFactory(slug="brouillon", status="draft").tags.add("fermeture du bureau")
    for client, sees_the_draft in ((alice_client, False), (carol_client, True)):
        html = client.get(reverse("dossiers:list")).content.decode()
        assert "semences paysannes" in html
        assert ("fermeture du bureau" in html) is sees_the_draft


@pytest.mark.parametrize(
    "query",
    [
        {"region": "zzz", "period": "abc", "page": "99999"},
        {"period": "2010-2000"},
        {"page": "-1"},
        {"page": "abc"},
        {"sort": "'; drop table"},
        {"theme": "\x00"},
    ],
)
def test_bad_filter_values_give_a_normal_page(alice_client, dossier, query) -> None:
    response = alice_client.get(reverse("dossiers:list"), query)
    assert response.status_code == 200


def test_a_bad_period_is_explained_in_french(alice_client, dossier) -> None:
    html = alice_client.get(reverse("dossiers:list"), {"period": "abc"}).content.decode()
    assert "Saisissez une année" in html


def test_an_unknown_dossier_is_404(alice_client) -> None:
    response = alice_client.get("/dossiers/nexiste-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_pages_carry_a_strict_content_security_policy(alice_client, dossier) -> None:
    response = alice_client.get(dossier.get_absolute_url())
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"


def test_the_original_pdf_is_behind_the_gate(alice_client, draft) -> None:
    assert alice_client.get(reverse("dossiers:original", args=[draft.slug])).status_code == 404


def test_healthz_answers_without_login() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json()["database"] == "ok"


def test_the_profile_saves_preferences(alice) -> None:
    client = client_for(alice)
    response = client.post(
        reverse("accounts:profile"),
        {"display_name": "  Alice   M. ", "job_title": "Chargée de mission", "email_replies": "on"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Alice M."
    assert alice.email_replies and not alice.email_digest


def test_the_interface_is_french_even_for_an_english_browser(alice_client) -> None:
    html = alice_client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Derniers dossiers" in html or "Communauté d’apprentissage" in html
    assert "Latest dossiers" not in html


def test_a_member_may_switch_to_english(alice_client) -> None:
    alice_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Latest dossiers" in alice_client.get("/").content.decode()


def test_a_curator_picks_and_creates_keywords_in_the_admin(carol_client, dossier) -> None:
    dossier.tags.add("plaidoyer")
    existing = dossier.tags.get()
    change_url = f"/admin/dossiers/dossier/{dossier.pk}/change/"
    page = carol_client.get(change_url)
    form = page.context["adminform"].form
    data = {
        k: v
        for k, v in form.initial.items()
        if v is not None and k not in ("tags", "authors", "regions", "themes")
    }
    data.update(
        {
            "tags": [existing.pk],
            "new_tags": "réciprocité, filières agricoles",
            "published_on": "2012-03-15",
            "original_file": "",
        }
    )
    for prefix in ("case_studies", "recommendations", "questions"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = carol_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(dossier.tags.names()) == ["filières agricoles", "plaidoyer", "réciprocité"]
    autocomplete = carol_client.get(
        "/admin/autocomplete/",
        {"term": "plai", "app_label": "dossiers", "model_name": "dossier", "field_name": "tags"},
    )
    assert autocomplete.status_code == 200
    assert "plaidoyer" in autocomplete.content.decode()
