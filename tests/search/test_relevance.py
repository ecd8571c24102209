"""The relevance set (docs/search.md) on a small corpus, on whichever database the suite runs.

The corpus is bench/bench_search.py's (`manage.py generate_corpus`) at a fiftieth of its size,
with its known items; the candidate tiers are made small (SMALL) so that its frequent words
overflow them as they overflow the real ones at 100,000 items. `make bench` runs the same set
at full size on both databases and compares their first ten.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from taggit.models import Tag

from accounts.models import User
from discussions.models import Annotation, Comment
from dossiers.models import Dossier, Region, Theme
from search.candidates import query_key, query_stems
from search.management.commands.generate_corpus import (
    DOMAIN_WORDS,
    FREQUENT_WORDS,
    KNOWN_ITEMS,
    RARE_WORDS,
    is_known_item,
)
from search.models import SearchEntry
from search.parsing import fts5_query, parse_query, stem, stems, title_key, word_count
from search.query import search
from search.ranking import Candidate, rank

pytestmark = pytest.mark.django_db

# Tier limits (title and summary, cheap order) a tenth of the real ones' (search.query).
SMALL = (30, 20)
# What generate_corpus adds besides dossiers and users.
VOCABULARY = (Region, Theme, Tag)


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The corpus, made once for the module and removed after it (each test's own changes
    are rolled back as usual)."""
    with django_db_blocker.unblock():
        before = {model: set(model.objects.values_list("pk", flat=True)) for model in VOCABULARY}
        with open("/dev/null", "w") as devnull:
            call_command(
                "generate_corpus", dossiers=40, comments=1500, annotations=140, stdout=devnull
            )
        yield
        # Annotations protect their dossier, comments and annotations their author.
        Comment.objects.filter(author__email__startswith="corpus").delete()
        Annotation.objects.filter(author__email__startswith="corpus").delete()
        Dossier.objects.filter(slug__startswith="corpus-").delete()
        User.objects.filter(email__startswith="corpus").delete()
        for model, pks in before.items():
            model.objects.exclude(pk__in=pks).delete()


@pytest.fixture
def member(corpus, db) -> User:
    return User.objects.filter(email__startswith="corpus").first()


def _top(member: User, text: str, **options) -> list[tuple[str, int]]:
    found = search(member, parse_query(text), **options)
    return [(entry.kind, entry.object_id) for entry in found.page.object_list[:10]]


def test_each_known_item_comes_first(member) -> None:
    for text, kind, mark, what in KNOWN_ITEMS:
        for limits in (SMALL, None):
            found = search(member, parse_query(text), limits=limits)
            first = found.page.object_list[0]
            assert is_known_item(first, kind, mark), (what, text, first.kind, first.title)


def test_frequent_words_share_nine_of_their_first_ten_with_the_oracle(member) -> None:
    overlaps = {}
    for word in FREQUENT_WORDS:
        found = search(member, parse_query(word), limits=SMALL)
        assert found.capped  # the tiers did leave matches out
        app = [(entry.kind, entry.object_id) for entry in found.page.object_list[:10]]
        overlaps[word] = len(set(app) & set(_top(member, word, limits=None)))
    assert min(overlaps.values()) >= 9, overlaps


def test_a_dossier_retitled_partenaires_comes_first(member) -> None:
    # The longest dossier that speaks of partners: long bodies no longer win by length.
    dossier = max(
        Dossier.objects.filter(status="published", body_text__contains="partenaires"),
        key=lambda d: len(d.body_text),
    )
    assert word_count(dossier.body_text) >= 5000
    for known in Dossier.objects.filter(title="Partenaires"):  # the corpus's own known item
        known.title = "Un autre titre"
        known.save()
    dossier.title = "Partenaires"
    dossier.save()
    for limits in (SMALL, None):
        assert _top(member, "partenaires", limits=limits)[0] == ("dossier", dossier.pk)


def _reference(member: User, text: str) -> list[tuple[str, int]]:
    """The first ten by search.ranking over every readable match, counted in Python from the
    entries' own texts: what both databases must give."""
    parsed = parse_query(text)
    wanted = query_stems(parsed)
    candidates, object_ids = [], {}
    for entry in SearchEntry.objects.readable_by(member).iterator():
        fields = [stems(entry.title), stems(entry.summary), stems(entry.body)]
        if not all(any(stem in field for field in fields) for stem in wanted):
            continue
        counts = [tuple(field.count(stem) for field in fields) for stem in wanted]
        lengths = (len(fields[0]), len(fields[1]), len(fields[2]))
        object_ids[entry.pk] = entry.object_id
        candidates.append(
            Candidate(
                entry.pk,
                entry.kind,
                entry.dossier_id,
                None,
                None,
                None,
                entry.title_key,
                lengths,
                counts,
            )  # fmt: skip
        )
    ranked = rank(candidates, query_key(parsed))
    return [(c.kind, object_ids[c.id]) for c in ranked[:10]]


@pytest.mark.parametrize("text", ["partenaires", "plaidoyer", "formation", "droits femmes"])
def test_both_databases_rank_as_the_reference_computed_from_the_texts(member, text) -> None:
    """The same query gives the same first ten on SQLite and PostgreSQL: each gives the
    reference's, up to one item (stemmers tokenise a few words apart)."""
    reference = _reference(member, text)
    assert len(set(_top(member, text)) & set(reference)) >= 9


def test_the_snowball_stemmer_folds_accents_first_as_postgresql_does() -> None:
    assert stem("Partenaires") == stem("partenaire") == "partenair"
    assert stem("réciprocité") == stem("reciprocite") == "reciprocit"
    assert stem("réseaux") == stem("reseau")
    assert title_key("La réciprocité dans les partenariats") == title_key(
        "reciprocite dans les partenariats"
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own stemmer")
def test_python_stems_as_postgresql_stems_the_corpus_words() -> None:
    words = sorted({word.lower() for word in DOMAIN_WORDS + RARE_WORDS})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, tsvector_to_array(to_tsvector('french_unaccent', w))"
            " FROM unnest(%s::text[]) AS w",
            [words],
        )
        postgresql = dict(cursor.fetchall())
    different = {w: (postgresql[w], stem(w)) for w in words if postgresql[w] != [stem(w)]}
    assert different == {}


def test_a_phrase_of_one_word_and_stop_words_is_that_word_as_on_postgresql() -> None:
    assert fts5_query(parse_query('"partenaires de la"')) == '("partenair")'
    assert fts5_query(parse_query('"plaidoyer en zone"')) == '("plaidoi en zon")'
