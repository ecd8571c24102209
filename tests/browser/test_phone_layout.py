"""On a 360 px phone no page scrolls sideways: the header wraps, the annotation panel fits.

Measured in Debian's Chromium with the demo content (long French titles and names), logged
in as a moderator so that the header holds every link a member can have."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

from accounts.models import User
from dossiers.models import Dossier
from tests.browser.conftest import log_in
from tests.discussions.factories import CommentFactory
from tests.factories import AnnotationFactory

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the groups of the data migration after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}
DOSSIER = "/dossiers/partenariats-en-zones-de-conflit/"

# What overflows, to say so when the test fails: the elements wider than the viewport.
WIDEST = """() => Array.from(document.querySelectorAll('body *'))
  .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
  .filter((element) => getComputedStyle(element).position !== 'fixed' || element.offsetParent)
  .slice(0, 5)
  .map((element) => `${element.tagName.toLowerCase()}.${element.className} `
    + `right=${Math.round(element.getBoundingClientRect().right)}`)"""


@pytest.fixture
def phone(chromium: Any, live_server: Any, console_errors: list[str]) -> Iterator[Any]:
    call_command("load_demo", force=True, verbosity=0)
    page = log_in(chromium, live_server, "ines.garcia@example.org", console_errors, viewport=PHONE)
    yield page


def scroll_width(page: Any) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/dossiers/",
        DOSSIER,
        "/recherche/?q=partenaires",
        "/discussions/notifications/",
        "/compte/",
        "/discussions/moderation/",
    ],
)
def test_no_main_page_scrolls_sideways_on_a_360_px_phone(
    phone: Any, live_server: Any, path: str
) -> None:
    phone.goto(f"{live_server.url}{path}")
    assert scroll_width(phone) <= PHONE["width"], phone.evaluate(WIDEST)
    # The header's search button is whole, inside the screen.
    button = phone.locator(".site-header button[type=submit]", has_text="Rechercher")
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_the_open_annotation_panel_fits_a_360_px_phone(phone: Any, live_server: Any) -> None:
    dossier = Dossier.objects.get(slug=DOSSIER.split("/")[2])
    note = AnnotationFactory(
        dossier=dossier,
        author=User.objects.get(email="member@example.org"),
        body="Voir https://example.org/un/chemin/tres/long/qui/ne/se/coupe/pas/facilement",
        tags=["gouvernance-partagée-des-territoires"],
    )
    CommentFactory(dossier=dossier, annotation=note, body="Une réponse.")
    phone.goto(f"{live_server.url}{DOSSIER}")
    phone.wait_for_load_state("networkidle")
    phone.locator("[data-annotation-open-list]").click()
    panel = phone.locator("#annotation-panel")
    panel.wait_for()
    fits(phone)
    phone.locator(".annotation-list__open").first.click()
    phone.locator("#annotation-panel .thread").wait_for()  # the note and its replies
    fits(phone)


def fits(page: Any) -> None:
    """The panel inside the screen, nothing in it wider than it, the page not wider."""
    box = page.locator("#annotation-panel").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.getElementById('annotation-panel').scrollWidth") <= (
        page.evaluate("document.getElementById('annotation-panel').clientWidth")
    ), page.evaluate(WIDEST)
    assert scroll_width(page) <= PHONE["width"], page.evaluate(WIDEST)
