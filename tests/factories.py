"""Small factories with sensible defaults; French text from Faker's fr_FR locale."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from discussions.models import Annotation
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region, Theme
from learning.models import FieldReport

PASSWORD = "apprendre-ensemble"

factory.Faker._DEFAULT_LOCALE = "fr_FR"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)
    # The daily digest of notifications, which most tests predate; the learning digest's
    # tests (tests/learning/test_digest.py) choose it, weekly by default outside tests.
    learning_digest = User.LearningDigest.OFF

    @factory.post_generation
    def verified(obj, create: bool, extracted: object, **kwargs: object) -> None:  # noqa: N805
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)

    @factory.post_generation
    def group(obj, create: bool, extracted: str | None, **kwargs: object) -> None:  # noqa: N805
        if create and extracted:
            obj.groups.add(Group.objects.get(name=extracted))


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Région {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    title = factory.Faker("sentence", nb_words=6)
    slug = factory.Sequence(lambda n: f"dossier-{n}")
    summary = factory.Faker("paragraph", nb_sentences=3)
    body = factory.LazyFunction(
        lambda: (
            "## Contexte\n\nLe partenariat s’est construit pas à pas.\n\n"
            "## Pratiques\n\nLes chargés de mission accompagnent les partenaires.\n"
        )
    )
    period_start = 2000
    period_end = 2010
    status = Dossier.Status.PUBLISHED
    published_on = factory.Faker("date_between", start_date="-10y", end_date="today")


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudy

    dossier = factory.SubFactory(DossierFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Faker("sentence", nb_words=5)
    country = "Burkina Faso"
    summary = factory.Faker("sentence")
    body = factory.Faker("paragraph", nb_sentences=4)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    dossier = factory.SubFactory(DossierFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Faker("sentence", nb_words=5)
    body = factory.Faker("paragraph", nb_sentences=4)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    dossier = factory.SubFactory(DossierFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = "Quel plaidoyer mener ?"
    body = factory.Faker("sentence")


# Characters of context kept on each side of a passage, as the annotation service keeps them.
ANNOTATION_CONTEXT = 32


def _annotated_body(annotation: factory.builder.Resolver) -> Dossier | CaseStudy | Recommendation:
    return annotation.case_study or annotation.recommendation or annotation.dossier


def _annotated_text(annotation: factory.builder.Resolver) -> str:
    return _annotated_body(annotation).body_text


def _first_passage(annotation: factory.builder.Resolver) -> str:
    """The start of the body text's first line (a dossier's first heading), by default."""
    lines = [line.strip() for line in _annotated_text(annotation).splitlines()]
    passage = next((line for line in lines if line), "")[:40]
    if not passage:
        raise ValueError("The annotated body has no text to annotate.")
    return passage


def _passage_start(annotation: factory.builder.Resolver) -> int:
    text = _annotated_text(annotation)
    if annotation.exact not in text:
        raise ValueError(f"{annotation.exact!r} is not in the annotated body's text: pass `exact`")
    return text.index(annotation.exact)


def _text_version(annotation: factory.builder.Resolver) -> int | None:
    body = _annotated_body(annotation)
    return body.history.order_by("-history_id").values_list("history_id", flat=True).first()


class AnnotationFactory(factory.django.DjangoModelFactory):
    """An annotation stored as the service stores one (its selectors hold in the body's
    `body_text`, at the body's current version), without the service's side effects (the
    author following the dossier, notifications). On a case study or a recommendation, pass
    it (the dossier follows). The passage defaults to the start of the body's text; with an
    `exact` passage, its first occurrence is annotated unless `start` says otherwise."""

    class Meta:
        model = Annotation
        skip_postgeneration_save = True

    case_study = None
    recommendation = None
    dossier = factory.Maybe(
        factory.LazyAttribute(lambda o: o.case_study or o.recommendation),
        yes_declaration=factory.LazyAttribute(lambda o: (o.case_study or o.recommendation).dossier),
        no_declaration=factory.SubFactory(DossierFactory),
    )
    author = factory.SubFactory(UserFactory)
    exact = factory.LazyAttribute(_first_passage)
    start = factory.LazyAttribute(_passage_start)
    end = factory.LazyAttribute(lambda o: o.start + len(o.exact))
    prefix = factory.LazyAttribute(
        lambda o: _annotated_text(o)[max(0, o.start - ANNOTATION_CONTEXT) : o.start]
    )
    suffix = factory.LazyAttribute(lambda o: _annotated_text(o)[o.end : o.end + ANNOTATION_CONTEXT])
    text_version = factory.LazyAttribute(_text_version)
    body = "Une note."

    @factory.post_generation
    def tags(obj, create: bool, extracted: list[str] | None, **kwargs: object) -> None:  # noqa: N805
        if create and extracted:
            obj.tags.set(extracted)


class FieldReportFactory(factory.django.DjangoModelFactory):
    """A field report on a recommendation (its dossier follows), stored without the
    service's side effects (follows, notifications)."""

    class Meta:
        model = FieldReport

    recommendation = factory.SubFactory(RecommendationFactory)
    dossier = factory.LazyAttribute(lambda o: o.recommendation.dossier)
    author = factory.SubFactory(UserFactory)
    title = "Une contractualisation pluriannuelle au Burkina Faso"
    country = "Burkina Faso"
    year_start = 2019
    year_end = 2021
    body = factory.Faker("paragraph", nb_sentences=3)
    outcome = FieldReport.Outcome.PARTIAL
    lessons = "Prévoir le temps de relecture commun."
