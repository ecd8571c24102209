from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthesesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "syntheses"
    verbose_name = _("Syntheses")
