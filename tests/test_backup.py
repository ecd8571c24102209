"""manage.py backup and restore: back up, drop, restore; the pages render and the counts match.

On PostgreSQL through pg_dump and pg_restore, on SQLite through its online backup API: the
test database itself is dropped and restored, so these tests run outside a transaction.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from accounts.models import User
from discussions.models import Comment
from dossiers.backup import count_rows
from dossiers.models import Dossier
from tests.conftest import client_for
from tests.factories import DossierFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n% contenu original du dossier\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def tables_again() -> Iterator[None]:
    """If a test fails with the database dropped, the next tests still find their tables."""
    yield
    if not connection.introspection.table_names():
        call_command("migrate", verbosity=0)


@pytest.fixture
def site(media) -> dict[str, object]:
    """Members, a dossier with its original PDF and a comment, posted as a member would."""
    alice = UserFactory(email="alice@example.org")
    UserFactory.create_batch(3)
    dossier = DossierFactory(slug="societes-civiles", title="Accompagner les sociétés civiles")
    dossier.original_file.save("rapport.pdf", ContentFile(PDF))
    DossierFactory.create_batch(2)
    response = client_for(alice).post(
        reverse("discussions:comment-create"),
        {"kind": "dossier", "pk": dossier.pk, "body": "Sauvegardé, puis restauré."},
    )
    assert response.status_code == 302
    return {"alice": alice, "dossier": dossier}


def every_count() -> dict[str, int]:
    return count_rows(connection.introspection.table_names())


def drop_the_database() -> None:
    """What `dropdb` then `createdb` leave: a database without a single table."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        connection.ensure_connection()
        sqlite3.connect(":memory:").backup(connection.connection)
    assert connection.introspection.table_names() == []


def assert_the_manifest_lists_each_file_and_row_count(archive: Path, site) -> None:
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = set(tar.getnames())
    assert names == {"manifest.json", *manifest["files"]}
    assert f"media/{site['dossier'].original_file.name}" in manifest["files"]
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())
    assert manifest["row_counts"]["dossiers_dossier"] == 3
    assert archive.stat().st_mode & 0o077 == 0, "only its owner reads the archive"


def test_a_backup_restored_into_an_empty_database_has_the_same_rows_pages_and_files(
    site, media, tmp_path
) -> None:
    archive = tmp_path / "site.tar"
    counts = every_count()
    call_command("backup", str(archive), stdout=io.StringIO())
    assert_the_manifest_lists_each_file_and_row_count(archive, site)
    drop_the_database()
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    assert "counts match" in out.getvalue()
    assert every_count() == counts
    assert (User.objects.count(), Dossier.objects.count(), Comment.objects.count()) == (4, 3, 1)
    client = client_for(User.objects.get(email="alice@example.org"))
    page = client.get(reverse("dossiers:detail", args=["societes-civiles"]))
    assert page.status_code == 200 and "Sauvegardé, puis restauré." in page.content.decode()
    original = client.get(reverse("dossiers:original", args=["societes-civiles"]))
    assert original.status_code == 200 and b"".join(original.streaming_content) == PDF
    search = client.get(reverse("search:results"), {"q": "sociétés civiles"})
    assert (
        search.status_code == 200 and "Accompagner les sociétés civiles" in search.content.decode()
    )


def test_the_restore_refuses_a_damaged_archive_then_a_database_with_tables_unless_forced(
    site, tmp_path
) -> None:
    archive = tmp_path / "site.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    data = archive.read_bytes()
    assert data.count(b"contenu original") == 1
    damaged = tmp_path / "damaged.tar"
    damaged.write_bytes(data.replace(b"contenu original", b"contenu ORIGINAL"))
    Comment.objects.all().delete()
    counts = every_count()

    with pytest.raises(CommandError, match="rapport.*is damaged"):
        call_command("restore", str(damaged), "--force", stdout=io.StringIO())
    with pytest.raises(CommandError, match="is damaged"):
        call_command("restore", str(damaged), "--check", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Refusing to restore over existing data"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert every_count() == counts, "nothing was touched"

    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert Comment.objects.count() == 1


@pytest.mark.django_db  # refused before the database is read
def test_an_archive_is_never_overwritten(tmp_path) -> None:
    archive = tmp_path / "site.tar"
    archive.write_bytes(b"an older backup")

    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive), stdout=io.StringIO())
    assert archive.read_bytes() == b"an older backup"
