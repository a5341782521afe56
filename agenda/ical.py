"""iCalendar files for one event and for the agenda, built with the icalendar library.

UIDs come from the event's translation key, so every language's file describes the same
calendar entry and a re-download updates it instead of adding a copy.

Files sent to one registrant (`registrant_calendar`) follow iTIP (RFC 5546): METHOD:REQUEST
with the organiser and the registrant as attendee, so a calendar replaces the entry it has
when the event changes, and METHOD:CANCEL to take it out again. Their SEQUENCE is never
lower than that of any file the registrant got before.
"""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from agenda.models.events import BRUSSELS, EventStatus
from agenda.models.registrations import RegistrationStatus

PRODID = "-//De Circulaire Aankopers//Agenda//NL"
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def revision_sequence(page):
    """The SEQUENCE of the page's calendar entry: seconds from 2020 to its last publication.

    It only grows, so a calendar that imported an earlier file takes a rescheduled event as
    an update of the same entry; a translation republished with its original's new facts
    grows with it (home.translation_sync).
    """
    return sequence_at(page.last_published_at)


def sequence_at(moment):
    """Whole seconds from 2020 to `moment` (0 without one): a SEQUENCE that grows with time."""
    if moment is None:
        return 0
    return max(int((moment - SEQUENCE_EPOCH).total_seconds()), 0)


def registrant_sequence(page, last_sent):
    """The SEQUENCE of the next file sent to a registrant: above `last_sent`, the highest
    this address got for the event before (see agenda.emails), and never below the event's
    public files."""
    return max(revision_sequence(page), last_sent + 1)


# iCalendar's STATUS for each event status.
STATUSES = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def sessions_description(sessions):
    """The registrant's parallel sessions as lines of the VEVENT's description."""
    lines = [_("Your sessions") + ":"]
    for session in sessions:
        start = timezone.localtime(session.starts, BRUSSELS)
        end = timezone.localtime(session.ends, BRUSSELS)
        line = f"- {formats.time_format(start, 'H:i')}–{formats.time_format(end, 'H:i')} {session}"
        if session.room:
            line += f" ({session.room})"
        lines.append(line)
    return "\n".join(lines)


def event_component(page, url, sequence=None, sessions=(), cancelled=False):
    """One VEVENT: stable UID, times in Europe/Brussels, location, URL and status.

    `sessions` (a registrant's parallel sessions) are listed in the description;
    `cancelled` marks the entry cancelled whatever the event's status (a cancelled
    registration takes the event out of that person's calendar).
    """
    if sequence is None:
        sequence = revision_sequence(page)
    component = Event()
    component.add("uid", page.ical_uid())
    component.add("dtstamp", timezone.now())
    component.add("dtstart", timezone.localtime(page.start, BRUSSELS))
    component.add("dtend", timezone.localtime(page.end, BRUSSELS))
    component.add("summary", page.title)
    description = [page.summary] if page.summary else []
    if sessions:
        description.append(sessions_description(sessions))
    if description:
        component.add("description", "\n\n".join(description))
    location = ", ".join(part for part in (page.venue_name, page.venue_address) if part)
    if location:
        component["location"] = vText(location)
    if url:
        component.add("url", url)
    if page.last_published_at:
        component.add("last-modified", page.last_published_at)
    component.add("sequence", sequence)
    component.add("status", "CANCELLED" if cancelled else STATUSES.get(page.event_status))
    return component


def _new_calendar(method, name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    return cal


def calendar(pages_with_urls, name=None):
    """A VCALENDAR with one VEVENT per (page, url) and the time zones they need."""
    cal = _new_calendar("PUBLISH", name)
    for page, url in pages_with_urls:
        cal.add_component(event_component(page, url))
    cal.add_missing_timezones()
    return cal.to_ical()


def registrant_calendar(page, url, registration, method, sequence, sessions=()):
    """The event as an iTIP message to one registrant: METHOD:REQUEST (add or update) or
    METHOD:CANCEL (take out), with organiser, attendee and the registrant's sessions.

    `sequence` comes from `registrant_sequence`; the sender records it once sent."""
    cal = _new_calendar(method)
    cancelled = method == "CANCEL"
    component = event_component(
        page,
        url,
        sequence=sequence,
        sessions=() if cancelled else sessions,
        cancelled=cancelled,
    )
    organiser_name, organiser_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organiser = vCalAddress(f"mailto:{organiser_address}")
    if organiser_name:
        organiser.params["cn"] = vText(organiser_name)
    component.add("organizer", organiser)
    attendee = vCalAddress(f"mailto:{registration.email}")
    attendee.params["cn"] = vText(registration.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    # A waitlisted person's entry is pencilled in until a seat is theirs.
    if cancelled:
        partstat = "DECLINED"
    elif registration.status == RegistrationStatus.WAITLISTED:
        partstat = "TENTATIVE"
    else:
        partstat = "ACCEPTED"
    attendee.params["partstat"] = vText(partstat)
    component.add("attendee", attendee)
    cal.add_component(component)
    cal.add_missing_timezones()
    return cal.to_ical()
