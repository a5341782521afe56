from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The events app. Its package is `agenda` because opensearch-py imports a PyPI module
    called `events`; the app label stays "events" (tables, permissions, page types)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from agenda import signals  # noqa: F401
