from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Component exchange")

    def ready(self):
        from exchange import emails, signals  # noqa: F401 - they register e-mails, receivers
