"""The Curators and Moderators groups get the learning loop's admin: curators the
recommendations' follow-up (change: the bulk status action) and read access to its history
and to field reports; moderators the field reports they hide or restore from the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Curators": [
        "view_recommendationfollowup",
        "change_recommendationfollowup",
        "view_followup",
        "view_statuschange",
        "view_fieldreport",
        "view_historicalfieldreport",
    ],
    "Moderators": ["view_fieldreport", "change_fieldreport", "view_historicalfieldreport"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("learning")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="learning", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_recommendation_follow_up_admin_list"),
        ("accounts", "0002_curators_and_moderators_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
