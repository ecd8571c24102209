from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("People")

    def ready(self) -> None:
        name_third_party_admin_sections()


def name_third_party_admin_sections() -> None:
    """Give French names to the admin sections of allauth MFA and django-tasks' results.

    Both apps ship English-only names (« MFA › Authenticators », « Tasks Database Backend ›
    Task Results ») that curators read in the admin index. Only display names change here:
    migrations read a model's declared options, not these, so no migration follows.
    """
    from allauth.mfa.models import Authenticator
    from django_tasks_db.models import DBTaskResult

    apps.get_app_config("mfa").verbose_name = _("Two-factor authentication")
    Authenticator._meta.verbose_name = _("authenticator")
    Authenticator._meta.verbose_name_plural = _("authenticators")
    apps.get_app_config("django_tasks_database").verbose_name = _("Background tasks")
    DBTaskResult._meta.verbose_name = _("task result")
    DBTaskResult._meta.verbose_name_plural = _("task results")
