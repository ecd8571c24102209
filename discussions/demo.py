"""Demo discussions for `manage.py load_demo`, so that a fresh demo looks alive.

Written through the services (mentions, follows and notifications included), each dated a
few days back. A dossier that already has comments is left alone, so loading again changes
nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from discussions.models import Comment
from discussions.services import comment_create
from dossiers.models import CaseStudy, Dossier, Question, Recommendation

if TYPE_CHECKING:
    from accounts.models import User

# (dossier slug, [(target, author email, hours ago, text, replies)]) where target is
# Dossier (its own discussion) or (a part's model, its order), and replies nest the same way
# without a target.
DISCUSSIONS: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "strategie-partenariat-societes-civiles-africaines",
        [
            (
                Dossier,
                "awa.diallo@example.org",
                96,
                "Ce dossier tombe à point : nous préparons la revue du portefeuille Afrique "
                "centrale. La typologie des postures (gestionnaire, compagnon de route, "
                "facilitateur) parle beaucoup à l’équipe.",
                [
                    (
                        "member@example.org",
                        90,
                        "Même ressenti. Je me reconnais surtout dans le « compagnon de route », "
                        "avec le risque de perdre de vue le suivi contractuel.",
                        [
                            (
                                "curator@example.org",
                                70,
                                "@Camille Durand c’est exactement la tension que les entretiens "
                                "ont fait ressortir. On pourrait en faire un atelier d’équipe ?",
                                [],
                            ),
                        ],
                    ),
                ],
            ),
            (
                (CaseStudy, 1),
                "julien.bernard@example.org",
                60,
                "Comment la fédération a-t-elle vécu l’arrêt des microprojets ? En "
                "Méso-Amérique, ce passage a parfois été perçu comme un abandon.",
                [
                    (
                        "member@example.org",
                        52,
                        "Difficilement au début. Ce qui a aidé : annoncer le calendrier deux ans "
                        "à l’avance et financer le diagnostic organisationnel.",
                        [],
                    ),
                ],
            ),
            (
                (Recommendation, 3),
                "member@example.org",
                30,
                "Alléger les portefeuilles, oui, mais avec quels critères ? Sans règle "
                "partagée, on garde les partenaires historiques par habitude.",
                [
                    (
                        "curator@example.org",
                        26,
                        "Une piste : revoir chaque partenariat à mi-parcours avec trois questions "
                        "simples (base sociale, autonomie, place dans le programme).",
                        [],
                    ),
                    (
                        "thomas.petit@example.org",
                        20,
                        "En Asie nous avons tenté une grille de ce type ; je peux la partager.",
                        [],
                    ),
                ],
            ),
            (
                (Question, 1),
                "awa.diallo@example.org",
                14,
                "La contractualisation devient un outil de dialogue quand les indicateurs sont "
                "construits avec le partenaire, pas imposés à la signature.",
                [
                    (
                        "ines.garcia@example.org",
                        8,
                        "D’accord, à condition de prévoir un temps de relecture commun chaque année.",
                        [],
                    ),
                ],
            ),
        ],
    ),
    (
        "appui-economie-sociale-et-solidaire",
        [
            (
                Dossier,
                "thomas.petit@example.org",
                40,
                "Le dossier montre bien la diversité des pratiques ESS. Reste à savoir si nous "
                "voulons une définition commune ou une liste de critères souples.",
                [
                    (
                        "awa.diallo@example.org",
                        33,
                        "Des critères souples, je pense : les contextes sont trop différents pour "
                        "une définition unique.",
                        [],
                    ),
                ],
            ),
        ],
    ),
]


def demo_discussions_load(users: dict[str, User]) -> int:
    """Post the demo discussions on dossiers that have none; returns how many comments."""
    posted = 0
    # The demo's notifications are real; their emails would only clutter the console.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        transaction.atomic(),
    ):
        for slug, threads in DISCUSSIONS:
            dossier = Dossier.objects.filter(slug=slug).first()
            if dossier is None or Comment.objects.filter(dossier=dossier).exists():
                continue
            for target_ref, email, hours, text, replies in threads:
                target = _target(dossier, target_ref)
                posted += _post(users, target, email, hours, text, replies, parent=None)
    return posted


def _target(dossier: Dossier, ref: Any) -> Any:
    if ref is Dossier:
        return dossier
    model, order = ref
    return model.objects.get(dossier=dossier, order=order)


def _post(
    users: dict[str, User],
    target: Any,
    email: str,
    hours: int,
    text: str,
    replies: list[tuple[Any, ...]],
    *,
    parent: Comment | None,
) -> int:
    comment = comment_create(author=users[email], target=target, body=text, parent=parent)
    comment.created_at = timezone.now() - timedelta(hours=hours)
    comment.save(update_fields=["created_at"])
    count = 1
    for reply_email, reply_hours, reply_text, nested in replies:
        count += _post(users, target, reply_email, reply_hours, reply_text, nested, parent=comment)
    return count
