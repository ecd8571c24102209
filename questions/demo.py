"""Demo cross-dossier questions for `manage.py load_demo`: two of them gathering four
dossiers' questions each, one in « réfléchir avant de lire » mode with three answers by
colleagues of member@example.org (so that member sees « 3 réponses — publiez la vôtre pour
les lire »), the other open, with a few answers beside those the discussions demo posted.

Loading again changes nothing: questions are matched by slug and gathered once, an answer is
posted only when its author has not written on that question yet.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from discussions.models import Comment
from discussions.services import comment_create
from dossiers.models import Question
from questions.models import CrossQuestion, GroupedQuestion

if TYPE_CHECKING:
    from accounts.models import User

# (slug, wording, description, reflect first, [(dossier slug, question order)],
#  [(dossier slug, question order, author, hours ago, text)])
CROSS_QUESTIONS: list[tuple[str, str, str, bool, list[tuple[str, int]], list[tuple]]] = [
    (
        "rendre-compte-de-ce-qui-ne-se-compte-pas",
        "Comment rendre compte de ce qui ne se compte pas ?",
        "Quatre dossiers butent sur la même difficulté : la valeur d’un dialogue, d’une mise "
        "en relation ou d’un changement social auquel on ne contribue qu’indirectement ne se "
        "laisse pas réduire à des indicateurs. Répondez d’abord avec votre propre expérience, "
        "puis lisez celle des autres.",
        True,
        [
            ("changement-social-et-evaluation", 1),
            ("reciprocite-entre-partenaires", 2),
            ("territoire-en-meso-amerique", 3),
            ("initiatives-terrain", 2),
        ],
        [
            (
                "changement-social-et-evaluation",
                1,
                "awa.diallo@example.org",
                50,
                "Oui, si l’on accepte de raconter une **contribution** plutôt qu’une "
                "attribution : au Sénégal, nous avons tenu avec les partenaires un journal "
                "des changements observés, relu chaque année avec eux.",
            ),
            (
                "reciprocite-entre-partenaires",
                2,
                "julien.bernard@example.org",
                30,
                "Nous demandons aux deux organisations mises en relation ce qu’elles ont "
                "fait ensuite qu’elles n’auraient pas fait seules. Trois questions, pas de "
                "grille : les réponses disent beaucoup.",
            ),
            (
                "territoire-en-meso-amerique",
                3,
                "ines.garcia@example.org",
                12,
                "En interne, ce qui a convaincu la direction, ce sont des récits courts, "
                "datés, signés par les partenaires eux-mêmes, plutôt que nos propres "
                "synthèses.",
            ),
        ],
    ),
    (
        "quel-plaidoyer-et-au-nom-de-qui",
        "Quel plaidoyer porter, et au nom de qui ?",
        "Que l’État soit partie au conflit, que les petits producteurs soient absents des "
        "espaces internationaux ou que les migrations Sud-Sud restent invisibles en Europe, "
        "plusieurs dossiers se demandent qui porte la parole et comment.",
        False,
        [
            ("partenariats-en-zones-de-conflit", 1),
            ("appui-economie-sociale-et-solidaire", 3),
            ("partenariats-migrations-afrique-du-sud", 3),
            ("strategie-partenariat-societes-civiles-africaines", 1),
        ],
        [
            (
                "appui-economie-sociale-et-solidaire",
                3,
                "thomas.petit@example.org",
                70,
                "Les fédérations paysannes elles-mêmes, quand nous finançons leur présence "
                "plutôt que notre propre délégation.",
            ),
            (
                "partenariats-migrations-afrique-du-sud",
                3,
                "awa.diallo@example.org",
                20,
                "En faisant venir des partenaires sud-africains dans nos campagnes "
                "publiques : leur parole porte davantage que nos notes.",
            ),
        ],
    ),
]


def demo_questions_load(users: dict[str, User]) -> int:
    """Create the demo cross questions and their answers; returns how many answers."""
    posted = 0
    # The demo's notifications are real; their emails would only clutter the console.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        transaction.atomic(),
    ):
        for slug, wording, description, reflect_first, gathered, answers in CROSS_QUESTIONS:
            cross, _created = CrossQuestion.objects.get_or_create(
                slug=slug,
                defaults={
                    "wording": wording,
                    "description": description,
                    "reflect_first": reflect_first,
                },
            )
            for order, (dossier_slug, question_order) in enumerate(gathered, start=1):
                question = _question(dossier_slug, question_order)
                if question is not None:
                    GroupedQuestion.objects.get_or_create(
                        question=question, defaults={"cross_question": cross, "order": order}
                    )
            for dossier_slug, question_order, email, hours, text in answers:
                posted += _answer(users, dossier_slug, question_order, email, hours, text)
    return posted


def _question(dossier_slug: str, order: int) -> Question | None:
    return Question.objects.filter(dossier__slug=dossier_slug, order=order).first()


def _answer(
    users: dict[str, User], dossier_slug: str, order: int, email: str, hours: int, text: str
) -> int:
    question = _question(dossier_slug, order)
    author = users.get(email)
    if question is None or author is None:
        return 0
    if Comment.objects.filter(question=question, author=author).exists():
        return 0
    comment = comment_create(author=author, target=question, body=text)
    comment.created_at = timezone.now() - timedelta(hours=hours)
    comment.save(update_fields=["created_at"])
    return 1
