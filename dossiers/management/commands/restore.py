"""Restore an archive written by `manage.py backup`, after checking every checksum."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dossiers.backup import BackupError, backup_check, backup_restore


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from an archive of `manage.py backup`; "
        "a database with tables or a media folder with files is refused without --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="the .tar file written by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the tables and media files that the archive holds, whatever is there",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="only check the archive's checksums; change nothing",
        )

    def handle(self, *args: Any, archive: str, force: bool, check: bool, **options: Any) -> None:
        path = Path(archive)
        try:
            if check:
                manifest = backup_check(path=path)
                self.stdout.write(
                    f"{path}: {len(manifest['files'])} files match their checksums "
                    f"(written {manifest['created_at']})."
                )
                return
            restored = backup_restore(path=path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = restored.manifest["row_counts"]
        self.stdout.write(
            f"Restored {sum(counts.values())} rows in {len(counts)} tables (counts match) "
            f"and {restored.media_files} media files from {path}."
        )
        if restored.other_tables:
            self.stdout.write(
                f"These tables are not in the archive and were kept: "
                f"{', '.join(restored.other_tables)}."
            )
        self.stdout.write("Next: manage.py migrate, if the code is newer than the archive.")
