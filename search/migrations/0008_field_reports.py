"""Field reports are searchable: a new kind of entry.

Changing the kind's check constraint makes Django's SQLite backend rebuild
search_searchentry, which drops the triggers that keep search_fts current (see 0002, 0003,
0006); they are created again here, as 0006 left them. The rebuilt table keeps its ids, so
search_fts's rowids (priority * 2**40 + id) still name the same entries. PostgreSQL alters the
constraint in place and keeps its trigger.
"""

from django.db import migrations, models

SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, summary, body)
        VALUES (new.priority * 1099511627776 + new.id, search_light_stem(new.title),
                search_light_stem(new.summary), search_light_stem(new.body));
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
        VALUES (new.priority * 1099511627776 + new.id, search_light_stem(new.title),
                search_light_stem(new.summary), search_light_stem(new.body));
    END
    """,
]


def sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_kind_candidate_order"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="searchentry",
            name="search_entry_kind_known",
        ),
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("dossier", "Dossier"),
                    ("case_study", "Case study"),
                    ("recommendation", "Recommendation"),
                    ("question", "Question"),
                    ("comment", "Comment"),
                    ("annotation", "Annotation"),
                    ("field_report", "Field report"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "kind__in",
                        [
                            "dossier",
                            "case_study",
                            "recommendation",
                            "question",
                            "comment",
                            "annotation",
                            "field_report",
                        ],
                    )
                ),
                name="search_entry_kind_known",
            ),
        ),
        # Both ways: a rebuild on SQLite drops the triggers, forwards and backwards.
        migrations.RunPython(sqlite_triggers, sqlite_triggers),
    ]
