"""The overview, its CSV, a recommendation's page and the theme and region pages: content,
filters, bad input, and query counts that do not grow with what they show."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussions.models import Follow
from learning.services import status_change
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    DossierFactory,
    FieldReportFactory,
    QuestionFactory,
    RecommendationFactory,
    RegionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client: Client, url: str) -> int:
    client.get(url)  # fills process-wide caches (content types, translations)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _csv(client: Client, query: str = "") -> list[list[str]]:
    response = client.get(reverse("learning:overview-csv") + query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def plaidoyer(db):
    return ThemeFactory(slug="plaidoyer", name="Plaidoyer")


def _dossier_with(theme, *, recommendations: int, reports: int, author) -> None:
    dossier = DossierFactory()
    dossier.themes.add(theme)
    dossier.regions.add(RegionFactory(slug="asie", name="Asie"))
    case = CaseStudyFactory(dossier=dossier)
    QuestionFactory(dossier=dossier)
    for _ in range(recommendations):
        recommendation = RecommendationFactory(dossier=dossier)
        recommendation.case_studies.add(case)
        for _ in range(reports):
            report = FieldReportFactory(recommendation=recommendation, author=author)
            CommentFactory(dossier=dossier, field_report=report)
        CommentFactory(dossier=dossier, recommendation=recommendation)
        AnnotationFactory(recommendation=recommendation, author=author)


def test_the_overview_lists_only_readable_recommendations_with_their_status(
    alice_client, carol, dossier, draft
) -> None:
    shown = RecommendationFactory(dossier=dossier, title="Alléger les portefeuilles")
    RecommendationFactory(dossier=draft, title="Une recommandation en brouillon")
    status_change(recommendation=shown, status="adopted", note="", changed_by=carol)
    FieldReportFactory(recommendation=shown, outcome="success")
    html = alice_client.get(reverse("learning:overview")).content.decode()
    assert "Alléger les portefeuilles" in html and "brouillon" not in html
    assert "status--adopted" in html
    rows = _csv(alice_client)
    assert [row[1] for row in rows[1:]] == ["Alléger les portefeuilles"]


def test_the_csv_has_french_headers_and_carries_status_note_and_reports(
    alice_client, carol, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier, title="Co-construire les indicateurs")
    status_change(
        recommendation=recommendation,
        status="adapted",
        note="Pour les petites OSC",
        changed_by=carol,
    )
    FieldReportFactory(recommendation=recommendation, outcome="partial")
    header, row = _csv(alice_client)
    assert header == [
        "Dossier",
        "Recommandation",
        "Public",
        "Statut",
        "Dernier changement de statut",
        "Note du dernier changement",
        "Responsable",
        "Retours d’expérience",
        "A réussi",
        "En partie",
        "N’a pas marché",
        "Trop tôt pour dire",
        "Adresse",
    ]
    assert row[:4] == [dossier.title, "Co-construire les indicateurs", "Tous", "Adaptée"]
    assert row[5:12] == ["Pour les petites OSC", "", "1", "0", "1", "0", "0"]
    assert row[12].endswith(reverse("learning:recommendation", args=[recommendation.pk]))


def test_filters_narrow_the_list_and_the_csv_alike(alice_client, carol, plaidoyer) -> None:
    inside = DossierFactory(title="Dans le thème")
    inside.themes.add(plaidoyer)
    kept = RecommendationFactory(dossier=inside, audience="direction")
    RecommendationFactory(dossier=inside, audience="partenaires")
    RecommendationFactory(dossier=DossierFactory(title="Ailleurs"), audience="direction")
    FieldReportFactory(recommendation=kept)
    status_change(recommendation=kept, status="discussed", note="", changed_by=carol)
    for query in ("?theme=plaidoyer&audience=direction", "?status=discussed", "?reports=on"):
        response = alice_client.get(reverse("learning:overview") + query)
        assert [row.pk for row in response.context["page"].object_list] == [kept.pk], query
        assert [row[1] for row in _csv(alice_client, query)[1:]] == [kept.title], query


def test_unknown_filters_are_reported_in_french_and_the_rest_applies(alice_client, draft) -> None:
    response = alice_client.get(
        reverse("learning:overview"), {"theme": "zzz", "period": "abc", "dossier": draft.slug}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"theme", "period", "dossier"}
    assert "Saisissez une année" in errors["period"][0]
    assert "n’existe pas ou vous ne pouvez pas" in errors["dossier"][0]


def test_sorting_by_status_follows_the_lifecycle(alice_client, carol, dossier) -> None:
    evaluated, proposed, adopted = (RecommendationFactory(dossier=dossier) for _ in range(3))
    for status in ("adopted", "implemented", "evaluated"):
        status_change(recommendation=evaluated, status=status, note="", changed_by=carol)
    status_change(recommendation=adopted, status="adopted", note="", changed_by=carol)
    response = alice_client.get(reverse("learning:overview"), {"sort": "status"})
    assert [row.pk for row in response.context["page"].object_list] == [
        proposed.pk,
        adopted.pk,
        evaluated.pk,
    ]


def test_the_overview_costs_the_same_queries_for_one_or_many(
    alice, alice_client, plaidoyer
) -> None:
    _dossier_with(plaidoyer, recommendations=1, reports=1, author=alice)
    url = reverse("learning:overview")
    one = _queries(alice_client, url)
    for _ in range(3):
        _dossier_with(plaidoyer, recommendations=4, reports=3, author=alice)
    assert _queries(alice_client, url) == one


def test_a_recommendation_page_costs_the_same_queries_for_one_or_many(
    alice, alice_client, carol, dossier
) -> None:
    recommendation = RecommendationFactory(dossier=dossier)
    recommendation.case_studies.add(CaseStudyFactory(dossier=dossier))
    status_change(recommendation=recommendation, status="discussed", note="", changed_by=carol)
    FieldReportFactory(recommendation=recommendation, author=alice)
    CommentFactory(dossier=dossier, recommendation=recommendation)
    url = reverse("learning:recommendation", args=[recommendation.pk])
    one = _queries(alice_client, url)
    for _ in range(6):
        recommendation.case_studies.add(CaseStudyFactory(dossier=dossier))
        report = FieldReportFactory(recommendation=recommendation)
        CommentFactory(dossier=dossier, field_report=report)
        CommentFactory(dossier=dossier, recommendation=recommendation)
    status_change(recommendation=recommendation, status="adopted", note="", changed_by=carol)
    status_change(recommendation=recommendation, status="implemented", note="", changed_by=carol)
    assert _queries(alice_client, url) == one


@pytest.mark.parametrize("facet", ["theme", "region"])
def test_a_topic_page_costs_the_same_queries_for_one_or_many(
    alice, alice_client, plaidoyer, facet
) -> None:
    _dossier_with(plaidoyer, recommendations=1, reports=1, author=alice)
    url = reverse(f"learning:{facet}", args=["plaidoyer" if facet == "theme" else "asie"])
    one = _queries(alice_client, url)
    for _ in range(3):
        _dossier_with(plaidoyer, recommendations=3, reports=2, author=alice)
    assert _queries(alice_client, url) == one


def test_a_theme_page_gathers_its_dossiers_parts_and_contributions(
    alice, alice_client, plaidoyer, draft
) -> None:
    dossier = DossierFactory(title="Plaidoyer en zone de conflit")
    dossier.themes.add(plaidoyer)
    draft.themes.add(plaidoyer)
    recommendation = RecommendationFactory(dossier=dossier, title="Décider du registre")
    hidden_draft_rec = RecommendationFactory(dossier=draft, title="Brouillon secret")
    report = FieldReportFactory(recommendation=recommendation, title="Essai à Goma")
    FieldReportFactory(recommendation=hidden_draft_rec, title="Retour sur un brouillon")
    CommentFactory(dossier=dossier, body="Quel registre choisir ?")
    question = QuestionFactory(dossier=dossier, title="Quel plaidoyer quand l’État est partie ?")
    html = alice_client.get(reverse("learning:theme", args=["plaidoyer"])).content.decode()
    for text in (dossier.title, recommendation.title, report.title, "Quel registre choisir ?"):
        assert text in html
    assert question.title.replace("’", "&#x27;") in html or question.title in html
    assert "Brouillon secret" not in html and "Retour sur un brouillon" not in html
    assert "@example.org" not in html


def test_theme_and_region_names_link_to_their_pages(alice_client, plaidoyer, dossier) -> None:
    region = RegionFactory(slug="asie", name="Asie")
    dossier.themes.add(plaidoyer)
    dossier.regions.add(region)
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert reverse("learning:theme", args=["plaidoyer"]) in html
    assert reverse("learning:region", args=["asie"]) in html
    home = alice_client.get(reverse("dossiers:home")).content.decode()
    assert reverse("learning:region", args=["asie"]) in home


def test_following_a_theme_works_without_javascript_and_with_htmx(
    alice, alice_client, plaidoyer
) -> None:
    url = reverse("learning:theme-follow", args=["plaidoyer"])
    response = alice_client.post(url, {"action": "follow"})
    assert response.status_code == 302 and response.url == reverse(
        "learning:theme", args=["plaidoyer"]
    )
    assert Follow.objects.filter(user=alice, theme=plaidoyer).count() == 1
    alice_client.post(url, {"action": "follow"})
    assert Follow.objects.filter(user=alice, theme=plaidoyer).count() == 1
    response = alice_client.post(url, {"action": "unfollow"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'value="follow"' in response.content.decode()
    assert not Follow.objects.filter(user=alice).exists()


def test_an_unknown_theme_or_region_is_404(alice_client) -> None:
    assert alice_client.get(reverse("learning:theme", args=["zzz"])).status_code == 404
    assert alice_client.post(reverse("learning:region-follow", args=["zzz"])).status_code == 404


def test_the_home_page_shows_news_of_a_followed_region(alice, bob_client, bob, dossier) -> None:
    from discussions.services import comment_create, follow_create

    region = RegionFactory(slug="asie", name="Asie")
    dossier.regions.add(region)
    follow_create(user=bob, region=region)
    comment_create(author=alice, target=dossier, body="Des nouvelles d’Asie du Sud-Est.")
    response = bob_client.get(reverse("dossiers:home"))
    assert [comment.body for comment in response.context["activity"]["news"]] == [
        "Des nouvelles d’Asie du Sud-Est."
    ]
