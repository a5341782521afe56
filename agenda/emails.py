"""E-mails to registrants, rendered in the registrant's language and sent by a task.

`notify()` queues `send_registration_email`; with the immediate backend it runs at once,
with a worker backend a slow mail server never holds up a request. An e-mail that fails is
never lost: `send_registration_email` tries it again later (see `retry_later`), up to
`MAX_ATTEMPTS` times, and whoever asked for it (a registrant, an editor) is never shown an
error for it, because what it reports has already happened.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from agenda import ical
from agenda.models import (
    CongressSession,
    EventPage,
    Registration,
    RegistrationStatus,
    UndeliveredEmail,
)
from network.base_url import absolute_url, page_url
from network.headers import header_value
from network.outgoing_mail import (  # the schedule every e-mail of the site is retried on
    MAX_ATTEMPTS,  # noqa: F401 - how many attempts a registrant e-mail gets, for callers
    arrange_retry,
    requeue_due,
)

SUBJECTS = {
    "confirmed": _("You are registered for %(event)s"),
    "waitlisted": _("You are on the waitlist for %(event)s"),
    "promoted": _("A seat came free: you are registered for %(event)s"),
    "cancelled": _("Your registration for %(event)s is cancelled"),
    "reminder": _("Reminder: %(event)s is coming up"),
    "follow_up": _("After %(event)s: report, slides and survey"),
    "message": _("About %(event)s"),
    "manage_link": _("The link to your registration for %(event)s"),
    "event_changed": _("Changed: %(event)s"),
    "event_cancelled": _("Cancelled: %(event)s"),
    "sessions_changed": _("Your sessions for %(event)s are changed"),
}
# Kinds that put the event in the person's calendar (or take it out), with the iTIP method
# of the calendar file (agenda.ical.registrant_calendar).
CALENDAR_METHODS = {
    "confirmed": "REQUEST",
    "promoted": "REQUEST",
    "reminder": "REQUEST",
    "event_changed": "REQUEST",
    "sessions_changed": "REQUEST",
    "cancelled": "CANCEL",
    "event_cancelled": "CANCEL",
}
# Kinds that carry the check-in QR code (agenda.checkin) when the person holds a seat.
WITH_CHECK_IN = {"confirmed", "promoted", "reminder"}
# Kinds sent to many registrants at once: they carry a one-click unsubscribe, and a
# registrant who used it gets none of them again (network.bulk_mail). The others answer
# what the person did with their own registration.
BULK_KINDS = {"reminder", "follow_up", "message"}


logger = logging.getLogger(__name__)

CHECK_IN_CID = "check-in-qr@circulaire-aankopers.be"


def notify(registration, kind, extra=None):
    """Queue one e-mail of `kind` to the person behind `registration`.

    Callers queue it once their change has committed (every service in agenda.services
    does), so nobody is told about a change that was rolled back. Never raises: the change
    it reports has happened, so a failure to queue is logged and the e-mail kept for
    `retry_failed_emails` instead of turning the answer into an error.
    """
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown e-mail kind: {kind}")
    extra = extra or {}
    try:
        return send_registration_email.enqueue(registration.pk, kind, extra)
    except Exception as error:
        logger.exception("Could not queue the %s e-mail of registration %s", kind, registration.pk)
        _keep_for_retry(registration.pk, kind, extra, 0, error, timezone.now())
        return None


def localized_event(event, language):
    """The event's live page in `language`, or the original page if it is not translated."""
    translated = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=language)
        .defer("programme")
        .first()
    )
    return translated or event


def localized_sessions(registration, language):
    """The registration's sessions, titled in `language` where translated (two queries)."""
    chosen = list(registration.sessions.all())
    translated = {
        session.translation_key: session
        for session in CongressSession.objects.filter(
            translation_key__in=[s.translation_key for s in chosen],
            locale__language_code=language,
        )
    }
    return [translated.get(s.translation_key, s) for s in chosen]


