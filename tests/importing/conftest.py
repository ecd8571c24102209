"""Imports keep their files in a folder of the test's own, never the project's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import office_samples


@pytest.fixture(autouse=True)
def import_storage(settings, tmp_path: Path) -> Path:
    settings.IMPORT_STORAGE_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.IMPORT_STORAGE_ROOT


@pytest.fixture(scope="session")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The .docx, .odt and .md samples, written once per run."""
    folder = tmp_path_factory.mktemp("office-samples")
    built = {kind: office_samples.build(kind, folder) for kind in ("docx", "odt")}
    markdown = folder / "dossier.md"
    markdown.write_text(office_samples.BODY, encoding="utf-8")
    built["md"] = markdown
    return built
