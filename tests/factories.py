"""Small factories with sensible defaults; French text from Faker's fr_FR locale."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from dossiers.models import CaseStudy, Dossier, Question, Recommendation, Region, Theme

PASSWORD = "apprendre-ensemble"

factory.Faker._DEFAULT_LOCALE = "fr_FR"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)

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
