"""Registrant e-mails that fail are not lost: retried by the worker, or by the cron command.

The mail server is the one part that cannot run here: `RefusingMailBackend` is Django's
locmem backend that raises what smtplib raises when a server refuses a message. Everything
else is real: the database, the task backends and their worker (`db_worker`), the commands.
"""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from agenda import emails, services
from agenda.models import UndeliveredEmail

REFUSING = "tests.events.test_emails.RefusingMailBackend"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker commits each task's outcome and closes stale connections, as in production:
# its tests run outside a test transaction.
worker_db = pytest.mark.django_db(transaction=True)


class RefusingMailBackend(locmem.EmailBackend):
    """A mail server that refuses every message (no SMTP server can run in the tests)."""

    def send_messages(self, messages):
        raise smtplib.SMTPException("451 4.3.0 Temporary local problem, try again later")


def make_due():
    """Bring every kept retry forward to now, as if its wait had passed."""
    UndeliveredEmail.objects.exclude(retry_after=None).update(retry_after=timezone.now())


def run_worker():
    """One pass of the database backend's worker: run what is due, then exit."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_refused_email_is_kept_and_sent_by_the_retry_command(event, registrant):
    with override_settings(EMAIL_BACKEND=REFUSING):
        registration = services.register(event, registrant(1))
    assert mail.outbox == []
    kept = UndeliveredEmail.objects.get()
    assert (kept.registration, kept.kind, kept.attempts) == (registration, "confirmed", 1)
    assert "SMTPException" in kept.error
    assert kept.retry_after > timezone.now()

    call_command("retry_failed_emails", verbosity=0)
    assert mail.outbox == [], "not due yet"

    make_due()
    call_command("retry_failed_emails", verbosity=0)
    assert [message.to for message in mail.outbox] == [["persoon1@example.org"]]
    assert registration.manage_secret in mail.outbox[0].body
    assert not UndeliveredEmail.objects.exists()


def test_email_refused_at_every_attempt_is_kept_as_undelivered(event, registrant, capsys):
    with override_settings(EMAIL_BACKEND=REFUSING):
        services.register(event, registrant(1))
        for _attempt in range(emails.MAX_ATTEMPTS - 1):
            make_due()
            call_command("retry_failed_emails")
    kept = UndeliveredEmail.objects.get()
    assert kept.attempts == emails.MAX_ATTEMPTS
    assert kept.retry_after is None
    assert "1 e-mail(s) failed every attempt" in capsys.readouterr().err

    call_command("retry_failed_emails", verbosity=0)
    assert mail.outbox == []
    assert UndeliveredEmail.objects.get().attempts == emails.MAX_ATTEMPTS


@override_settings(TASKS=DATABASE_TASKS)
@worker_db
def test_database_worker_sends_the_registration_email(event, registrant):
    registration = services.register(event, registrant(1))
    assert mail.outbox == [], "queued, not sent, until the worker runs"
    assert DBTaskResult.objects.ready().count() == 1

    run_worker()
    assert [message.to for message in mail.outbox] == [["persoon1@example.org"]]
    assert registration.manage_secret in mail.outbox[0].body
    assert DBTaskResult.objects.successful().count() == 1


@override_settings(TASKS=DATABASE_TASKS)
@worker_db
def test_database_worker_retries_a_refused_email_later(event, registrant):
    registration = services.register(event, registrant(1))
    with override_settings(EMAIL_BACKEND=REFUSING):
        run_worker()
    assert mail.outbox == []
    assert DBTaskResult.objects.failed().count() == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now()
    assert retry.args_kwargs["args"] == [registration.pk, "confirmed", {}, 2]
    assert not UndeliveredEmail.objects.exists(), "the worker retries, no cron needed"

    run_worker()
    assert mail.outbox == [], "the retry waits for its time"

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [message.to for message in mail.outbox] == [["persoon1@example.org"]]
    assert DBTaskResult.objects.successful().count() == 1


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=REFUSING)
@worker_db
def test_database_worker_gives_up_after_the_last_attempt(event, registrant):
    services.register(event, registrant(1))
    for _attempt in range(emails.MAX_ATTEMPTS):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    assert DBTaskResult.objects.failed().count() == emails.MAX_ATTEMPTS
    assert not DBTaskResult.objects.filter(status="READY").exists()
    kept = UndeliveredEmail.objects.get()
    assert (kept.attempts, kept.retry_after) == (emails.MAX_ATTEMPTS, None)


@pytest.mark.parametrize("kind", ["confirmed", "waitlisted", "manage_link"])
def test_every_kind_reaches_the_registered_address_with_its_manage_link(event, registrant, kind):
    registration = services.register(event, registrant(1))
    mail.outbox.clear()
    emails.notify(registration, kind)
    assert [message.to for message in mail.outbox] == [["persoon1@example.org"]]
    assert registration.manage_secret in mail.outbox[0].body
