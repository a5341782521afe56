from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    """The call for pilots: proposals of vacant buildings and their review."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "intake"
    verbose_name = _("Pilot intake")

    def ready(self):
        # The e-mails register with outgoing_mail; a deleted proposal takes its page along.
        from intake import emails, signals  # noqa: F401
