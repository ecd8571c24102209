"""Write the database and the media files to one checked archive (see dossiers.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dossiers.backup import BackupError, backup_write


class Command(BaseCommand):
    help = "Back up the database and the media files to one archive with SHA-256 checksums."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "destination",
            help="the archive to write (.tar), or a folder to write a dated one in",
        )

    def handle(self, *args: Any, destination: str, **options: Any) -> None:
        path = Path(destination)
        if path.is_dir() or destination.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
            path = path / f"ccfd-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
        if path.exists():
            raise CommandError(f"{path} exists already; an archive is never overwritten.")
        try:
            manifest = backup_write(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = len(manifest["files"]) - 1
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            f"{path}: {rows} rows in {len(manifest['row_counts'])} tables, {media} media files, "
            f"{path.stat().st_size / 1e6:.1f} MB."
        )
