"""SQLite: rebuild search_fts so that its rowid gives the candidate order.

FTS5 returns matches in rowid order. With rowid = priority * 2**40 + entry id, a query
ordered by rowid descending gets dossier content first, then the newest contributions, and
stops after the candidate limit without sorting or ranking every match (README, "Search
design"). The table now keeps its own copy of the text: an external-content table must share
the entry table's rowid. PostgreSQL is unchanged.

As in 0002: a later migration that alters search_searchentry makes Django's SQLite backend
rebuild the table, which drops these triggers; such a migration must create them again.
"""

from importlib import import_module

from django.db import migrations

# Rowids below: priority * 1099511627776 (2**40) + entry id.
FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    INSERT INTO search_fts(rowid, title, summary, body)
    SELECT priority * 1099511627776 + id, title, summary, body FROM search_searchentry
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, new.title, new.summary, new.body);
    END
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        DELETE FROM search_fts WHERE rowid = old.priority * 1099511627776 + old.id;
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE OF title, summary, body, priority
    ON search_searchentry BEGIN
        DELETE FROM search_fts WHERE rowid = old.priority * 1099511627776 + old.id;
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, new.title, new.summary, new.body);
    END
    """,
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
    # Back to 0002's external-content table, filled again from the entries.
    *import_module("search.migrations.0002_full_text_index").SQLITE_FORWARD,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_full_text_index"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
