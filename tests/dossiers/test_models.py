from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from dossiers.models import Dossier
from tests.factories import CaseStudyFactory, DossierFactory, QuestionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def test_it_rejects_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DossierFactory(period_start=2010, period_end=2000)


def test_it_rejects_two_dossiers_with_one_slug() -> None:
    DossierFactory(slug="meme-slug")
    with pytest.raises(IntegrityError), transaction.atomic():
        DossierFactory(slug="meme-slug")


def test_it_rejects_an_unknown_status() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        DossierFactory(status="secret")


@pytest.mark.parametrize("factory", [CaseStudyFactory, RecommendationFactory, QuestionFactory])
def test_it_rejects_two_parts_with_one_order_in_a_dossier(factory) -> None:
    dossier = DossierFactory()
    factory(dossier=dossier, order=1)
    factory(dossier=DossierFactory(), order=1)  # another dossier may reuse it
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(dossier=dossier, order=1)


def test_full_clean_explains_the_period_error_in_french() -> None:
    dossier = DossierFactory.build(period_start=2010, period_end=2000)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        dossier.full_clean()
    assert "La période ne peut pas finir avant de commencer." in str(error.value)


def test_the_body_is_rendered_and_its_history_kept() -> None:
    dossier = DossierFactory(body="## Enjeux\n\nPremier texte.")
    dossier.body = "## Enjeux\n\nTexte revu <script>x</script>."
    dossier.save(update_fields=["body"])
    dossier.refresh_from_db()
    assert "<script>" not in dossier.body_html
    assert dossier.toc == [{"level": 2, "text": "Enjeux", "anchor": "enjeux"}]
    assert "Texte revu" in dossier.body_text
    assert [h.body for h in dossier.history.order_by("history_id")] == [
        "## Enjeux\n\nPremier texte.",
        "## Enjeux\n\nTexte revu <script>x</script>.",
    ]


def test_members_see_published_dossiers_only(alice, carol) -> None:
    published = DossierFactory()
    draft = DossierFactory(status=Dossier.Status.DRAFT)
    assert list(Dossier.objects.visible_to(alice)) == [published]
    assert set(Dossier.objects.visible_to(carol)) == {published, draft}
