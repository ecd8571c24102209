"""PostgreSQL: the GIN index without its pending list (fastupdate off).

With fastupdate on, new entries wait in an unsorted list that every search scans until a
vacuum merges it (up to 4 MB), a cost on each query (docs/bench.md). Comments arrive one at a
time, so updating the index at once costs little; a rebuild creates the index after the
bulk insert anyway (search.index.rebuild_index).
"""

from django.db import migrations


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_dossier_facets_on_entries"),
    ]

    operations = [
        migrations.RunPython(
            _run("ALTER INDEX search_entry_vector_gin SET (fastupdate = off)"),
            _run("ALTER INDEX search_entry_vector_gin RESET (fastupdate)"),
        ),
    ]
