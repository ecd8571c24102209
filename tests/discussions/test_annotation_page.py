"""The reading page's side of annotations: body markers, the panel, a flat query count."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discussions.models import Comment
from tests.discussions.test_annotation_api import BODY, PASSAGE
from tests.factories import (
    AnnotationFactory,
    CaseStudyFactory,
    DossierFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


def test_the_page_marks_each_body_and_carries_the_panel(alice_client):
    dossier = DossierFactory(body=BODY)
    case = CaseStudyFactory(dossier=dossier)
    recommendation = RecommendationFactory(dossier=dossier)
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    assert f'id="corps" data-annotation-target="dossier:{dossier.pk}"' in html
    assert f'data-annotation-target="etude:{case.pk}"' in html
    assert f'data-annotation-target="recommandation:{recommendation.pk}"' in html
    assert f'data-list-url="/discussions/annotations/?dossier={dossier.pk}"' in html
    assert 'data-thread-url="/discussions/fil/annotation/0/"' in html
    assert '<script type="module" src="/static/js/annotations.js"></script>' in html
    assert 'id="annotation-panel"' in html and "Passage modifié" in html
    assert "Annoter" in html and "Alt+A" in html
    # Strict CSP: no inline script, no style attribute.
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*json)[^>]*>", html)
    assert " style=" not in html


def test_the_body_text_stored_is_the_text_the_page_shows(alice_client):
    dossier = DossierFactory(body=BODY)
    html = alice_client.get(dossier.get_absolute_url()).content.decode()
    # The body's HTML sits in its container with nothing around it, so the container's
    # textContent (what the browser counts in) is exactly body_text.
    assert f'data-annotation-target="dossier:{dossier.pk}">{dossier.body_html}</div>' in html


def test_private_notes_never_reach_the_page_html(alice, bob_client):
    dossier = DossierFactory(body=BODY)
    AnnotationFactory(
        author=alice,
        dossier=dossier,
        exact=PASSAGE,
        body="Note très personnelle",
        visibility="private",
    )
    assert "très personnelle" not in bob_client.get(dossier.get_absolute_url()).content.decode()


def page_queries(client, dossier) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(dossier.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def test_the_page_query_count_is_the_same_with_1_or_300_annotations(alice, bob, alice_client):
    one, many = DossierFactory(body=BODY), DossierFactory(body=BODY)
    for dossier, count in ((one, 1), (many, 300)):
        for n in range(count):
            annotation = AnnotationFactory(
                author=alice if n % 3 else bob, dossier=dossier, exact=PASSAGE, tags=["t"]
            )
            if n % 2:
                Comment.objects.create(
                    dossier=dossier, annotation=annotation, author=bob, body="Réponse."
                )
    # Warm the caches: those both pages share, and each page's own shared fragments
    # (dossiers/page_cache.py), which a first visit renders with four more queries.
    page_queries(alice_client, one), page_queries(alice_client, many)
    assert page_queries(alice_client, one) == page_queries(alice_client, many)
