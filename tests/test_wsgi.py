"""The WSGI entry point gunicorn loads: the site, with what loading left out of the garbage
collector's full collections (ccfd_community/collector.py)."""

from __future__ import annotations

import gc
import importlib
import sys


def test_loading_the_workers_entry_point_freezes_what_it_loaded() -> None:
    gc.unfreeze()
    try:
        module = sys.modules.get("ccfd_community.wsgi")
        module = (
            importlib.reload(module) if module else importlib.import_module("ccfd_community.wsgi")
        )
        assert callable(module.application)
        # The site's modules, models and URL patterns: tens of thousands of objects.
        assert gc.get_freeze_count() > 10_000
    finally:
        # The test process goes on collecting as before.
        gc.unfreeze()
