"""What the browser tests share: Debian's Chromium driven by Playwright, and logging in.

The test machines cannot download browsers: Playwright launches /usr/bin/chromium, and the
tests skip (saying why) where it is missing. Playwright's sync API runs an event loop in the
test's thread, so Django's guard against database access from async code is lifted here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "apprendre-ensemble"


@pytest.fixture
def chromium() -> Iterator[Any]:
    """A fresh Chromium per test (a session-wide one would clash with other sync_playwright
    users in the same run)."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Django keeps a connection per context, and the test's database work under
        # Playwright's sync API opens one pytest-django never closes: close it here, or
        # PostgreSQL refuses to drop the test database at the end of the run.
        connections.close_all()


@pytest.fixture
def console_errors() -> list[str]:
    """Filled by `log_in`'s page: console errors, CSP violations included."""
    return []


def log_in(browser: Any, live_server: Any, email: str, errors: list[str], **context: Any) -> Any:
    """A page logged in through the real login form."""
    page = browser.new_page(**context)
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page
