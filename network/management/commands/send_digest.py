"""Send the weekly digest; safe to run more than once a week (cron: weekly, Monday morning)."""

from django.core.management.base import BaseCommand

from network.digest import send_digests


class Command(BaseCommand):
    help = "E-mail members who opted in what is new on the themes they follow."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Sent {sent} digest(s).")
