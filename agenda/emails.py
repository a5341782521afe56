"""E-mails to registrants, rendered in the registrant's language and sent by a task.

`notify()` queues `send_registration_email`; with the immediate backend it runs at once,
with a worker backend a slow mail server never holds up a request.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from agenda import ical
from agenda.models import CongressSession, EventPage, Registration

SUBJECTS = {
    "confirmed": _("You are registered for %(event)s"),
    "waitlisted": _("You are on the waitlist for %(event)s"),
    "promoted": _("A seat came free: you are registered for %(event)s"),
    "cancelled": _("Your registration for %(event)s is cancelled"),
    "reminder": _("Reminder: %(event)s is coming up"),
    "follow_up": _("After %(event)s: report, slides and survey"),
    "message": _("About %(event)s"),
}
# Kinds that put the event in the person's calendar.
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}


def notify(registration, kind, extra=None):
    """Queue one e-mail of `kind` to the person behind `registration`."""
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown e-mail kind: {kind}")
    return send_registration_email.enqueue(registration.pk, kind, extra or {})


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


def absolute(url):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url) if url else ""


def build_message(registration, kind, extra=None):
    """The EmailMultiAlternatives for one registrant, rendered in their language."""
    extra = extra or {}
    with translation.override(registration.language):
        event = localized_event(registration.event, registration.language)
        event_url = event.get_full_url() or absolute(event.url)
        manage_url = event_url + event.reverse_subpage("manage", args=[registration.manage_secret])
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": event_url,
            "manage_url": manage_url,
            "sessions": localized_sessions(registration, registration.language),
            "extra": extra,
        }
        if kind == "waitlisted":
            from agenda.services import waitlist_position

            context["position"] = waitlist_position(registration)
        if kind == "follow_up":
            source = registration.event
            context.update(
                {
                    "report_url": absolute(source.report_document.url)
                    if source.report_document
                    else "",
                    "slides_url": absolute(source.slides_document.url)
                    if source.slides_document
                    else "",
                    "survey_url": source.survey_url,
                }
            )
        if kind == "message":
            subject = extra.get("subject") or str(SUBJECTS[kind] % {"event": event.title})
        else:
            subject = str(SUBJECTS[kind] % {"event": event.title})
        text = render_to_string("events/emails/registration.txt", context)
        html = render_to_string("events/emails/registration.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers={"Content-Language": registration.language},
    )
    message.attach_alternative(html, "text/html")
    if kind in WITH_CALENDAR:
        message.attach(
            "event.ics",
            ical.calendar([(event, event_url)]).decode("utf-8"),
            "text/calendar",
        )
    return message


@task()
def send_registration_email(registration_id, kind, extra):
    """Render and send one registrant e-mail; skipped if the personal data is gone."""
    registration = (
        Registration.objects.select_related("event", "event__report_document")
        .select_related("event__slides_document")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or not registration.email:
        return False
    build_message(registration, kind, extra).send()
    return True
