"""Load the demo content of every app, in dependency order. Safe to run again."""

import importlib

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each module has a load() function; later ones may use what earlier ones created.
DEMO_MODULES = [
    "home.demo",
    "knowledge.demo",
    "knowledge.demo_book",
    "agenda.demo",
    "network.demo_community",
    "intake.demo",
    "exchange.demo",
]


class Command(BaseCommand):
    help = "Load the demo content (Dutch, with French and English translations). Idempotent."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                for module_name in DEMO_MODULES:
                    module = importlib.import_module(module_name)
                    module.load()
                    self.stdout.write(f"Loaded {module_name}")
        except Exception as error:  # one clear line; nothing half-written thanks to atomic()
            raise CommandError(f"Demo content could not be loaded: {error}") from error
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
