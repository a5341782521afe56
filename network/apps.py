from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from network import cache_invalidation, signals  # noqa: F401
        from network.base_url import sync_after_migrate

        # After every migrate the Wagtail and Django Site records follow BASE_URL.
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="network_base_url")
