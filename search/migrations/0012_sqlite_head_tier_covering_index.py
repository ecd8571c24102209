"""SQLite: an index holding every column the candidate tiers read of an entry (docs/search.md).

SQLite stores a row's columns in order, and the ones the tiers read — `published`, `owner`,
`kind`, the stems and lengths — come after `body`: reading them from a 10,000-word dossier
walks the body's overflow pages. A frequent word's title-and-summary tier does that for
thousands of rows (4,583 for « partenaires » at 100,000 items). From this covering index,
looked up by id once the table is analysed (done here), the tier's query takes 9.8 instead of
14.8 ms of CPU. PostgreSQL keeps long texts out of line (TOAST) and needs no such index.

Raw SQL, not in the model's Meta: a migration that makes Django rebuild search_searchentry on
SQLite drops it, as it drops search_fts's triggers, and must create both again.
"""

from django.db import migrations

INDEX = "search_entry_head_columns"
COLUMNS = (
    "id, published, owner_id, kind, dossier_id, priority, object_id, title_key, title_words,"
    " summary_words, title_stems, summary_stems"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry ({COLUMNS})"
        )
        # Without statistics SQLite reads the rows by their rowid, not from the index
        # (rebuild_search_index and generate_corpus analyse too).
        schema_editor.execute("ANALYZE search_searchentry")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0011_sqlite_text_counts"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
