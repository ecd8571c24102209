"""Ranking by fields and stems (docs/search.md): what the new candidate tiers and the ranking
read.

- title_key, the title's and summary's stems and the word counts of the three fields,
  computed in Python (search.index) for every entry, filled here for the existing ones;
- PostgreSQL: head_vector (title A, summary B) filled by the same trigger as vector, with its
  own GIN index: the title-and-summary tier of candidates;
- SQLite: search_fts re-indexed with the Snowball French stemmer (search_stem) instead of the
  light plural stemmer, the same algorithm as PostgreSQL's french_stem; its triggers call it.

As in 0002: a later migration that alters search_searchentry makes Django's SQLite backend
rebuild the table, which drops the search_fts triggers; such a migration must create them
again (SQLITE_TRIGGERS below).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations, models

from search.parsing import spaced_stems, title_key, word_count

# Rowids: priority * 1099511627776 (2**40) + entry id, as in 0003.
SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, search_stem(new.title),
                search_stem(new.summary), search_stem(new.body));
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
        VALUES (new.priority * 1099511627776 + new.id, search_stem(new.title),
                search_stem(new.summary), search_stem(new.body));
    END
    """,
]
SQLITE_FORWARD = [
    *SQLITE_TRIGGERS,
    "DELETE FROM search_fts",
    """
    INSERT INTO search_fts(rowid, title, summary, body)
    SELECT priority * 1099511627776 + id, search_stem(title), search_stem(summary),
           search_stem(body)
    FROM search_searchentry
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
]
POSTGRESQL_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.head_vector :=
            setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.summary, '')), 'B');
        NEW.vector :=
            NEW.head_vector
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    UPDATE search_searchentry SET head_vector =
        setweight(to_tsvector('french_unaccent', coalesce(title, '')), 'A')
        || setweight(to_tsvector('french_unaccent', coalesce(summary, '')), 'B')
    """,
    # The updates above left deferred foreign-key checks pending on the table, and
    # PostgreSQL refuses to index a table with pending trigger events: run them now.
    "SET CONSTRAINTS ALL IMMEDIATE",
    "CREATE INDEX search_entry_head_gin ON search_searchentry USING gin (head_vector)"
    " WITH (fastupdate = off)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_head_gin",
    """
    CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$
    """,
]


def fill_lengths(apps, schema_editor):
    entry_model = apps.get_model("search", "SearchEntry")
    entries = entry_model.objects.only("title", "summary", "body")
    batch = []
    for entry in entries.iterator(chunk_size=1000):
        entry.title_key = title_key(entry.title)
        entry.title_stems = spaced_stems(entry.title)
        entry.summary_stems = spaced_stems(entry.summary)
        entry.title_words = word_count(entry.title)
        entry.summary_words = word_count(entry.summary)
        entry.body_words = word_count(entry.body)
        batch.append(entry)
        if len(batch) == 1000:
            _save(entry_model, batch)
            batch = []
    _save(entry_model, batch)


def _save(entry_model, batch):
    fields = ["title_key", "title_stems", "summary_stems", "title_words", "summary_words"]
    fields.append("body_words")
    entry_model.objects.bulk_update(batch, fields)


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0008_field_reports"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="body_words",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="head_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="summary_words",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_key",
            field=models.CharField(editable=False, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_words",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="title_stems",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="summary_stems",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["title_key"], name="search_entry_title_key"),
        ),
        migrations.RunPython(fill_lengths, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD}),
        ),
    ]