def build_message(registration, kind, extra=None):
    """The EmailMultiAlternatives for one registrant, rendered in their language."""
    from network.bulk_mail import bulk_mail

    extra = extra or {}
    headers = {"Content-Language": registration.language}
    unsubscribe_url = ""
    if kind in BULK_KINDS:
        bulk = bulk_mail("event", registration.pk, registration.language)
        headers.update(bulk["headers"])
        unsubscribe_url = bulk["url"]
    with translation.override(registration.language):
        event = localized_event(registration.event, registration.language)
        event_url = page_url(event)
        manage_url = event_url + event.reverse_subpage("manage", args=[registration.manage_secret])
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": event_url,
            "manage_url": manage_url,
            "sessions": localized_sessions(registration, registration.language),
            "extra": extra,
            "unsubscribe_url": unsubscribe_url,
            "check_in": kind in WITH_CHECK_IN
            and registration.status == RegistrationStatus.CONFIRMED,
        }
        if kind == "waitlisted":
            from agenda.services import waitlist_position

            context["position"] = waitlist_position(registration)
        if kind == "follow_up":
            source = registration.event
            context.update(
                {
                    "report_url": absolute_url(source.report_document.url)
                    if source.report_document
                    else "",
                    "slides_url": absolute_url(source.slides_document.url)
                    if source.slides_document
                    else "",
                    "survey_url": source.survey_url,
                }
            )
        if kind in ("event_changed", "event_cancelled"):
            context["changes"] = describe_changes(extra.get("changes", ()))
        if kind == "message":
            subject = extra.get("subject") or str(SUBJECTS[kind] % {"event": event.title})
        else:
            subject = str(SUBJECTS[kind] % {"event": event.title})
        text = render_to_string("events/emails/registration.txt", context)
        html = render_to_string("events/emails/registration.html", context)
    message = EmailMultiAlternatives(
        subject=header_value(subject),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    if kind in CALENDAR_METHODS:
        method = CALENDAR_METHODS[kind]
        message.calendar_sequence = ical.registrant_sequence(
            event, last_calendar_sequence(registration)
        )
        with translation.override(registration.language):
            body = ical.registrant_calendar(
                event,
                event_url,
                registration,
                method,
                message.calendar_sequence,
                sessions=context["sessions"],
            )
        message.attach("event.ics", body.decode("utf-8"), f"text/calendar; method={method}")
    if context["check_in"]:
        attach_check_in_code(message, registration)
    return message


def attach_check_in_code(message, registration):
    """Attach the QR code of the person's check-in link, shown inline by the HTML part."""
    from email.mime.image import MIMEImage

    from agenda import checkin

    image = MIMEImage(checkin.qr_png(checkin.check_in_url(registration)), "png")
    image.add_header("Content-ID", f"<{CHECK_IN_CID}>")
    image.add_header("Content-Disposition", "inline", filename="check-in.png")
    message.attach(image)


def last_calendar_sequence(registration):
    """The SEQUENCE of the last calendar file sent to this person for this event. A new
    registration asks its address's earlier, cancelled ones (one query), whose last file
    took the event out of the calendar: its confirmation must be newer than that."""
    if registration.calendar_sequence:
        return registration.calendar_sequence
    return (
        Registration.objects.filter(
            event_id=registration.event_id, email__iexact=registration.email
        ).aggregate(last=Max("calendar_sequence"))["last"]
        or 0
    )


def describe_changes(changes):
    """The changes of an event (agenda.changes) as rows the e-mail shows: a translated label
    and the old and new value, dates in the active language."""
    from agenda.changes import deserialise
    from agenda.models import EventStatus

    labels = {
        "start": _("Starts"),
        "end": _("Ends"),
        "venue": _("Where"),
        "event_status": _("Status"),
    }
    statuses = dict(EventStatus.choices)
    rows = []
    for change in map(deserialise, changes):
        old, new = change["old"], change["new"]
        if change["field"] in ("start", "end"):
            old, new = (
                formats.date_format(timezone.localtime(value), "l j F Y, H:i") if value else ""
                for value in (old, new)
            )
        elif change["field"] == "event_status":
            old, new = (str(statuses.get(value, value)) for value in (old, new))
        rows.append({"label": labels[change["field"]], "old": old or "–", "new": new or "–"})
    return rows


@task()
def send_registration_email(registration_id, kind, extra, attempt=1):
    """Render and send one registrant e-mail; skipped if the personal data is gone.

    `attempt` counts from 1. When sending fails, a later attempt is arranged before the
    error is raised again, so the task backend still records this attempt as failed.
    """
    registration = (
        Registration.objects.select_related("event", "event__report_document")
        .select_related("event__slides_document")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or not registration.email:
        return False
    if kind in BULK_KINDS and registration.mail_opt_out_at is not None:
        return False
    try:
        message = build_message(registration, kind, extra)
        message.send()
    except Exception as error:
        retry_later(registration_id, kind, extra, attempt, error)
        raise
    sequence = getattr(message, "calendar_sequence", None)
    if sequence is not None:
        # The next calendar file to this person must supersede this one.
        Registration.objects.filter(pk=registration_id, calendar_sequence__lt=sequence).update(
            calendar_sequence=sequence
        )
    return True


def retry_later(registration_id, kind, extra, attempt, error):
    """Arrange attempt `attempt + 1` of an e-mail, or keep it as undelivered after the last.

    A backend that runs tasks later (the database backend's worker) gets the task again
    with `run_after`; the immediate backend cannot wait, so the e-mail is kept in
    `UndeliveredEmail` for `retry_failed_emails` (cron) to send when it is due.
    """
    arrange_retry(
        f"{kind} e-mail of registration {registration_id}",
        attempt,
        error,
        send_registration_email,
        (registration_id, kind, extra, attempt + 1),
        lambda retry_after: _keep_for_retry(
            registration_id, kind, extra, attempt, error, retry_after
        ),
    )


def _keep_for_retry(registration_id, kind, extra, attempts, error, retry_after):
    """Record an e-mail that did not go out; logged only if even that fails."""
    try:
        UndeliveredEmail.objects.create(
            registration_id=registration_id,
            kind=kind,
            extra=extra,
            attempts=attempts,
            error=f"{type(error).__name__}: {error}"[:2000],
            retry_after=retry_after,
        )
    except Exception:
        logger.exception("Could not record the undelivered e-mail of %s", registration_id)


def retry_due_emails(now=None):
    """Send again every undelivered e-mail whose retry is due; returns how many were queued
    (`network.outgoing_mail.requeue_due`: each row claimed once)."""
    now = now or timezone.now()
    return requeue_due(
        UndeliveredEmail.objects.due(now),
        lambda row: send_registration_email.enqueue(
            row.registration_id, row.kind, row.extra, row.attempts + 1
        ),
        lambda row, error: _keep_for_retry(
            row.registration_id, row.kind, row.extra, row.attempts, error, now
        ),
    )
