"""The search page: French matching, permissions, facets, links, bad input, query count."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from discussions.models import Annotation, Comment
from search.query import PAGE_SIZE
from tests.conftest import client_for
from tests.discussions.factories import CommentFactory
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    DossierFactory,
    QuestionFactory,
    RecommendationFactory,
    RegionFactory,
    ThemeFactory,
)
from tests.search.conftest import found, results

pytestmark = pytest.mark.django_db


def test_a_plural_finds_the_singular(alice_client: Client) -> None:
    dossier = DossierFactory(title="Un partenariat exigeant", summary="Résumé.", body="Texte.")
    assert ("dossier", dossier.pk) in found(alice_client, "partenariats")


def test_typing_without_accents_finds_the_accented_word(alice_client: Client) -> None:
    dossier = DossierFactory(title="Vers la réciprocité", summary="Résumé.", body="Texte.")
    assert ("dossier", dossier.pk) in found(alice_client, "reciprocite")
    assert ("dossier", dossier.pk) in found(alice_client, "RÉCIPROCITÉ")


def test_every_kind_is_found_with_a_link_to_its_place(alice, alice_client: Client) -> None:
    dossier = DossierFactory(slug="semences", title="Semences", body="Des semences paysannes.")
    case = CaseStudyFactory(dossier=dossier, title="Échange de semences au Sahel")
    recommendation = RecommendationFactory(dossier=dossier, body="Protéger les semences.")
    question = QuestionFactory(dossier=dossier, title="Quelles semences garder ?")
    comment = CommentFactory(dossier=dossier, body="Nos semences voyagent.")
    annotation = AnnotationFactory(dossier=dossier, author=alice, body="Semences locales.")

    response = results(alice_client, q="semences")
    hits = {e.kind: e.get_absolute_url() for e in response.context["found"].page.object_list}
    base = "/dossiers/semences/"
    assert hits == {
        "dossier": base,
        "case_study": f"{base}#etude-{case.pk}",
        "recommendation": f"{base}#recommandation-{recommendation.pk}",
        "question": f"{base}#question-{question.pk}",
        "comment": f"/discussions/commentaires/{comment.pk}/",
        "annotation": f"{base}#annotation-{annotation.pk}",
    }
    html = response.content.decode()
    assert f'href="{base}#etude-{case.pk}"' in html
    assert "<mark>semences</mark>" in html.lower()


def test_a_title_match_ranks_above_a_passing_mention(alice_client: Client) -> None:
    mention = DossierFactory(title="Autre sujet", body="Un mot sur le plaidoyer, en passant.")
    titled = DossierFactory(title="Le plaidoyer en zone de conflit", body="Texte.")
    assert found(alice_client, "plaidoyer")[:2] == [("dossier", titled.pk), ("dossier", mention.pk)]


def test_quotes_search_a_phrase_and_a_minus_excludes_a_word(alice_client: Client) -> None:
    # The summaries are set: a random one may hold « risquer », which « -risqué » excludes.
    phrase = DossierFactory(
        title="Plaidoyer", summary="Résumé.", body="Le plaidoyer en zone de conflit est risqué."
    )
    apart = DossierFactory(
        title="Plaidoyer", summary="Résumé.", body="Une zone sans plaidoyer ni conflit."
    )
    assert found(alice_client, '"plaidoyer en zone"') == [("dossier", phrase.pk)]
    assert found(alice_client, "plaidoyer -risqué") == [("dossier", apart.pk)]
    assert found(alice_client, "plaidoyer -risque") == [("dossier", apart.pk)]


def test_the_snippet_escapes_the_text_and_marks_the_words(alice_client: Client) -> None:
    CommentFactory(body="<script>alert(1)</script> notre réciprocité & la vôtre")
    html = results(alice_client, q="réciprocité").content.decode()
    assert "<script>alert" not in html
    assert "<mark>réciprocité</mark>" in html


# --- Permissions ---------------------------------------------------------------------------


def test_a_draft_is_found_by_curators_only(draft, alice_client: Client, carol) -> None:
    draft.title = "Brouillon sur la souveraineté alimentaire"
    draft.save()
    QuestionFactory(dossier=draft, title="Quelle souveraineté ?")
    CommentFactory(dossier=draft, body="La souveraineté d'abord.")
    assert found(alice_client, "souveraineté") == []
    assert len(found(client_for(carol), "souveraineté")) == 3


def test_unpublishing_a_dossier_hides_everything_in_it(dossier, alice_client: Client) -> None:
    CommentFactory(dossier=dossier, body="La gouvernance partagée.")
    assert found(alice_client, "gouvernance")
    dossier.status = "archived"
    dossier.save(update_fields=["status"])
    assert found(alice_client, "gouvernance") == []


def test_a_private_note_and_its_replies_are_found_by_its_author_only(
    dossier, alice, bob, carol
) -> None:
    note = AnnotationFactory(
        dossier=dossier, author=alice, body="Mon idée confidentielle", visibility="private"
    )
    reply = CommentFactory(
        dossier=dossier, annotation=note, author=alice, body="Suite confidentielle"
    )
    mine = {("annotation", note.pk), ("comment", reply.pk)}
    assert set(found(client_for(alice), "confidentielle")) == mine
    assert found(client_for(bob), "confidentielle") == []
    assert found(client_for(carol), "confidentielle") == []  # curators too

    note.visibility = Annotation.Visibility.SHARED
    note.save(update_fields=["visibility"])
    assert set(found(client_for(bob), "confidentielle")) == mine


def test_hidden_and_deleted_comments_are_never_found(dossier, alice_client, mo, carol) -> None:
    # A word Faker's French never writes: the dossier's random summary must not match it.
    hidden = CommentFactory(dossier=dossier, body="Une zébulonnade déplacée")
    deleted = CommentFactory(dossier=dossier, body="Une zébulonnade retirée")
    hidden.state = Comment.State.HIDDEN
    hidden.save(update_fields=["state"])
    deleted.state = Comment.State.DELETED
    deleted.save(update_fields=["state"])
    for client in (alice_client, client_for(mo), client_for(carol)):
        assert found(client, "zébulonnade") == []

    hidden.state = Comment.State.VISIBLE  # restored by a moderator
    hidden.save(update_fields=["state"])
    assert found(alice_client, "zébulonnade") == [("comment", hidden.pk)]


def test_a_fresh_comment_is_found_and_an_edit_replaces_its_words(dossier, alice_client) -> None:
    comment = CommentFactory(dossier=dossier, body="Les coopératives laitières")
    assert found(alice_client, "laitière") == [("comment", comment.pk)]
    comment.body = "Les coopératives fromagères"
    comment.save(update_fields=["body"])
    assert found(alice_client, "laitières") == []
    assert found(alice_client, "fromageres") == [("comment", comment.pk)]
    comment.delete()
    assert found(alice_client, "fromageres") == []


def test_the_page_requires_login(client: Client) -> None:
    response = client.get(reverse("search:results"), {"q": "plaidoyer"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- Facets and filters ------------------------------------------------------------------


@pytest.fixture
def two_regions(db):
    africa = RegionFactory(slug="afrique", name="Afrique")
    asia = RegionFactory(slug="asie", name="Asie")
    land = ThemeFactory(slug="foncier", name="Foncier")
    first = DossierFactory(title="Le foncier au Sahel", period_start=1995, period_end=2004)
    first.regions.set([africa])
    first.themes.set([land])
    first.tags.set(["terre"])
    second = DossierFactory(title="Le foncier en Inde", period_start=2012, period_end=2015)
    second.regions.set([asia])
    second.tags.set(["inde"])
    CommentFactory(dossier=second, body="Le foncier des communautés adivasies.")
    return first, second


def test_facets_count_results_by_kind_region_theme_tag_and_period(two_regions, alice_client):
    facets = results(alice_client, q="foncier").context["found"].facets
    counts = {name: {v.value: v.count for v in values} for name, values in facets.items()}
    assert counts == {
        "kind": {"dossier": 2, "comment": 1},
        "region": {"asie": 2, "afrique": 1},
        "theme": {"foncier": 1},
        "tag": {"inde": 2, "terre": 1},
        "period": {"1990-1999": 1, "2000-2009": 1, "2010-2019": 2},
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "asie"}, {"second-dossier", "second-comment"}),
        ({"theme": "foncier"}, {"first-dossier"}),
        ({"tag": "terre"}, {"first-dossier"}),
        ({"period": "2010-2019"}, {"second-dossier", "second-comment"}),
        ({"kind": "comment"}, {"second-comment"}),
        ({"region": "asie", "kind": "dossier"}, {"second-dossier"}),
    ],
)
def test_facets_and_dossier_filters_narrow_the_search(two_regions, alice_client, params, expected):
    first, second = two_regions
    comment = Comment.objects.get(dossier=second)
    names = {
        ("dossier", first.pk): "first-dossier",
        ("dossier", second.pk): "second-dossier",
        ("comment", comment.pk): "second-comment",
    }
    assert {names[hit] for hit in found(alice_client, "foncier", **params)} == expected


def test_facet_links_keep_the_query_and_the_other_filters(two_regions, alice_client) -> None:
    html = results(alice_client, q="foncier", kind="dossier").content.decode()
    assert "?q=foncier&amp;kind=dossier&amp;region=asie" in html
    # and a link back to the dossier list with the same region
    html = results(alice_client, q="foncier", region="asie").content.decode()
    assert f"{reverse('dossiers:list')}?region=asie" in html


def test_the_dossier_list_searches_within_its_filters(two_regions, alice_client) -> None:
    html = alice_client.get(reverse("dossiers:list"), {"region": "asie"}).content.decode()
    assert f'action="{reverse("search:results")}"' in html
    assert 'name="region" value="asie"' in html


# --- Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {},
        {"q": "x" * 5000},
        {"q": "plaidoyer " * 500},
        {"q": '"'},
        {"q": '"""plaidoyer'},
        {"q": "& | ! : * ( ) <->"},
        {"q": "plaidoyer & | ! : * ( ) <-> conflit"},
        {"q": "plaidoyer:* | !conflit"},
        {"q": "NEAR(plaidoyer conflit) AND OR NOT"},
        {"q": "pla\x00idoyer"},
        {"q": "\x00"},
        {"q": "'; DROP TABLE search_searchentry; --"},
        {"q": "1' OR '1'='1"},
        {"q": "-plaidoyer"},
        {"q": "- - -"},
        {"q": "le la les de"},
        {"q": "plaidoyer", "region": "atlantide"},
        {"q": "plaidoyer", "theme": "<script>"},
        {"q": "plaidoyer", "tag": "inconnu"},
        {"q": "plaidoyer", "period": "hier"},
        {"q": "plaidoyer", "period": "2010-2000"},
        {"q": "plaidoyer", "kind": "user"},
        {"q": "plaidoyer", "page": "99999"},
        {"q": "plaidoyer", "page": "-1"},
        {"q": "plaidoyer", "page": "abc"},
        {"q": "🌍 ∑ ж 中文 plaidoyer"},
    ],
)
def test_bad_input_gives_a_normal_page(dossier, alice_client: Client, params) -> None:
    CommentFactory(dossier=dossier, body="Le plaidoyer et le conflit.")
    response = results(alice_client, **params)
    assert response.context["shown"] == response.context["shown"].replace("\x00", "")
    assert "\x00" not in response.content.decode()


