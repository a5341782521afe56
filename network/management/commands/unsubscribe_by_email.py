"""Apply an unsubscribe sent to the mailto: address of the List-Unsubscribe header.

Meant for the mail server's delivery pipe of that address: it reads one raw e-mail on
standard input and unsubscribes the list named by the token in its subject. A message
without a valid token changes nothing and exits with status 0, so the mail server does not
bounce it back.
"""

import sys
from email import message_from_binary_file, policy

from django.core.management.base import BaseCommand

from network.bulk_mail import unsubscribe_from_subject


class Command(BaseCommand):
    help = "Unsubscribe by the token in the subject of an e-mail read on standard input."

    def handle(self, *args, **options):
        message = message_from_binary_file(sys.stdin.buffer, policy=policy.default)
        subscription = unsubscribe_from_subject(str(message.get("Subject", "")))
        if subscription is None:
            self.stdout.write("No valid unsubscribe token in the subject.")
            return
        self.stdout.write(f"Unsubscribed from {subscription.list_name}.")
