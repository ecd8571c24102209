from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "discussions"
    verbose_name = _("Discussions")

    def ready(self) -> None:
        # Annotations are re-anchored whenever a dossier, case study or recommendation body
        # is saved (discussions.receivers says why a receiver).
        from discussions import receivers

        receivers.connect()
