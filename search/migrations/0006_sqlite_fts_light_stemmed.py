"""SQLite: index light-stemmed text ("partenariats" → "partenariat"), so queries need no
prefix search (see search.parsing.fts5_query).

The triggers call search_light_stem, a Python function that search.apps registers on every
SQLite connection Django opens; a write to search_searchentry from outside Django (the
sqlite3 shell) fails for want of it. The text shown in results stays in search_searchentry.

As in 0002: a later migration that alters search_searchentry makes Django's SQLite backend
rebuild the table, which drops these triggers; such a migration must create them again.
"""

from django.db import migrations

# Rowids: priority * 1099511627776 (2**40) + entry id, as in 0003.
FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DELETE FROM search_fts",
    """
    INSERT INTO search_fts(rowid, title, summary, body)
    SELECT priority * 1099511627776 + id, search_light_stem(title),
           search_light_stem(summary), search_light_stem(body)
    FROM search_searchentry
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, search_light_stem(new.title),
                search_light_stem(new.summary), search_light_stem(new.body));
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE OF title, summary, body, priority
    ON search_searchentry BEGIN
        DELETE FROM search_fts WHERE rowid = old.priority * 1099511627776 + old.id;
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, search_light_stem(new.title),
                search_light_stem(new.summary), search_light_stem(new.body));
    END
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DELETE FROM search_fts",
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
    CREATE TRIGGER search_fts_update AFTER UPDATE OF title, summary, body, priority
    ON search_searchentry BEGIN
        DELETE FROM search_fts WHERE rowid = old.priority * 1099511627776 + old.id;
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, new.title, new.summary, new.body);
    END
    """,
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_postgresql_gin_without_pending_list"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
