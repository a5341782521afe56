"""Send again the registrant e-mails that failed and are due. Safe to run every few minutes.

Needed with the immediate task backend (no worker to run a task later); with the database
backend the worker retries by itself and this only reports e-mails that ran out of attempts.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from agenda.emails import retry_due_emails
from agenda.models import UndeliveredEmail


class Command(BaseCommand):
    help = (
        "Send again the registrant e-mails the mail server refused, once their retry is due. "
        "E-mails that failed every attempt are counted, not sent."
    )

    def handle(self, *args, **options):
        retried = retry_due_emails(timezone.now())
        given_up = UndeliveredEmail.objects.given_up().count()
        self.stdout.write(f"Retried {retried} e-mail(s).")
        if given_up:
            self.stderr.write(f"{given_up} e-mail(s) failed every attempt and were not sent.")
