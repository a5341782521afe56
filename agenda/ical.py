"""iCalendar files for one event and for the agenda, built with the icalendar library.

UIDs come from the event's translation key, so every language's file describes the same
calendar entry and a re-download updates it instead of adding a copy.
"""

from django.utils import timezone
from icalendar import Calendar, Event, vText

from agenda.models.events import BRUSSELS

PRODID = "-//De Circulaire Aankopers//Agenda//NL"


def event_component(page, url, sequence=0):
    """One VEVENT: stable UID, times in Europe/Brussels, location and URL."""
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
