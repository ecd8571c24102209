"""The Curators group gets the syntheses' admin: view and change syntheses (through the same
checks and service as the writing page), view their citations and versions. No add: a
synthesis is written from its discussion, where the picker lists what to cite."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATORS = ["view_synthesis", "change_synthesis", "view_citation", "view_historicalsynthesis"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("syntheses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Curators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="syntheses", codename__in=CURATORS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("syntheses", "0001_synthesis_and_citations"),
        ("accounts", "0002_curators_and_moderators_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
