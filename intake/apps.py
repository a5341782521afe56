from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    """The call for pilots: proposals of vacant buildings and their review."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "intake"
    verbose_name = _("Pilot intake")

    def ready(self):
        from intake import emails  # noqa: F401 - registers the e-mails with outgoing_mail
