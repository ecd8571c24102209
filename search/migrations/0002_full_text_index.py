"""The full-text index of search entries, one per database.

PostgreSQL: the `unaccent` extension, a `french_unaccent` text search configuration (accents
folded, then the French Snowball stemmer), a trigger filling the weighted `vector` column
from title (A), summary (B) and body (C) on every insert and every change of those columns,
and a GIN index on it.

SQLite: an FTS5 table over the same three columns with external content (the text stays in
search_searchentry), accents and case folded by the unicode61 tokenizer, kept current by
triggers. Plurals are handled at query time (search.query).

Beware: a later migration that alters search_searchentry makes Django's SQLite backend
rebuild the table, which drops these triggers; such a migration must create them again.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

POSTGRESQL_FORWARD = [
    """
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)
    """,
    """
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
        ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
        WITH unaccent, french_stem
    """,
    """
    CREATE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER search_entry_vector
        BEFORE INSERT OR UPDATE OF title, summary, body ON search_searchentry
        FOR EACH ROW EXECUTE FUNCTION search_entry_vector()
    """,
    "CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_gin",
    "DROP TRIGGER IF EXISTS search_entry_vector ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entry_vector()",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body,
        content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE OF title, summary, body
    ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_entry"),
    ]

    operations = [
        CreateExtension("unaccent"),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