def test_bad_input_is_told_in_french_and_shown_escaped(alice_client: Client) -> None:
    html = results(alice_client, q="<b>plaidoyer</b>").content.decode()
    assert "<b>plaidoyer</b>" not in html
    assert "&lt;b&gt;plaidoyer&lt;/b&gt;" in html
    html = results(alice_client, q="<> & ! | ( ) <->").content.decode()
    assert "&lt;&gt; &amp; ! | ( ) &lt;-&gt;" in html
    assert "aucun mot à rechercher" in html
    html = results(alice_client, q="x" * 5000).content.decode()
    assert "trop longue" in html
    html = results(alice_client).content.decode()
    assert "Tapez un ou plusieurs mots" in html
    html = results(alice_client, q="plaidoyer", region="atlantide").content.decode()
    assert "laissés de côté" in html


def test_an_unknown_page_shows_the_last_one(alice_client: Client) -> None:
    for _ in range(PAGE_SIZE + 1):
        CommentFactory(body="La transition agroécologique.")
    page = results(alice_client, q="agroécologique", page=99999).context["page"]
    assert page.number == 2
    assert len(page.object_list) == 1


# --- Query count -----------------------------------------------------------------------------


def test_the_results_page_query_count_does_not_grow(
    two_regions, alice_client, django_assert_max_num_queries
) -> None:
    def load() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            results(alice_client, q="foncier", region="asie")
        return len(queries)

    few = load()
    for index in range(30):
        dossier = DossierFactory(title=f"Le foncier n°{index}")
        dossier.regions.set(two_regions[1].regions.all())
        dossier.tags.set([f"mot{index}"])
        CommentFactory(dossier=dossier, body="Le foncier encore.")
        AnnotationFactory(dossier=dossier, body="Note sur le foncier.")
    with django_assert_max_num_queries(few):
        results(alice_client, q="foncier", region="asie")


