"""schema.org Event data for search engines and calendar tools."""

from django.utils import timezone
from django.utils.html import strip_tags

from agenda.models.events import BRUSSELS, EventKind, EventStatus, RegistrationState
from home.navigation import language_codes
from network.base_url import absolute_url, page_url

SCHEMA_STATUSES = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}

ORGANISER = {
    "@type": "Organization",
    "name": "De Circulaire Aankopers",
}


def event_jsonld(page, request, seats_left=None):
    """The event as a schema.org Event dictionary (serialise with the `jsonld` filter)."""
    url = page_url(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary or strip_tags(page.description),
        "startDate": page.start_local.isoformat(),
        "endDate": page.end_local.isoformat(),
        "eventStatus": SCHEMA_STATUSES.get(page.event_status, SCHEMA_STATUSES["scheduled"]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": language_codes().get(page.locale_id) or page.locale.language_code,
        "url": url,
        "organizer": {**ORGANISER, "url": absolute_url("/")},
    }
    if page.is_rescheduled:
        data["eventStatus"] = "https://schema.org/EventRescheduled"
        data["previousStartDate"] = timezone.localtime(page.previous_start, BRUSSELS).isoformat()
    if page.kind == EventKind.CONGRESS:
        data["@type"] = "BusinessEvent"
    if page.venue_name or page.venue_address:
        data["location"] = {
            "@type": "Place",
            "name": page.venue_name or page.venue_address,
            "address": {"@type": "PostalAddress", "streetAddress": page.venue_address},
        }
    if page.registration_enabled:
        state = page.registration_state()
        available = state == RegistrationState.OPEN and seats_left != 0
        offer = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": url + page.reverse_subpage("register"),
            "availability": "https://schema.org/InStock"
            if available
            else "https://schema.org/SoldOut",
        }
        if page.registration_opens:
            offer["validFrom"] = page.registration_opens.isoformat()
        data["offers"] = offer
    return data
