"""The whole site in one checked archive: the database and the media files.

The archive is a tar file holding
  database.pgdump   pg_dump's custom format (PostgreSQL), or database.sqlite3 (SQLite's
                    online backup API), with the row count of every table taken in the same
                    snapshot as the dump;
  media/…           every file under MEDIA_ROOT (the dossiers' original PDFs);
  manifest.json     the SHA-256 and size of each of those files, and the row counts.
A restore checks every checksum before it touches anything, refuses a database that has tables
or a media folder that has files unless forced, and compares the row counts afterwards.
It lives in dossiers because the media files are the dossiers' originals; the project package
is not an installed app, so it could not hold management commands.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Restored:
    manifest: dict[str, Any]
    media_files: int
    # Tables the database had that the archive does not (after --force): kept, not dropped.
    other_tables: list[str] = field(default_factory=list)


def backup_write(*, path: Path) -> dict[str, Any]:
    """Write the archive to `path` (first as path.partial, renamed once complete)."""
    database = DATABASE_FILES.get(connection.vendor)
    if database is None:
        raise BackupError(f"Backups know PostgreSQL and SQLite, not {connection.vendor}.")
    partial = path.with_name(path.name + ".partial")
    files: dict[str, dict[str, Any]] = {}
    partial.touch(mode=0o600)  # password hashes and private notes: for the owner's eyes only
    try:
        with tempfile.TemporaryDirectory() as work, tarfile.open(partial, "w") as archive:
            dump = Path(work) / database
            row_counts = (
                postgresql_dump(dump) if connection.vendor == "postgresql" else sqlite_dump(dump)
            )
            files[database] = add_file(archive, dump, database)
            media_root = Path(settings.MEDIA_ROOT)
            for source in media_files(media_root):
                name = MEDIA + source.relative_to(media_root).as_posix()
                files[name] = add_file(archive, source, name)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "engine": connection.vendor,
                "database": database,
                "row_counts": row_counts,
                "files": files,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
            archive.addfile(info, io.BytesIO(data))
    except BaseException:
        partial.unlink(missing_ok=True)  # no half-written archive is left behind
        raise
    partial.rename(path)
    return manifest


def backup_check(*, path: Path) -> dict[str, Any]:
    """The archive's manifest, once every file in it matched its size and SHA-256."""
    try:
        with tarfile.open(path) as archive:
            manifest = read_manifest(archive)
            members = {member.name: member for member in archive.getmembers()}
            extra = sorted(set(members) - set(manifest["files"]) - {MANIFEST})
            missing = sorted(set(manifest["files"]) - set(members))
            if extra or missing:
                raise BackupError(
                    f"{path} does not match its manifest: "
                    f"missing {missing or 'nothing'}, unexpected {extra or 'nothing'}."
                )
            for name, expected in manifest["files"].items():
                copy_checked(archive, members[name], expected, to=None)
    except (tarfile.TarError, OSError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise BackupError(f"{path} is not a readable backup archive: {error}") from error
    return manifest


def backup_restore(*, path: Path, force: bool = False) -> Restored:
    """Restore the archive into the configured database and MEDIA_ROOT.

    Refuses a database that has tables, or a media folder that has files, unless `force`:
    then what the archive holds replaces what is there (PostgreSQL: in one transaction, so a
    failure leaves the database as it was) and other files and tables stay.
    """
    manifest = backup_check(path=path)
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"{path} holds a {manifest['engine']} database; this site runs on {connection.vendor}."
        )
    media_root = Path(settings.MEDIA_ROOT)
    tables_before = set(connection.introspection.table_names())
    occupied = []
    if tables_before:
        occupied.append(
            f"the database {connection.settings_dict['NAME']} has {len(tables_before)} tables"
        )
    if any(media_files(media_root)):
        occupied.append(f"{media_root} holds files")
    if occupied and not force:
        raise BackupError(
            f"Refusing to restore over existing data: {' and '.join(occupied)}. "
            "Restore into a new empty database (createdb) and media folder, "
            "or pass --force to replace them."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(path) as archive:
        database = manifest["database"]
        dump = Path(work) / database
        with dump.open("wb") as target:
            copy_checked(archive, archive.getmember(database), manifest["files"][database], target)
        if connection.vendor == "postgresql":
            postgresql_load(dump, clean=bool(tables_before))
        else:
            sqlite_load(dump)
        media = [name for name in manifest["files"] if name.startswith(MEDIA)]
        for name in media:
            target_path = media_path(media_root, name)
            target_path.parent.mkdir(parents=True, exist_ok=True)
            with target_path.open("wb") as target:
                copy_checked(archive, archive.getmember(name), manifest["files"][name], target)
    counts = count_rows(manifest["row_counts"])
    wrong = {
        table: f"{expected} in the archive, {counts[table]} restored"
        for table, expected in manifest["row_counts"].items()
        if counts[table] != expected
    }
    if wrong:
        raise BackupError(f"The restored row counts differ from the archive's: {wrong}")
    other = sorted(set(connection.introspection.table_names()) - set(manifest["row_counts"]))
    return Restored(manifest=manifest, media_files=len(media), other_tables=other)


# --- The two databases ------------------------------------------------------------------


def postgresql_dump(target: Path) -> dict[str, int]:
    """pg_dump in a snapshot exported from this connection, whose row counts go with it."""
    if not connection.get_autocommit():
        raise BackupError("A backup must run outside a transaction.")
    with connection.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            counts = count_rows(connection.introspection.table_names(cursor), cursor)
            run_postgresql(
                "pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"
            )
        finally:
            cursor.execute("ROLLBACK")
    return counts


def postgresql_load(dump: Path, *, clean: bool) -> None:
    options = ["--single-transaction", "--no-owner", "--no-privileges"]
    if clean:  # drop each object of the archive before creating it again
        options += ["--clean", "--if-exists"]
    run_postgresql("pg_restore", *options, str(dump))


def run_postgresql(program: str, *arguments: str) -> None:
    """Run pg_dump or pg_restore on the configured database, its password in the environment."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (Debian: postgresql-client).")
    db = connection.settings_dict
    command = [executable, *arguments]
    for option, key in (("--username", "USER"), ("--host", "HOST"), ("--port", "PORT")):
        if db.get(key):
            command.append(f"{option}={db[key]}")
    if db.get("NAME"):
        command.append(f"--dbname={db['NAME']}")
    # PGPASSWORD, PGSSLMODE, PGSERVICE… as Django's own dbshell passes them.
    _, env = connection.client.settings_to_cmd_args_env(db, [])
    result = subprocess.run(  # noqa: S603 the PostgreSQL client found on PATH, no shell
        command, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def sqlite_dump(target: Path) -> dict[str, int]:
    """A consistent copy through SQLite's online backup; the rows are counted in the copy."""
    connection.ensure_connection()
    tables = connection.introspection.table_names()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        return {table: count_one(copy.cursor(), table) for table in tables}
    finally:
        copy.close()


def sqlite_load(dump: Path) -> None:
    """Replace the whole database's content with the copy, through the same backup API."""
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def count_rows(tables: Any, cursor: Any = None) -> dict[str, int]:
    if cursor is None:
        with connection.cursor() as cursor:
            return {table: count_one(cursor, table) for table in tables}
    return {table: count_one(cursor, table) for table in tables}


def count_one(cursor: Any, table: str) -> int:
    # The name comes from the database's own catalogue (or a checked manifest), quoted.
    cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
    return cursor.fetchone()[0]


# --- Files ------------------------------------------------------------------------------


class HashingReader:
    """Hands tarfile the bytes it copies and hashes them on the way, so what is recorded is
    what was archived, even if the file changes meanwhile."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.sha256.update(data)
        return data


def add_file(archive: tarfile.TarFile, source: Path, name: str) -> dict[str, Any]:
    info = tarfile.TarInfo(name)
    stat = source.stat()
    info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
    with source.open("rb") as stream:
        reader = HashingReader(stream)
        archive.addfile(info, reader)
    return {"sha256": reader.sha256.hexdigest(), "size": info.size}


def copy_checked(
    archive: tarfile.TarFile,
    member: tarfile.TarInfo,
    expected: dict[str, Any],
    to: IO[bytes] | None,
) -> None:
    """Copy a member's bytes to `to` (or nowhere), failing unless they match the manifest."""
    if not member.isfile():
        raise BackupError(f"{member.name} in the archive is not a regular file.")
    stream = archive.extractfile(member)
    assert stream is not None  # a regular file always has content
    sha256 = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        sha256.update(chunk)
        size += len(chunk)
        if to is not None:
            to.write(chunk)
    if size != expected["size"] or sha256.hexdigest() != expected["sha256"]:
        raise BackupError(f"{member.name} is damaged: its checksum differs from the manifest's.")


def read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    stream = archive.extractfile(MANIFEST)
    if stream is None:
        raise BackupError(f"{MANIFEST} in the archive is not a file.")
    manifest = json.load(stream)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}, expected {FORMAT}.")
    if (
        manifest["database"] not in DATABASE_FILES.values()
        or manifest["database"] not in manifest["files"]
    ):
        raise BackupError("The manifest names no database dump.")
    for name in manifest["files"]:
        path = PurePosixPath(name)
        if name != manifest["database"] and (
            not name.startswith(MEDIA) or path.is_absolute() or ".." in path.parts
        ):
            raise BackupError(f"The manifest names a file outside the media folder: {name}")
    return manifest


def media_files(root: Path) -> Iterator[Path]:
    """Every file under the media folder, in a stable order."""
    if root.is_dir():
        yield from sorted(path for path in root.rglob("*") if path.is_file())


def media_path(root: Path, name: str) -> Path:
    target = (root / name.removeprefix(MEDIA)).resolve()
    if not target.is_relative_to(root.resolve()):
        raise BackupError(f"{name} would be written outside {root}.")
    return target
