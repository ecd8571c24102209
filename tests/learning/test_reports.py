"""Writing, editing and withdrawing field reports; bad input gets a French form error and
stores nothing; nothing is lost."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from discussions.models import Follow
from learning.models import FieldReport, FollowUp
from tests.discussions.factories import CommentFactory
from tests.factories import (
    CaseStudyFactory,
    DossierFactory,
    FieldReportFactory,
    RecommendationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "Une grille de revue des partenariats",
    "country": "Sénégal",
    "partner": "Fédération des paysans",
    "year_start": "2021",
    "year_end": "2023",
    "body": "Nous avons revu **chaque** partenariat à mi-parcours.",
    "outcome": "partial",
    "lessons": "Prévoir du temps.",
}


@pytest.fixture
def recommendation(dossier):
    return RecommendationFactory(dossier=dossier)


def _post(client, recommendation, **changes):
    data = {**GOOD, **changes}
    return client.post(reverse("learning:report-create", args=[recommendation.pk]), data)


def test_a_member_shares_a_report_and_follows_the_dossier(
    alice, alice_client, recommendation
) -> None:
    region = RegionFactory(slug="afrique", name="Afrique subsaharienne")
    response = _post(alice_client, recommendation, region=region.pk)
    report = FieldReport.objects.get()
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    assert (report.author, report.dossier, report.region) == (alice, recommendation.dossier, region)
    assert "<strong>chaque</strong>" in report.body_html
    assert Follow.objects.filter(user=alice, dossier=recommendation.dossier).exists()
    assert FollowUp.objects.get(recommendation=recommendation).activity_at == report.created_at
    page = alice_client.get(reverse("learning:recommendation", args=[recommendation.pk]))
    assert report.title in page.content.decode()


def test_a_first_report_starts_from_the_region_of_ones_profile(
    alice, alice_client, recommendation
) -> None:
    region = RegionFactory(slug="afrique", name="Afrique subsaharienne")
    alice.regions.add(region)
    url = reverse("learning:report-create", args=[recommendation.pk])
    assert alice_client.get(url).context["form"].initial == {"region": region.pk}


def test_the_next_report_starts_from_the_last_ones_region(
    alice, alice_client, recommendation
) -> None:
    region = RegionFactory(slug="asie", name="Asie")
    FieldReportFactory(author=alice, region=region, country="Inde")
    form = alice_client.get(reverse("learning:report-create", args=[recommendation.pk])).context[
        "form"
    ]
    assert form.initial == {"region": region.pk, "country": "Inde"}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"body": "   "}, "body", "Décrivez ce qui a été fait"),
        ({"outcome": "magnifique"}, "outcome", "Choisissez l’un des résultats proposés."),
        ({"year_start": "1949"}, "year_start", "Saisissez une année entre 1950 et"),
        ({"year_start": str(timezone.now().year + 2)}, "year_start", "Saisissez une année entre"),
        ({"year_start": "2020", "year_end": "2019"}, "year_end", "La période ne peut pas finir"),
        ({"body": "x" * 50_000}, "body", "Ce texte est trop long"),
        ({"lessons": "é" * 25_000}, "lessons", "Ce texte est trop long"),
        ({"title": ""}, "title", "Donnez un titre court"),
    ],
)
def test_bad_input_gets_a_french_error_and_stores_nothing(
    alice_client, recommendation, changes, field, message
) -> None:
    response = _post(alice_client, recommendation, **changes)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not FieldReport.objects.exists()


def test_a_link_to_an_unreadable_dossier_or_case_study_is_refused(
    alice_client, recommendation, draft
) -> None:
    secret_case = CaseStudyFactory(dossier=draft)
    for field, value in (("related_dossier", draft.pk), ("case_study", secret_case.pk)):
        response = _post(alice_client, recommendation, **{field: value})
        assert response.status_code == 400
        assert "n’existe pas ou vous ne pouvez pas" in " ".join(
            response.context["form"].errors[field]
        )
    assert not FieldReport.objects.exists()
    readable = CaseStudyFactory(dossier=DossierFactory())
    assert _post(alice_client, recommendation, case_study=readable.pk).status_code == 302


def test_an_edit_keeps_the_previous_version_in_history(alice, alice_client, recommendation) -> None:
    report = FieldReportFactory(
        recommendation=recommendation, author=alice, body="Première version"
    )
    data = {**GOOD, "body": "Deuxième version"}
    response = alice_client.post(reverse("learning:report-edit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.body == "Deuxième version" and report.edited_at is not None
    assert "Première version" in set(report.history.values_list("body", flat=True))


def test_a_withdrawn_report_with_replies_stays_as_a_tombstone(
    alice, alice_client, bob_client, recommendation
) -> None:
    report = FieldReportFactory(recommendation=recommendation, author=alice)
    reply = CommentFactory(dossier=report.dossier, field_report=report, body="Merci, très utile.")
    alice_client.post(reverse("learning:report-withdraw", args=[report.pk]))
    report.refresh_from_db()
    assert report.state == FieldReport.State.WITHDRAWN
    listing = bob_client.get(reverse("learning:recommendation", args=[recommendation.pk]))
    html = listing.content.decode()
    assert report.title not in html and report.get_absolute_url() in html
    page = bob_client.get(report.get_absolute_url()).content.decode()
    assert "Merci, très utile." in page and report.body not in page
    assert reply.pk and FieldReport.objects.filter(pk=report.pk).exists()


def test_a_reports_card_shows_its_text_once_escaped(alice_client, recommendation) -> None:
    FieldReportFactory(recommendation=recommendation, body='Le « contrat » & les "indicateurs"')
    html = alice_client.get(reverse("learning:recommendation", args=[recommendation.pk]))
    assert "Le « contrat » &amp; les &quot;indicateurs&quot;" in html.content.decode()


def test_a_withdrawn_report_without_replies_leaves_the_lists(
    alice, alice_client, recommendation
) -> None:
    report = FieldReportFactory(recommendation=recommendation, author=alice)
    alice_client.post(reverse("learning:report-withdraw", args=[report.pk]))
    html = alice_client.get(reverse("learning:recommendation", args=[recommendation.pk])).content
    assert report.get_absolute_url().encode() not in html


def test_a_partner_not_to_be_named_is_shown_to_its_author_only(
    alice, alice_client, bob_client, recommendation
) -> None:
    report = FieldReportFactory(
        recommendation=recommendation,
        author=alice,
        partner="Collectif Nord",
        partner_confidential=True,
    )
    assert "Collectif Nord" in alice_client.get(report.get_absolute_url()).content.decode()
    assert "Collectif Nord" not in bob_client.get(report.get_absolute_url()).content.decode()


def test_replying_to_a_report_lands_in_its_discussion(alice, bob_client, recommendation) -> None:
    report = FieldReportFactory(recommendation=recommendation, author=alice)
    response = bob_client.post(
        reverse("discussions:comment-create"),
        {"kind": "retour", "pk": report.pk, "body": "Avez-vous associé les élus ?"},
    )
    assert response.status_code == 302
    assert response.url.startswith(report.get_absolute_url())
    assert (
        "Avez-vous associé les élus ?" in bob_client.get(report.get_absolute_url()).content.decode()
    )
    dossier_page = bob_client.get(recommendation.dossier.get_absolute_url()).content.decode()
    assert "Avez-vous associé les élus ?" not in dossier_page


def test_of_two_edits_from_one_version_the_second_is_refused_and_kept(
    alice, alice_client, recommendation
) -> None:
    report = FieldReportFactory(recommendation=recommendation, author=alice, body="Version 1")
    url = reverse("learning:report-edit", args=[report.pk])
    version = alice_client.get(url).context["form"].initial["version"]
    first = alice_client.post(url, {**GOOD, "body": "Depuis l’onglet A", "version": version})
    assert first.status_code == 302
    second = alice_client.post(url, {**GOOD, "body": "Depuis l’onglet B", "version": version})
    assert second.status_code == 409
    html = second.content.decode()
    assert "modifié ailleurs" in html and "Depuis l’onglet A" in html  # what it says now
    assert second.context["form"]["body"].value() == "Depuis l’onglet B"  # what was typed
    report.refresh_from_db()
    assert report.body == "Depuis l’onglet A"
    again = alice_client.post(url, second.context["form"].data)
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.body == "Depuis l’onglet B" and report.version == version + 2
