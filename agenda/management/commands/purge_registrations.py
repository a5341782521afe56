"""Anonymise the personal data of registrations for events that are long past."""

from django.core.management.base import BaseCommand, CommandError

from agenda import services


class Command(BaseCommand):
    help = (
        "Blank name, e-mail, organisation and answers of registrations for events that "
        "ended more than --older-than days ago. Counts and statuses are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=365,
            dest="days",
            metavar="DAYS",
            help="Only events that ended more than DAYS days ago (default 365).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say how many would be anonymised."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--older-than must be zero or more days.")
        if dry_run:
            count = services.registrations_to_purge(days).count()
            self.stdout.write(f"Would anonymise {count} registration(s).")
            return
        count = services.purge_registrations(days)
        self.stdout.write(f"Anonymised {count} registration(s).")
