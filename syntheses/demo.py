"""The demo synthesis for `manage.py load_demo`: the discussion of a recommendation, citing
two of its messages and a field report. Written through the service (its citations and the
notifications of those cited included); left alone once there, so loading again changes
nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.test.utils import override_settings

from discussions.models import Comment
from dossiers.models import Recommendation
from learning.models import FieldReport
from syntheses.citations import source_for
from syntheses.models import Synthesis
from syntheses.services import synthesis_save

if TYPE_CHECKING:
    from accounts.models import User

DOSSIER = "strategie-partenariat-societes-civiles-africaines"
RECOMMENDATION = 3
WRITER = "curator@example.org"
# (author, the first words of the message) of the messages cited, then the field report's.
MESSAGES = [
    ("member@example.org", "Alléger les portefeuilles"),
    ("thomas.petit@example.org", "En Asie nous avons tenté"),
]
REPORT = ("member@example.org", "Nous sommes passés de quatorze")
TEXT = (
    "La discussion s’accorde sur l’objectif — moins de partenaires, mieux accompagnés — mais "
    "pas encore sur la règle de sortie. Sans critères partagés, on garde les partenaires "
    "historiques par habitude {first}.\n\n"
    "Deux pistes se dégagent :\n\n"
    "- une **revue à mi-parcours** de chaque partenariat, avec une grille courte déjà essayée "
    "en Asie {second} ;\n"
    "- un **calendrier annoncé deux ans à l’avance**, avec un diagnostic organisationnel "
    "financé pour les partenaires qui sortent du portefeuille, comme l’a fait une équipe "
    "passée de quatorze à neuf partenaires {report}.\n\n"
    "Reste ouvert : mesurer ce que deviennent les organisations sorties."
)


def demo_syntheses_load(users: dict[str, User]) -> int:
    """Write the demo synthesis if its discussion and sources are there and it is not;
    returns how many were written."""
    recommendation = Recommendation.objects.filter(
        dossier__slug=DOSSIER, order=RECOMMENDATION
    ).first()
    if recommendation is None or Synthesis.objects.filter(recommendation=recommendation).exists():
        return 0
    comments = [
        Comment.objects.filter(
            recommendation=recommendation, author=users[email], body__startswith=start
        ).first()
        for email, start in MESSAGES
    ]
    email, start = REPORT
    report = FieldReport.objects.filter(
        recommendation=recommendation, author=users[email], body__startswith=start
    ).first()
    if report is None or None in comments:
        return 0
    message = source_for("discussions.Comment")
    body = TEXT.format(
        first=message.ref(comments[0].pk),
        second=message.ref(comments[1].pk),
        report=source_for("learning.FieldReport").ref(report.pk),
    )
    # The demo's notifications are real; their emails would only clutter the console.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        transaction.atomic(),
    ):
        synthesis_save(writer=users[WRITER], target=recommendation, body=body)
    return 1
