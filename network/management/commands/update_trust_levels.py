"""Raise members' trust levels to what their approved comments have earned.

Approval already does this for the author; run it daily so a member whose comments were
approved long enough ago reaches the next level without posting again.
"""

from django.core.management.base import BaseCommand

from network.trust import update_all_trust_levels


class Command(BaseCommand):
    help = "Raise members' trust levels to what their approved comments have earned."

    def handle(self, *args, **options):
        changed = update_all_trust_levels()
        self.stdout.write(f"{changed} member(s) reached a higher trust level.")
