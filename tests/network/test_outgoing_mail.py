"""The shared retried e-mail path: the schedule, the database worker, giving up, gone objects.

The kind used here is registered by this module, the way an app registers its own; the
mail server is `RefusingMailBackend` (tests.mail_backends). The database, the task backends,
the worker (`db_worker`) and the cron command are real.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from agenda import emails as agenda_emails
from network import outgoing_mail
from network.models import KeptEmail
from tests.mail_backends import REFUSING
from tests.network.factories import member

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def build_greeting(user_id):
    """An e-mail to a member in their language, rendered when it is sent."""
    user = get_user_model().objects.select_related("member_profile").filter(pk=user_id).first()
    if user is None:
        return None
    language = user.member_profile.preferred_language or "nl"
    return EmailMessage("Hallo", "", to=[user.email], headers={"Content-Language": language})


outgoing_mail.register("tests.greeting", build_greeting)


def make_due():
    KeptEmail.objects.exclude(retry_after=None).update(retry_after=timezone.now())


@pytest.mark.django_db
def test_a_kind_nobody_registered_is_refused_at_once():
    with pytest.raises(ValueError, match="Unknown e-mail kind"):
        outgoing_mail.send_later("tests.nothing", 1)


@pytest.mark.django_db
def test_a_second_builder_for_a_kind_is_refused():
    with pytest.raises(ValueError, match="already has a builder"):
        outgoing_mail.register("tests.greeting", lambda object_id: None)


@pytest.mark.django_db
def test_the_language_is_the_one_at_send_time():
    user = member(preferred_language="fr")
    with override_settings(EMAIL_BACKEND=REFUSING):
        outgoing_mail.send_later("tests.greeting", user.pk)
    user.member_profile.preferred_language = "en"
    user.member_profile.save()
    make_due()
    call_command("retry_failed_emails", verbosity=0)
    assert [m.extra_headers["Content-Language"] for m in mail.outbox] == ["en"]


@pytest.mark.django_db
def test_refused_at_every_attempt_the_email_is_kept_as_given_up(capsys):
    user = member()
    with override_settings(EMAIL_BACKEND=REFUSING):
        outgoing_mail.send_later("tests.greeting", user.pk)
        for _attempt in range(outgoing_mail.MAX_ATTEMPTS - 1):
            make_due()
            call_command("retry_failed_emails")
    kept = KeptEmail.objects.get()
    assert (kept.attempts, kept.retry_after) == (outgoing_mail.MAX_ATTEMPTS, None)
    assert "1 e-mail(s) failed every attempt" in capsys.readouterr().err
    call_command("retry_failed_emails", verbosity=0)
    assert mail.outbox == []


@pytest.mark.django_db
def test_nothing_is_sent_or_kept_for_an_object_that_is_gone():
    user = member()
    with override_settings(EMAIL_BACKEND=REFUSING):
        outgoing_mail.send_later("tests.greeting", user.pk)
    user.delete()
    make_due()
    call_command("retry_failed_emails", verbosity=0)
    assert mail.outbox == []
    assert not KeptEmail.objects.exists()


def test_the_agenda_follows_the_same_schedule():
    now = timezone.now()
    assert agenda_emails.MAX_ATTEMPTS == outgoing_mail.MAX_ATTEMPTS
    assert outgoing_mail.retry_time(1, now) == now + outgoing_mail.RETRY_DELAYS[0]
    assert outgoing_mail.retry_time(outgoing_mail.MAX_ATTEMPTS, now) is None


@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.django_db(transaction=True)
def test_database_worker_retries_a_refused_email_later_without_the_table():
    user = member(preferred_language="fr")
    outgoing_mail.send_later("tests.greeting", user.pk)
    assert mail.outbox == [], "queued, not sent, until the worker runs"

    def run_worker():
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    with override_settings(EMAIL_BACKEND=REFUSING):
        run_worker()
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now()
    assert retry.args_kwargs["args"] == ["tests.greeting", user.pk, 2]
    assert not KeptEmail.objects.exists(), "the worker retries, no cron needed"

    run_worker()
    assert mail.outbox == [], "the retry waits for its time"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [m.extra_headers["Content-Language"] for m in mail.outbox] == ["fr"]
