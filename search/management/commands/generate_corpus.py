"""A large French-like corpus for the search benchmark, inserted in bulk, then indexed.

Words follow a Zipf-like law over a vocabulary of the dossiers' own domain, so a few words
("partenaires", "plaidoyer") appear in a large share of the texts and many are rare, as in
the real dossiers. Run it on a throw-away database: it adds users, dossiers and thousands of
comments. `bench/bench_search.py` calls it.
"""

from __future__ import annotations

import random
import time
from html import escape
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from taggit.models import Tag, TaggedItem

from accounts.models import User
from discussions.models import Annotation, Comment
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region, Theme
from search.index import after_bulk_load, rebuild_index


def _words(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = _words(
    "le la les de des du et en à un une pour dans sur avec par qui que au aux ce ces leur "
    "leurs nos notre son sa ses est sont ont a été plus aussi mais ou comme entre sans"
)
# The domain, most frequent first: rank r is drawn with weight 1 / (r + 1).
DOMAIN_WORDS = _words(
    "partenaires partenariat plaidoyer accompagnement organisations développement projet "
    "soutien formation réseau société civile sociétés civiles paysans paysannes terre droits "
    "femmes jeunes communautés pays région local locales politique politiques publiques "
    "financement appui institutionnel capacités dialogue gouvernance évaluation suivi "
    "changement social transformation réciprocité solidarité économie solidaire sociale "
    "filières agricoles agriculture alimentaire sécurité souveraineté semences foncier "
    "migrations migrants frontières conflit conflits paix violence justice mémoire victimes "
    "Église diocèse bénévoles équipes chargés mission service direction stratégie "
    "orientation décennie période expérience pratiques outils méthodes analyse contexte "
    "acteurs coopérative coopératives producteurs marché marchés commerce équitable prix "
    "crédit épargne microfinance caisse village villages quartier quartiers ville urbain "
    "rural territoire territoires ressources eau forêt climat environnement écologie "
    "agroécologie transition énergie mines extractives entreprises multinationales dette "
    "fiscalité budget communes citoyens citoyenne participation démocratie élections "
    "autorités État ministère loi lois réforme réformes institutions fédération fédérations "
    "plateforme plateformes coalition alliances mobilisation campagne campagnes "
    "sensibilisation éducation école scolarisation santé accès services logement emploi "
    "revenus pauvreté inégalités exclusion discriminations genre égalité autonomie "
    "leadership responsables dirigeants succession transmission relève génération "
    "apprentissage capitalisation connaissances savoirs échanges rencontres visites voyage "
    "mise relation lien liens confiance durée long terme court moyen objectifs résultats "
    "indicateurs rapport rapports mission missions terrain initiatives petites grandes "
    "nouvelles anciennes premières dernières difficultés risques sécurité protection "
    "défenseurs menaces répression liberté expression presse information communication"
)
# Rare words, each in a few dozen texts at most.
RARE_WORDS = _words(
    "adivasies karité parajuristes caféière tontine mangrove jumelage apiculture "
    "transhumance pastoralisme quinoa maraîchage pisciculture décorticage alphabétisation "
    "cartographie cadastre orpaillage ensablement reboisement compostage irrigation "
    "mutualisation warrantage sociolinguistique ethnographie cosmovision zapatistes "
    "quilombolas dalits rohingyas garifunas mapuches touaregs peuls batwas ogonis "
    "haïtiens malgaches comoriens kanaks"
)
REGIONS = [
    ("afrique-subsaharienne", "Afrique subsaharienne"),
    ("afrique-australe", "Afrique australe"),
    ("amerique-latine", "Amérique latine"),
    ("meso-amerique", "Méso-Amérique"),
    ("asie", "Asie"),
    ("mediterranee", "Méditerranée et Moyen-Orient"),
    ("europe", "Europe"),
    ("transversal", "Transversal"),
]
THEMES = [
    ("strategie-partenariale", "Stratégie partenariale"),
    ("societes-civiles", "Sociétés civiles"),
    ("plaidoyer", "Plaidoyer"),
    ("economie-sociale-solidaire", "Économie sociale et solidaire"),
    ("conflits-et-paix", "Conflits et paix"),
    ("suivi-evaluation", "Suivi et évaluation"),
    ("migrations", "Migrations"),
    ("souverainete-alimentaire", "Souveraineté alimentaire"),
]
TAGS = ["genre", "jeunesse", "foncier", "climat", "dette", "santé", "éducation", "paix"]
COUNTRIES = ["Burkina Faso", "Guatemala", "Inde", "Brésil", "Madagascar", "Liban", "Colombie",
             "Sénégal", "Philippines", "Haïti", "Cambodge", "Pérou"]  # fmt: skip
PARTNERS = ["Fédération des paysans", "Réseau des femmes rurales", "Caritas", "Pastorale sociale",
            "Coordination des ONG", "Union des coopératives", "Centre de formation populaire",
            "Plateforme citoyenne", "Association des juristes"]  # fmt: skip
# One dossier in LONG_EVERY has a body of 5,000 to 10,000 words (the others about 500).
LONG_EVERY = 5

# The relevance set's known items (docs/search.md): each query must find its item first.
# (query, kind of the item, its mark: a dossier's whole title, else words of its text that no
# other item has, what the query stands for).
KNOWN_ITEMS = [
    ("partenaires", "dossier", "Partenaires", "a dossier retitled « Partenaires »"),
    ("La réciprocité dans les partenariats", "dossier",
     "La réciprocité dans les partenariats", "an exact title"),
    ("reciprocite dans les partenariats", "dossier",
     "La réciprocité dans les partenariats", "the same, typed without accents"),
    ("Guatemala Sotzil", "case_study", "Coordination Sotzil", "a case study's country + partner"),
    ('"semences paysannes échangées"', "comment", "semences paysannes échangées",
     "a quoted phrase"),
    ("tillaberi", "recommendation", "Tillabéri", "an accented word typed without accents"),
]  # fmt: skip


def is_known_item(entry: Any, kind: str, mark: str) -> bool:
    """Whether a search result is the known item of that kind and mark."""
    if entry.kind != kind:
        return False
    if kind == "dossier":
        return entry.title == mark
    return mark in f"{entry.title} {entry.summary} {entry.body}"


# Frequent words: the relevance set compares their first ten with the oracle's.
FREQUENT_WORDS = ["partenaires", "partenariat", "plaidoyer", "accompagnement", "organisations",
                  "développement", "projet", "soutien", "formation", "réseau"]  # fmt: skip


class Writer:
    """French-like sentences drawn from the vocabulary above."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 sample text, not secrets
        self.words = FUNCTION_WORDS + DOMAIN_WORDS + RARE_WORDS
        self.weights = (
            [60.0] * len(FUNCTION_WORDS)
            + [30.0 / (rank + 1) for rank in range(len(DOMAIN_WORDS))]
            + [0.004] * len(RARE_WORDS)
        )

    def sentence(self, low: int = 8, high: int = 20) -> str:
        words = self.random.choices(self.words, self.weights, k=self.random.randint(low, high))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self) -> str:
        return self.sentence(4, 9).rstrip(".")


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    iterator = iter(items)
    return list(iter(lambda: list(islice(iterator, size)), []))


class Command(BaseCommand):
    help = "Insert a large French-like corpus in bulk (for the search benchmark), then index it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dossiers", type=int, default=2000)
        parser.add_argument("--comments", type=int, default=77500)
        parser.add_argument("--annotations", type=int, default=7000)
        parser.add_argument("--seed", type=int, default=5)

    def handle(
        self, *args: Any, dossiers: int, comments: int, annotations: int, seed: int, **options: Any
    ) -> None:
        started = time.perf_counter()
        writer = Writer(seed)
        rnd = writer.random
        with transaction.atomic():
            users = self.users(rnd)
            dossier_ids = self.dossiers(writer, dossiers)
            self.parts(writer, dossier_ids)
            annotation_ids = self.annotations(writer, dossier_ids, users, annotations)
            self.comments(writer, dossier_ids, annotation_ids, users, comments)
            self.known_items(writer, dossier_ids, users)
        count = rebuild_index(batch_size=2000)
        after_bulk_load()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the content tables too
        self.stdout.write(
            f"Corpus: {dossiers} dossiers, {count} search entries "
            f"in {time.perf_counter() - started:.0f} s."
        )

    def users(self, rnd: random.Random) -> list[int]:
        User.objects.bulk_create(
            User(email=f"corpus{n}@example.org", display_name=f"Personne {n}") for n in range(50)
        )
        return list(User.objects.filter(email__startswith="corpus").values_list("pk", flat=True))

    def dossiers(self, writer: Writer, count: int) -> list[int]:
        rnd = writer.random
        rows = []
        for n in range(count):
            # Long: 80 to 160 paragraphs of about 63 words.
            paragraphs = rnd.randint(80, 160) if n % LONG_EVERY == 2 else 8
            body = "\n".join(writer.paragraph(rnd.randint(3, 6)) for _ in range(paragraphs))
            start = rnd.randint(1985, 2018)
            rows.append(
                Dossier(
                    title=writer.title(),
                    slug=f"corpus-{n}",
                    summary=writer.paragraph(4),
                    body=body,
                    body_html="".join(f"<p>{escape(p)}</p>" for p in body.split("\n")),
                    body_text=body,
                    period_start=start,
                    period_end=start + rnd.randint(0, 12),
                    # One in ten is a draft: members must not find it.
                    status="draft" if n % 10 == 9 else "published",
                )
            )
        for chunk in _chunks(rows, 500):
            Dossier.objects.bulk_create(chunk)
        ids = list(Dossier.objects.filter(slug__startswith="corpus-").values_list("pk", flat=True))
        regions = [
            Region.objects.get_or_create(slug=s, defaults={"name": n})[0] for s, n in REGIONS
        ]
        themes = [Theme.objects.get_or_create(slug=s, defaults={"name": n})[0] for s, n in THEMES]
        tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
        dossier_type = ContentType.objects.get_for_model(Dossier)
        region_links, theme_links, tag_links = [], [], []
        for pk in ids:
            for region in rnd.sample(regions, rnd.randint(1, 2)):
                region_links.append(Dossier.regions.through(dossier_id=pk, region_id=region.pk))
            for theme in rnd.sample(themes, rnd.randint(1, 3)):
                theme_links.append(Dossier.themes.through(dossier_id=pk, theme_id=theme.pk))
            for tag in rnd.sample(tags, rnd.randint(0, 2)):
                tag_links.append(TaggedItem(content_type=dossier_type, object_id=pk, tag=tag))
        Dossier.regions.through.objects.bulk_create(region_links, batch_size=2000)
        Dossier.themes.through.objects.bulk_create(theme_links, batch_size=2000)
        TaggedItem.objects.bulk_create(tag_links, batch_size=2000)
        return ids

    def parts(self, writer: Writer, dossier_ids: list[int]) -> None:
        rnd = writer.random
        cases, recommendations, questions = [], [], []
        for pk in dossier_ids:
            for order in range(1, 4):
                text = writer.paragraph(rnd.randint(6, 12))
                cases.append(
                    CaseStudy(
                        dossier_id=pk,
                        order=order,
                        title=writer.title(),
                        country=rnd.choice(COUNTRIES),
                        partners=", ".join(rnd.sample(PARTNERS, rnd.randint(1, 2))),
                        summary=writer.sentence(),
                        body=text,
                        body_html=f"<p>{escape(text)}</p>",
                        body_text=text,
                    )
                )
                text = writer.paragraph(rnd.randint(2, 4))
                recommendations.append(
                    Recommendation(
                        dossier_id=pk,
                        order=order,
                        title=writer.title(),
                        body=text,
                        body_html=f"<p>{escape(text)}</p>",
                        body_text=text,
                    )
                )
            for order in range(1, 3):
                questions.append(
                    Question(
                        dossier_id=pk,
                        order=order,
                        title=writer.title() + " ?",
                        body=writer.paragraph(2),
                    )
                )
        for model, rows in ((CaseStudy, cases), (Recommendation, recommendations)):
            model.objects.bulk_create(rows, batch_size=1000)
        Question.objects.bulk_create(questions, batch_size=1000)

    def known_items(self, writer: Writer, dossier_ids: list[int], users: list[int]) -> None:
        """The items of KNOWN_ITEMS, among the corpus's ordinary ones (in published dossiers)."""
        rnd = writer.random
        published = [pk for n, pk in enumerate(dossier_ids) if n % 10 != 9]
        Dossier.objects.filter(pk=published[3]).update(title="Partenaires")
        Dossier.objects.filter(pk=published[5]).update(title="La réciprocité dans les partenariats")
        text = writer.paragraph(8)
        CaseStudy.objects.create(
            dossier_id=published[7], order=9, title=writer.title(), country="Guatemala",
            partners="Coordination Sotzil", summary=writer.sentence(), body=text,
            body_html=f"<p>{escape(text)}</p>", body_text=text,
        )  # fmt: skip
        text = f"{writer.sentence()} Des semences paysannes échangées entre villages."
        Comment.objects.create(
            dossier_id=published[11], author_id=rnd.choice(users), body=text,
            body_html=f"<p>{escape(text)}</p>",
        )  # fmt: skip
        text = f"{writer.paragraph(2)} Les greniers de Tillabéri."
        Recommendation.objects.create(
            dossier_id=published[13], order=9, title=writer.title(), body=text,
            body_html=f"<p>{escape(text)}</p>", body_text=text,
        )  # fmt: skip

    def annotations(
        self, writer: Writer, dossier_ids: list[int], users: list[int], count: int
    ) -> list[int]:
        rnd = writer.random
        rows = []
        for n in range(count):
            exact = writer.sentence(5, 9)
            note = writer.paragraph(rnd.randint(1, 2))
            rows.append(
                Annotation(
                    dossier_id=rnd.choice(dossier_ids),
                    author_id=rnd.choice(users),
                    exact=exact,
                    start=0,
                    end=len(exact),
                    body=note,
                    body_html=f"<p>{escape(note)}</p>",
                    # One in five is a private note.
                    visibility="private" if n % 5 == 4 else "shared",
                )
            )
        Annotation.objects.bulk_create(rows, batch_size=2000)
        return list(Annotation.objects.values_list("pk", flat=True))

    def comments(
        self,
        writer: Writer,
        dossier_ids: list[int],
        annotation_ids: list[int],
        users: list[int],
        count: int,
    ) -> None:
        rnd = writer.random
        annotation_dossier = dict(Annotation.objects.values_list("pk", "dossier_id"))
        rows = []
        for n in range(count):
            text = writer.paragraph(rnd.randint(1, 4))
            # One in ten answers an annotation; one in thirty was hidden or deleted.
            annotation = rnd.choice(annotation_ids) if n % 10 == 3 and annotation_ids else None
            rows.append(
                Comment(
                    dossier_id=annotation_dossier[annotation]
                    if annotation
                    else rnd.choice(dossier_ids),
                    annotation_id=annotation,
                    author_id=rnd.choice(users),
                    body=text,
                    body_html=f"<p>{escape(text)}</p>",
                    state=("hidden" if n % 60 == 7 else "deleted") if n % 30 == 7 else "visible",
                )
            )
            if len(rows) == 5000:
                Comment.objects.bulk_create(rows)
                rows = []
        Comment.objects.bulk_create(rows)