def test_facets_follow_a_change_of_the_dossiers_regions_and_tags(dossier, alice_client) -> None:
    CommentFactory(dossier=dossier, body="La sécurité des défenseurs.")
    dossier.regions.add(RegionFactory(slug="andes", name="Andes"))
    dossier.tags.add("protection")
    facets = results(alice_client, q="sécurité").context["found"].facets
    assert [(v.value, v.count) for v in facets["region"]] == [("andes", 1)]
    assert [(v.value, v.count) for v in facets["tag"]] == [("protection", 1)]
    dossier.regions.clear()
    dossier.period_start, dossier.period_end = 1990, 1991
    dossier.save()
    facets = results(alice_client, q="sécurité").context["found"].facets
    assert facets["region"] == []
    assert [(v.value, v.count) for v in facets["period"]] == [("1990-1999", 1)]


def test_a_reply_found_by_search_leads_to_the_page_that_shows_it(alice_client, alice, dossier):
    # A reply to an annotation is not on the dossier page but on the annotation's own page.
    annotation = AnnotationFactory(dossier=dossier, author=alice, body="Une note.")
    reply = CommentFactory(dossier=dossier, annotation=annotation, body="Les greniers du Sahel")

    response = results(alice_client, q="greniers")
    (entry,) = response.context["found"].page.object_list
    landing = alice_client.get(entry.get_absolute_url())

    assert landing.status_code == 302
    assert landing["Location"] == reply.page_url()
    assert landing["Location"].startswith(annotation.get_absolute_url())
