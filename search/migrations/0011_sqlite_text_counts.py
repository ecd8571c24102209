"""SQLite: how often each stem occurs in an entry's text (search.parsing.stem_counts), so that
a search reads a few hundred bytes per candidate instead of a text of up to 10,000 words
(docs/search.md). Filled here for the existing entries; PostgreSQL reads the same counts from
the stored tsvector and leaves the column NULL.

A nullable column without default: Django's SQLite backend adds it with ALTER TABLE, without
rebuilding the table, so search_fts's triggers stay.
"""

from django.db import migrations, models

from search.parsing import stem_counts


def fill_counts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    entry_model = apps.get_model("search", "SearchEntry")
    batch = []
    for entry in entry_model.objects.only("body").iterator(chunk_size=1000):
        entry.text_counts = stem_counts(entry.body)
        batch.append(entry)
        if len(batch) == 1000:
            entry_model.objects.bulk_update(batch, ["text_counts"])
            batch = []
    entry_model.objects.bulk_update(batch, ["text_counts"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0010_syntheses"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="text_counts",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop),
    ]
