"""Check-in at the door: a signed link per registration, its QR code, what a scan means,
and the badge sheet.

The link carries only the registration's id, signed with the site's secret key
(`django.core.signing`), so it cannot be guessed or changed; it leads into the admin, so
only an organiser with the registrations permission can act on it. A registrant who
opens it gets the admin's log-in page and learns nothing.
"""

import io

from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import services
from agenda.models import EventPage, Registration, RegistrationStatus
from network.base_url import absolute_url

SALT = "agenda.check-in"
# The event an organiser checks people in for, kept in their session.
DOOR_SESSION_KEY = "events_check_in_event"


def token_for(registration):
    """The same token every time (no timestamp), so the e-mail and the page show one code."""
    return signing.Signer(salt=SALT).sign(str(registration.pk))


def check_in_url(registration):
    """The absolute link an organiser's phone opens when it scans the person's QR code."""
    return absolute_url(reverse("events_admin:scan", args=[token_for(registration)]))


def registration_for_token(token):
    """The registration a scanned link names, or None when it is forged, cut or purged."""
    try:
        value = signing.Signer(salt=SALT).unsign(token or "")
    except signing.BadSignature:
        return None
    if not value.isdigit() or len(value) > 18:
        return None
    pk = int(value)
    return (
        Registration.objects.select_related("event")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


def qr_code(url):
    import segno

    # Medium error correction survives a scratched phone screen or a crumpled print-out.
    return segno.make(url, error="m")


def qr_png(url, scale=6):
    """The QR code of `url` as PNG bytes (for e-mails)."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_data_uri(url, scale=5):
    """The QR code of `url` as a PNG data URI (for the manage page)."""
    return qr_code(url).png_data_uri(scale=scale, border=4)


class ScanState:
    READY = "ready"
    CHECKED_IN = "checked_in"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"
    WRONG_EVENT = "wrong_event"


def scan_state(registration, door_event_id=None):
    """What a scan of this registration means at the door of `door_event_id` (if known)."""
    if door_event_id is not None and registration.event_id != door_event_id:
        return ScanState.WRONG_EVENT
    if registration.status == RegistrationStatus.CANCELLED:
        return ScanState.CANCELLED
    if registration.status == RegistrationStatus.WAITLISTED:
        return ScanState.WAITLISTED
    if registration.checked_in_at is not None:
        return ScanState.CHECKED_IN
    return ScanState.READY


def check_in_scanned(registration, door_event_id=None, now=None):
    """Check in from a scan; returns the state after it (READY turns into CHECKED_IN).

    Raises RegistrationError (translated) for every state that cannot check in.
    """
    state = scan_state(registration, door_event_id)
    if state == ScanState.WRONG_EVENT:
        raise services.RegistrationError(
            state,
            _("This registration is for another event: %(event)s.")
            % {"event": registration.event.title},
        )
    if state == ScanState.CHECKED_IN:
        raise services.RegistrationError(
            state,
            _("%(name)s was already checked in at %(time)s.")
            % {
                "name": registration.name,
                "time": timezone.localtime(registration.checked_in_at).strftime("%H:%M"),
            },
        )
    services.check_in(registration, attended=True, now=now)
    return ScanState.CHECKED_IN


def confirmed_for_badges(event):
    """The confirmed people of `event`, in name order, as badges show them (one query)."""
    return list(
        Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED, anonymised_at__isnull=True
        )
        .order_by("name", "pk")
        .values("name", "organisation_name")
    )


def badge_sheet_pdf(event):
    """An A4 PDF of badges (name and organisation), eight to a page, for cutting out.

    The HTML has no external resources and WeasyPrint fetches none.
    """
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError("A badge sheet fetches nothing.")

    html = render_to_string(
        "events/admin/badges_pdf.html",
        {"event": event, "badges": confirmed_for_badges(event)},
    )
    return HTML(string=html, url_fetcher=NoFetching()).write_pdf()


def remember_door(request, event):
    """The event this organiser checks people in for, until they open another list."""
    request.session[DOOR_SESSION_KEY] = event.pk


def door_event(request):
    """The event whose check-in list the organiser opened last, or None."""
    pk = request.session.get(DOOR_SESSION_KEY)
    if not isinstance(pk, int):
        return None
    return EventPage.objects.filter(pk=pk).defer("programme", "description").first()
