"""The regions and themes members declare on their profile (the member directory)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_curators_and_moderators_groups"),
        # Region and Theme exist from dossiers' first migration.
        ("dossiers", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="regions",
            field=models.ManyToManyField(
                blank=True, related_name="members", to="dossiers.region", verbose_name="regions"
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="themes",
            field=models.ManyToManyField(
                blank=True, related_name="members", to="dossiers.theme", verbose_name="themes"
            ),
        ),
    ]
