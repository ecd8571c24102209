"""The two staff groups of the design, with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATORS = {
    "dossiers": [
        f"{action}_{model}"
        for model in ("dossier", "casestudy", "recommendation", "question", "region", "theme")
        for action in ("add", "change", "delete", "view")
    ]
    + [f"view_historical{m}" for m in ("dossier", "casestudy", "recommendation", "question")],
    "taggit": ["add_tag", "change_tag", "view_tag"],
}
MODERATORS = {
    "discussions": [
        "moderate_comment",
        "view_comment",
        "change_comment",
        "view_commentrevision",
        "view_annotation",
        "view_flag",
        "change_flag",
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in (("Curators", CURATORS), ("Moderators", MODERATORS)):
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in wanted.items():
            perms = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("dossiers", "0001_initial"),
        ("discussions", "0002_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
