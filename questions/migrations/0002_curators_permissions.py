"""Curators gather questions in the admin: they add, change and delete cross-dossier
questions and their gathered questions, and see who read without answering."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATORS = [
    "view_crossquestion",
    "add_crossquestion",
    "change_crossquestion",
    "delete_crossquestion",
    "view_groupedquestion",
    "add_groupedquestion",
    "change_groupedquestion",
    "delete_groupedquestion",
    "view_readwithoutanswering",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("questions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Curators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="questions", codename__in=CURATORS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_cross_questions_and_reading_without_answering"),
        ("accounts", "0002_curators_and_moderators_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
