"""CACHE_URL's key prefix reaches Django's Redis backend (django-environ lowercases it for
that backend, and Django reads it upper-case only)."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings

PRINT_KEY = """
import django
django.setup()
from django.core.cache import cache
print(cache.make_key("x"))
"""


def test_a_key_prefix_in_cache_url_is_applied() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="ccfd_community.settings",
        CACHE_URL="redis://127.0.0.1:6379/1?key_prefix=site",
    )
    result = subprocess.run(  # noqa: S603 our own interpreter and a fixed script
        [sys.executable, "-c", PRINT_KEY],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "site:1:x"
