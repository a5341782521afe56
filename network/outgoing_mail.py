"""E-mails a refusing mail server cannot lose: sent by a task, tried again later if refused.

An app registers a builder per kind of e-mail (`register("intake.received", builder)`): a
function that takes the id of the object the e-mail is about and returns the message
rendered in its recipient's language, or None when there is nothing to send any more (the
object is gone). `send_later(kind, object_id)` queues `send_email`; only the kind and the id
travel through the task queue and `KeptEmail`, so every attempt renders the object as it is
then, in its recipient's language then, and no personal data waits in a queue.

The retry schedule is the one the agenda's registrant e-mails follow (agenda.emails): a
backend that can run a task later (the database backend's worker) gets the task again with
`run_after`; the immediate backend cannot wait, so the e-mail is kept in `KeptEmail` for
`retry_failed_emails` (cron). Whoever caused the e-mail (an applicant, an editor, a member)
never sees an error for it: what it reports is already saved.

Builders live in the apps that own the objects and register when the app is ready, so this
module never imports them.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from network.models import KeptEmail

logger = logging.getLogger(__name__)

# Sending is tried this many times in all; the waits between attempts follow.
MAX_ATTEMPTS = 5
RETRY_DELAYS = (
    timedelta(minutes=2),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=6),
)

_builders = {}


def retry_time(attempt, now):
    """When attempt `attempt + 1` is due, or None when `attempt` was the last."""
    if attempt >= MAX_ATTEMPTS:
        return None
    return now + RETRY_DELAYS[min(attempt, len(RETRY_DELAYS)) - 1]


def register(kind, builder):
    """Make `builder(object_id)` the builder of e-mails of `kind` (once per kind)."""
    if _builders.get(kind, builder) is not builder:
        raise ValueError(f"E-mail kind {kind!r} already has a builder")
    _builders[kind] = builder
    return builder


def send_later(kind, object_id):
    """Queue the e-mail of `kind` about the object `object_id`.

    Call it once the change it reports has committed. Never raises for the mail server or
    the queue: a failure is logged and the e-mail kept for `retry_failed_emails`.
    """
    if kind not in _builders:
        raise ValueError(f"Unknown e-mail kind: {kind}")
    try:
        return send_email.enqueue(kind, object_id)
    except Exception as error:
        logger.exception("Could not queue the %s e-mail of %s", kind, object_id)
        _keep(kind, object_id, 0, error, timezone.now())
        return None


@task()
def send_email(kind, object_id, attempt=1):
    """Render and send one e-mail; False when there is nothing to send any more.

    `attempt` counts from 1. When sending fails, a later attempt is arranged before the
    error is raised again, so the task backend still records this attempt as failed.
    """
    try:
        message = _builders[kind](object_id)
        if message is None:
            return False
        message.send()
    except Exception as error:
        retry_later(kind, object_id, attempt, error)
        raise
    return True


def retry_later(kind, object_id, attempt, error):
    """Arrange attempt `attempt + 1`, or keep the e-mail as given up after the last."""
    arrange_retry(
        f"{kind} e-mail of {object_id}",
        attempt,
        error,
        send_email,
        (kind, object_id, attempt + 1),
        lambda retry_after: _keep(kind, object_id, attempt, error, retry_after),
    )


def arrange_retry(what, attempt, error, task, next_args, keep):
    """After attempt `attempt` of the e-mail `what` failed: queue `task` again with
    `next_args` for when `retry_time` says, where the task backend can wait (the database
    backend's worker); else `keep(retry_after)` for `retry_failed_emails`, and after the
    last attempt `keep(None)`, as given up."""
    retry_after = retry_time(attempt, timezone.now())
    if retry_after is None:
        logger.error("Gave up the %s after %s attempts: %r", what, attempt, error)
        keep(None)
        return
    logger.warning(
        "The %s failed (attempt %s), retrying after %s: %r",
        what,
        attempt,
        retry_after.isoformat(timespec="seconds"),
        error,
    )
    if task.get_backend().supports_defer:
        task.using(run_after=retry_after).enqueue(*next_args)
    else:
        keep(retry_after)


def _keep(kind, object_id, attempts, error, retry_after):
    """Record an e-mail that did not go out; logged only if even that fails."""
    try:
        KeptEmail.objects.create(
            kind=kind,
            object_id=object_id,
            attempts=attempts,
            error=f"{type(error).__name__}: {error}"[:2000],
            retry_after=retry_after,
        )
    except Exception:
        logger.exception("Could not keep the %s e-mail of %s", kind, object_id)


def requeue_due(rows, enqueue, keep_again):
    """Queue again every kept row whose retry is due (`rows.due(now)`); how many were queued.

    Each row is claimed by deleting it, so two overlapping runs never send one twice; if the
    new attempt fails too, its task keeps it again with its attempts counted. A row that
    cannot even be queued is kept again at once (`keep_again(row, error)`).
    """
    queued = 0
    for row in rows:
        if not type(row).objects.filter(pk=row.pk).delete()[0]:
            continue
        try:
            enqueue(row)
        except Exception as error:
            logger.exception("Could not queue the retry of %s", row)
            keep_again(row, error)
            continue
        queued += 1
    return queued


def retry_due_emails(now=None):
    """Send again every kept e-mail whose retry is due; returns how many were queued."""
    now = now or timezone.now()
    return requeue_due(
        KeptEmail.objects.due(now),
        lambda row: send_email.enqueue(row.kind, row.object_id, row.attempts + 1),
        lambda row, error: _keep(row.kind, row.object_id, row.attempts, error, now),
    )


def given_up_count():
    """How many kept e-mails failed every attempt."""
    return KeptEmail.objects.given_up().count()
