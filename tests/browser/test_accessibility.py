"""Automated WCAG checks (axe-core) on the main pages, in Debian's Chromium.

axe-core comes from npm (`npm ci --prefix tests/browser`, done by .ci/run); without it or
without Chromium the tests skip and say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import log_in

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not AXE.exists(), reason="axe-core is not installed (npm ci --prefix tests/browser)"
    ),
]


@pytest.fixture
def a11y_page(chromium, live_server, console_errors) -> Iterator[object]:
    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "member@example.org", console_errors)
    page.set_viewport_size({"width": 1280, "height": 900})
    yield page


def axe_violations(page) -> list[str]:
    # evaluate() runs through the DevTools protocol, outside the page's CSP.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']})"
    )
    assert result["passes"], "axe-core ran no check"
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/dossiers/",
        "/dossiers/?region=zzz&period=abc",
        "/dossiers/partenariats-en-zones-de-conflit/",
        "/compte/",
    ],
)
def test_main_pages_have_no_axe_violation(a11y_page, live_server, path: str) -> None:
    a11y_page.goto(f"{live_server.url}{path}")
    assert axe_violations(a11y_page) == []


def test_reporting_and_moderating_an_annotation_have_no_axe_violation(
    chromium, live_server, console_errors
) -> None:
    from accounts.models import User
    from discussions.anchoring import Selector
    from discussions.annotation_services import annotation_create
    from discussions.models import Flag
    from dossiers.models import Dossier

    call_command("load_demo", force=True, verbosity=0)
    dossier = Dossier.objects.get(slug="partenariats-en-zones-de-conflit")
    passage = dossier.body_text.split("\n")[2][:40]
    start = dossier.body_text.index(passage)
    annotation = annotation_create(
        author=User.objects.get(email="member@example.org"),
        body=dossier,
        selector=Selector(exact=passage, start=start, end=start + len(passage)),
        note="Une note à examiner.",
        visibility="shared",
        tags=[],
    )
    Flag.objects.create(
        annotation=annotation,
        reporter=User.objects.get(email="curator@example.org"),
        reason="off_topic",
    )
    page = log_in(chromium, live_server, "ines.garcia@example.org", console_errors)
    for path in [
        "/discussions/moderation/",
        f"/discussions/annotations/{annotation.pk}/masquer/",
        f"/discussions/annotations/{annotation.pk}/signaler/",
    ]:
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert axe_violations(page) == [], path
