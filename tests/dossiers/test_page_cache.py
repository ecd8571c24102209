"""The reading pages' shared fragments (dossiers/page_cache.py): an edit shows at once
however it is saved, a draft's fragments never reach a member, and nothing one reader sees
of their own (follow, unread counter, own messages) is served to another from the cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discussions.models import Follow, Notification
from dossiers.models import Dossier
from tests.discussions.factories import CommentFactory
from tests.factories import (
    CaseStudyFactory,
    DossierFactory,
    RecommendationFactory,
    RegionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def page(client, dossier: Dossier) -> str:
    response = client.get(dossier.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_curator_s_edit_of_the_body_shows_at_once(alice_client, dossier) -> None:
    assert "Contexte" in page(alice_client, dossier)  # cached now

    dossier.title = "Un titre revu"
    dossier.body = "## Nouveau départ\n\nUn texte entièrement revu."
    dossier.save()

    html = page(alice_client, dossier)
    assert "Un titre revu" in html
    assert "Un texte entièrement revu." in html
    assert 'href="#nouveau-depart"' in html  # the table of contents follows
    assert "Contexte" not in html


def test_an_edit_of_a_part_shows_at_once_even_saved_without_a_new_version(
    alice_client, dossier
) -> None:
    case = CaseStudyFactory(dossier=dossier, title="Étude d'origine")
    page(alice_client, dossier)

    case.title = "Étude renommée"
    case.save()  # a plain save (a shell, load_demo): `version` stays where it was

    html = page(alice_client, dossier)
    assert f'<h3 id="etude-{case.pk}-title">Étude renommée</h3>' in html
    assert "Étude d&#x27;origine</" not in html


def test_a_recommendation_s_new_case_study_link_shows_at_once(alice_client, dossier) -> None:
    case = CaseStudyFactory(dossier=dossier, title="Coopérative du Sahel")
    recommendation = RecommendationFactory(dossier=dossier)
    assert "S’appuie sur" not in page(alice_client, dossier)

    recommendation.case_studies.add(case)

    html = page(alice_client, dossier)
    assert f'<a href="#etude-{case.pk}">Coopérative du Sahel</a>' in html


def test_a_draft_s_cached_fragments_never_reach_a_member(carol_client, alice_client, draft) -> None:
    assert "Un brouillon" in page(carol_client, draft)  # the curator's read fills the cache

    assert alice_client.get(draft.get_absolute_url()).status_code == 404
    assert "Un brouillon" not in alice_client.get(reverse("dossiers:list")).content.decode()
    assert "Un brouillon" not in alice_client.get(reverse("dossiers:home")).content.decode()


def test_a_dossier_back_to_draft_leaves_the_lists_and_the_page_at_once(
    carol_client, alice_client, dossier
) -> None:
    for url in (reverse("dossiers:home"), reverse("dossiers:list")):
        assert dossier.title in alice_client.get(url).content.decode()
    page(alice_client, dossier)

    dossier.status = Dossier.Status.DRAFT
    dossier.save()

    assert alice_client.get(dossier.get_absolute_url()).status_code == 404
    for url in (reverse("dossiers:home"), reverse("dossiers:list")):
        assert dossier.title not in alice_client.get(url).content.decode()
    # The curator's card says it is a draft, not the published card cached before.
    assert "Brouillon" in carol_client.get(reverse("dossiers:list")).content.decode()


def test_a_card_follows_its_dossier_s_edit_and_a_renamed_theme_after_a_clear(
    alice_client, dossier
) -> None:
    theme = ThemeFactory(name="Souveraineté alimentaire")
    dossier.themes.add(theme)
    dossier.save()  # the dossier's form saves the row with its themes
    assert "Souveraineté alimentaire" in alice_client.get(reverse("dossiers:list")).content.decode()

    dossier.summary = "Un résumé réécrit."
    dossier.save()
    assert "Un résumé réécrit." in alice_client.get(reverse("dossiers:list")).content.decode()

    # Another row's rename is not in the card's key: it shows within FRAGMENT_TIMEOUT,
    # here at once once the entry is gone.
    theme.name = "Agroécologie"
    theme.save()
    cache.clear()
    assert "Agroécologie" in alice_client.get(reverse("dossiers:list")).content.decode()


def test_each_reader_s_own_parts_are_their_own(alice, alice_client, bob_client, dossier) -> None:
    Follow.objects.create(user=alice, dossier=dossier)
    own = CommentFactory(dossier=dossier, author=alice, body="Mon message à moi")
    Notification.objects.create(
        recipient=alice, actor=alice, kind=Notification.Kind.REPLY, dossier=dossier, comment=own
    )
    edit_url = reverse("discussions:comment-edit", args=[own.pk])

    alice_html = page(alice_client, dossier)
    assert "Ne plus suivre" in alice_html
    assert edit_url in alice_html

    bob_html = page(bob_client, dossier)  # the shared fragments are cached by now
    assert "Mon message à moi" in bob_html
    assert "Ne plus suivre" not in bob_html
    assert "Suivre ce dossier" in bob_html
    assert edit_url not in bob_html
    assert 'class="counter"' not in bob_html
    assert 'class="counter"' in page(alice_client, dossier)


def queries_of(client, url: str, *, cached: bool) -> int:
    client.get(url)  # the process-wide caches a running server holds (see counted_get)
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_reads_the_same_for_two_parts_or_ten_cached_or_not(alice_client, dossier) -> None:
    CaseStudyFactory(dossier=dossier)
    RecommendationFactory(dossier=dossier)
    url = dossier.get_absolute_url()
    one = {cached: queries_of(alice_client, url, cached=cached) for cached in (True, False)}
    for _ in range(4):
        CaseStudyFactory(dossier=dossier)
        RecommendationFactory(dossier=dossier)
    nine = {cached: queries_of(alice_client, url, cached=cached) for cached in (True, False)}
    assert nine == one
    # A cached page does not read the dossier's authors, regions, themes and tags, nor the
    # reader's permissions (two queries, accounts/roles.py).
    assert one[True] == one[False] - 6


def test_the_lists_read_the_same_for_one_card_or_six(alice_client) -> None:
    urls = (reverse("dossiers:home"), reverse("dossiers:list"))
    DossierFactory()
    one = [queries_of(alice_client, url, cached=cached) for url in urls for cached in (True, False)]
    DossierFactory.create_batch(5)
    six = [queries_of(alice_client, url, cached=cached) for url in urls for cached in (True, False)]
    assert six == one


def test_the_filters_show_a_new_region_at_once_and_a_chosen_one_selected(alice_client) -> None:
    url = reverse("dossiers:list")
    alice_client.get(url)  # the unfilled filters are cached now
    region = RegionFactory(name="Océanie", slug="oceanie")

    assert '<option value="oceanie">Océanie</option>' in alice_client.get(url).content.decode()
    chosen = alice_client.get(url, {"region": "oceanie"}).content.decode()
    assert '<option value="oceanie" selected>Océanie</option>' in chosen
    assert region.name in chosen
