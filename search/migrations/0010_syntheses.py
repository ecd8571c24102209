"""Syntheses are searchable (app `syntheses`): a new kind of entry.

As in 0008: changing the kind's check constraint makes Django's SQLite backend rebuild
search_searchentry, which drops the triggers that keep search_fts current; they are created
again here as 0009 left them (its SQLITE_TRIGGERS, read from it so they cannot drift apart).
PostgreSQL alters the constraint in place and keeps its trigger.
"""

from importlib import import_module

from django.db import migrations, models

KINDS = [
    ("dossier", "Dossier"),
    ("case_study", "Case study"),
    ("recommendation", "Recommendation"),
    ("question", "Question"),
    ("comment", "Comment"),
    ("annotation", "Annotation"),
    ("field_report", "Field report"),
    ("synthesis", "Synthesis"),
]


def sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        previous = import_module("search.migrations.0009_ranking_by_fields_and_stems")
        for statement in previous.SQLITE_TRIGGERS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0009_ranking_by_fields_and_stems"),
        ("syntheses", "0001_synthesis_and_citations"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="searchentry", name="search_entry_kind_known"),
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(choices=KINDS, max_length=20, verbose_name="kind"),
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", [kind for kind, _label in KINDS])),
                name="search_entry_kind_known",
            ),
        ),
        # Both ways: a rebuild on SQLite drops the triggers, forwards and backwards.
        migrations.RunPython(sqlite_triggers, sqlite_triggers),
    ]
