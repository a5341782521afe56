"""Mail backends for tests that need a mail server to misbehave."""

import smtplib

from django.core.mail.backends import locmem

REFUSING = "tests.mail_backends.RefusingMailBackend"


class RefusingMailBackend(locmem.EmailBackend):
    """Stands for an SMTP server that refuses every message: it raises what smtplib raises
    then. No SMTP server can run in the tests; everything else around it is real."""

    def send_messages(self, messages):
        raise smtplib.SMTPException("451 4.3.0 Temporary local problem, try again later")
