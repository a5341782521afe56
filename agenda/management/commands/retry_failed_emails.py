"""Send again the e-mails that failed and are due. Safe to run every few minutes.

Covers the registrant e-mails (agenda.emails) and every other e-mail of the site
(network.outgoing_mail: the call for pilots, the theme board, the component exchange).
Needed with the immediate task backend (no worker to run a task later); with the database
backend the worker retries by itself and this only reports e-mails that ran out of attempts.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from agenda.emails import retry_due_emails
from agenda.models import UndeliveredEmail
from network import outgoing_mail


class Command(BaseCommand):
    help = (
        "Send again the e-mails the mail server refused, once their retry is due. "
        "E-mails that failed every attempt are counted, not sent."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        retried = retry_due_emails(now) + outgoing_mail.retry_due_emails(now)
        given_up = UndeliveredEmail.objects.given_up().count() + outgoing_mail.given_up_count()
        self.stdout.write(f"Retried {retried} e-mail(s).")
        if given_up:
            self.stderr.write(f"{given_up} e-mail(s) failed every attempt and were not sent.")
