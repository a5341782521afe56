"""iCalendar files for one event and for the agenda, built with the icalendar library.

UIDs come from the event's translation key, so every language's file describes the same
calendar entry and a re-download updates it instead of adding a copy.
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vText

from agenda.models.events import BRUSSELS

PRODID = "-//De Circulaire Aankopers//Agenda//NL"
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def revision_sequence(page):
    """The SEQUENCE of the page's calendar entry: seconds from 2020 to its last publication.

    It only grows, so a calendar that imported an earlier file takes a rescheduled event as
    an update of the same entry; a translation republished with its original's new facts
    grows with it (home.translation_sync).
    """
    if page.last_published_at is None:
        return 0
    return max(int((page.last_published_at - SEQUENCE_EPOCH).total_seconds()), 0)


def event_component(page, url, sequence=None):
    """One VEVENT: stable UID, times in Europe/Brussels, location and URL."""
    if sequence is None:
        sequence = revision_sequence(page)
    component = Event()
    component.add("uid", page.ical_uid())
    component.add("dtstamp", timezone.now())
    component.add("dtstart", timezone.localtime(page.start, BRUSSELS))
    component.add("dtend", timezone.localtime(page.end, BRUSSELS))
    component.add("summary", page.title)
    if page.summary:
        component.add("description", page.summary)
    location = ", ".join(part for part in (page.venue_name, page.venue_address) if part)
    if location:
        component["location"] = vText(location)
    if url:
        component.add("url", url)
    if page.last_published_at:
        component.add("last-modified", page.last_published_at)
    component.add("sequence", sequence)
    return component


def calendar(pages_with_urls, name=None):
    """A VCALENDAR with one VEVENT per (page, url) and the time zones they need."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    for page, url in pages_with_urls:
        cal.add_component(event_component(page, url))
    cal.add_missing_timezones()
    return cal.to_ical()
