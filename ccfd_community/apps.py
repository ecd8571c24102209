from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project itself as an app: what every process must do once it has started."""

    name = "ccfd_community"
    label = "site"
    verbose_name = "CCFD"

    def ready(self) -> None:
        from django.core.signals import setting_changed
        from django.db.backends.signals import connection_created

        from ccfd_community import write_generations

        # In every process (web, task worker, manage.py): their writes renew the page memo's
        # generations, so no kept page outlives a change.
        connection_created.connect(
            write_generations.watch_connection, dispatch_uid="page-memo-watch"
        )
        setting_changed.connect(
            write_generations.settings_changed, dispatch_uid="page-memo-settings"
        )
