"""Demo follow-up and field reports for `manage.py load_demo`, so that a fresh demo shows the
learning loop: some recommendations have a history, colleagues have reported applying a few.

Written through the services (follows and notifications included), dated back. Loading again
changes nothing: a recommendation that already has a history, or a report by the same author
with the same title, is left alone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from discussions.models import Notification
from dossiers.models import CaseStudy, Recommendation, Region
from learning.models import FieldReport, FollowUp, StatusChange
from learning.services import report_create, status_change

if TYPE_CHECKING:
    from accounts.models import User

CURATOR = "curator@example.org"

# (dossier slug, recommendation order, [(status, note, days ago)], responsible)
HISTORIES: list[tuple[str, int, list[tuple[str, str, int]], str]] = [
    (
        "partenariats-en-zones-de-conflit",
        3,
        [
            ("discussed", "Présentée au comité des programmes de janvier.", 120),
            (
                "adopted",
                "Retenue pour tous les programmes en zone de conflit à partir de cette année.",
                75,
            ),
        ],
        "Direction des partenariats internationaux",
    ),
    (
        "strategie-partenariat-societes-civiles-africaines",
        3,
        [
            ("discussed", "", 200),
            (
                "adapted",
                "Adoptée pour l’Afrique de l’Ouest seulement : les portefeuilles d’Afrique "
                "centrale sont déjà réduits.",
                150,
            ),
            ("implemented", "Nouveaux plafonds appliqués aux conventions 2025.", 40),
        ],
        "Pôle Afrique",
    ),
    (
        "appui-economie-sociale-et-solidaire",
        1,
        [
            ("discussed", "Débattue à la journée ESS des chargés de mission.", 90),
            (
                "rejected",
                "Une grille unique a paru trop rigide ; chaque équipe garde ses critères, "
                "revus chaque année.",
                60,
            ),
        ],
        "",
    ),
    (
        "initiatives-terrain",
        2,
        [("discussed", "Inscrite à l’ordre du jour du groupe suivi-évaluation.", 30)],
        "Groupe suivi-évaluation",
    ),
    (
        "appui-economie-sociale-et-solidaire",
        4,
        [("discussed", "Reprise par le groupe plaidoyer pour le forum mondial de l’ESS.", 70)],
        "Service plaidoyer",
    ),
    (
        "partenariats-migrations-afrique-du-sud",
        2,
        [
            (
                "discussed",
                "Mise à l’ordre du jour du comité conjoint service Afrique – programme "
                "Migrants : quelles lignes budgétaires partager, et qui décide ?",
                6,
            ),
        ],
        "Comité conjoint Afrique – Migrants",
    ),
]

# (dossier slug, recommendation order, author, days ago, fields)
REPORTS: list[tuple[str, int, str, int, dict[str, Any]]] = [
    (
        "partenariats-en-zones-de-conflit",
        3,
        "julien.bernard@example.org",
        50,
        {
            "title": "Un plaidoyer discret avec des organisations de victimes au Guatemala",
            "country": "Guatemala",
            "region": "meso-amerique",
            "partner": "",
            "partner_confidential": True,
            "year_start": 2023,
            "year_end": 2024,
            "body": "Avant la visite d’une délégation parlementaire, nous avons choisi avec le "
            "partenaire de ne rien publier et de préparer plutôt des rencontres à huis clos. "
            "Le partenaire a rédigé la note, nous avons organisé les rendez-vous.",
            "outcome": "success",
            "lessons": "Décider **ensemble** du registre a évité une exposition que le partenaire "
            "ne souhaitait pas. Prévoir un temps de bilan après chaque démarche.",
            "case_study_of": ("partenariats-en-zones-de-conflit", 2),
        },
    ),
    (
        "partenariats-en-zones-de-conflit",
        3,
        "awa.diallo@example.org",
        20,
        {
            "title": "Une campagne publique trop tôt dans le Kivu",
            "country": "République démocratique du Congo",
            "region": "afrique-subsaharienne",
            "partner": "",
            "partner_confidential": True,
            "year_start": 2022,
            "year_end": None,
            "body": "Une coalition européenne a publié un rapport citant les observateurs de "
            "notre partenaire avant que le choix du registre ait été discuté avec lui.",
            "outcome": "failed",
            "lessons": "Le choix du registre doit précéder toute publication, y compris celle "
            "d’alliés. Nous avons depuis ajouté une étape de validation dans la convention.",
            "case_study_of": ("partenariats-en-zones-de-conflit", 1),
        },
    ),
    (
        "strategie-partenariat-societes-civiles-africaines",
        3,
        "member@example.org",
        25,
        {
            "title": "Alléger le portefeuille Burkina Faso sans rompre le dialogue",
            "country": "Burkina Faso",
            "region": "afrique-subsaharienne",
            "partner": "Fédération des groupements paysans du Yatenga",
            "partner_confidential": False,
            "year_start": 2024,
            "year_end": None,
            "body": "Nous sommes passés de quatorze à neuf partenaires, en annonçant le "
            "calendrier deux ans à l’avance et en finançant un diagnostic organisationnel pour "
            "ceux qui sortaient du portefeuille.",
            "outcome": "too_early",
            "lessons": "Le temps gagné va déjà au dialogue sur la gouvernance ; il faudra "
            "mesurer ce que deviennent les organisations sorties.",
        },
    ),
    (
        "appui-economie-sociale-et-solidaire",
        4,
        "thomas.petit@example.org",
        45,
        {
            "title": "Des productrices de karité invitées au forum régional de l’ESS",
            "country": "Mali",
            "region": "afrique-subsaharienne",
            "partner": "Union des transformatrices de karité",
            "partner_confidential": False,
            "year_start": 2023,
            "year_end": 2023,
            "body": "Deux représentantes de l’union ont pris la parole au forum, préparées "
            "avec le réseau national ; leurs propositions sur les prix ont été reprises dans "
            "la déclaration finale.",
            "outcome": "partial",
            "lessons": "La préparation commune compte plus que l’invitation. La suite "
            "(le suivi de la déclaration) reste à organiser.",
            "case_study_of": ("appui-economie-sociale-et-solidaire", 2),
        },
    ),
]


def demo_learning_load(users: dict[str, User]) -> tuple[int, int]:
    """Record the demo histories and reports not yet there; returns how many of each."""
    changes = reports = 0
    # The demo's notifications are real; their emails would only clutter the console.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        transaction.atomic(),
    ):
        for slug, order, steps, responsible in HISTORIES:
            recommendation = _recommendation(slug, order)
            if (
                recommendation is None
                or StatusChange.objects.filter(recommendation=recommendation).exists()
            ):
                continue
            for status, note, days in steps:
                before = timezone.now()
                change = status_change(
                    recommendation=recommendation,
                    status=status,
                    note=note,
                    changed_by=users[CURATOR],
                    responsible=responsible,
                )
                _date_back(change, days, since=before)
                changes += 1
        for slug, order, email, days, fields in REPORTS:
            recommendation = _recommendation(slug, order)
            author = users[email]
            if (
                recommendation is None
                or FieldReport.objects.filter(author=author, title=fields["title"]).exists()
            ):
                continue
            report = report_create(
                author=author, recommendation=recommendation, fields=_report_fields(fields)
            )
            when = timezone.now() - timedelta(days=days)
            FieldReport.objects.filter(pk=report.pk).update(created_at=when)
            Notification.objects.filter(field_report=report).update(created_at=when)
            reports += 1
        _activity_from_history()
    return changes, reports


def _recommendation(slug: str, order: int) -> Recommendation | None:
    return Recommendation.objects.filter(dossier__slug=slug, order=order).first()


def _date_back(change: StatusChange, days: int, *, since: datetime) -> None:
    """The change, the follow-up and the notifications it made, dated `days` back."""
    when = timezone.now() - timedelta(days=days)
    StatusChange.objects.filter(pk=change.pk).update(changed_at=when)
    Notification.objects.filter(
        recommendation=change.recommendation_id,
        kind=Notification.Kind.STATUS,
        created_at__gte=since,
    ).update(created_at=when)
    FollowUp.objects.filter(recommendation=change.recommendation_id).update(status_changed_at=when)


def _report_fields(fields: dict[str, Any]) -> dict[str, Any]:
    values = {key: value for key, value in fields.items() if key != "case_study_of"}
    values["region"] = Region.objects.filter(slug=fields["region"]).first()
    values["case_study"] = None
    values["related_dossier"] = None
    if "case_study_of" in fields:
        slug, order = fields["case_study_of"]
        values["case_study"] = CaseStudy.objects.filter(dossier__slug=slug, order=order).first()
    return values


def _activity_from_history() -> None:
    """The follow-ups' last activity as the dated-back history and reports say."""
    for follow_up in FollowUp.objects.all():
        dates = [
            follow_up.status_changed_at,
            *FieldReport.objects.filter(recommendation=follow_up.recommendation_id).values_list(
                "created_at", flat=True
            ),
        ]
        known = [date for date in dates if date is not None]
        if known and max(known) != follow_up.activity_at:
            follow_up.activity_at = max(known)
            follow_up.save(update_fields=["activity_at"])
