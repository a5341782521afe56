"""Send reminders to confirmed people of events that start soon. Safe to run every hour."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from agenda import services


class Command(BaseCommand):
    help = (
        "E-mail a reminder to everyone confirmed for an event starting within the given "
        "number of hours. Each person gets one reminder, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=48,
            help="Remind people of events starting within this many hours (default 48).",
        )

    def handle(self, *args, hours, **options):
        if hours < 1 or hours > 24 * 60:
            raise CommandError("--hours must be between 1 and 1440.")
        sent = services.send_reminders(timedelta(hours=hours))
        self.stdout.write(f"Sent {sent} reminder(s).")
