"""Notifications « cité dans une synthèse »: a kind and the synthesis they are about."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0005_version_for_optimistic_locking"),
        ("dossiers", "0002_version_for_optimistic_locking"),
        ("learning", "0004_field_report_version"),
        ("syntheses", "0001_synthesis_and_citations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notification",
            name="notification_kind_known",
        ),
        migrations.AddField(
            model_name="notification",
            name="synthesis",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="syntheses.synthesis",
                verbose_name="synthesis",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                choices=[
                    ("reply", "Reply"),
                    ("mention", "Mention"),
                    ("new", "New contribution"),
                    ("moderation", "Moderation"),
                    ("orphaned", "Annotation detached"),
                    ("status", "Status change"),
                    ("cited", "Cited in a synthesis"),
                ],
                max_length=12,
                verbose_name="kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "kind__in",
                        ["reply", "mention", "new", "moderation", "orphaned", "status", "cited"],
                    )
                ),
                name="notification_kind_known",
            ),
        ),
    ]
