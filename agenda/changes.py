"""Changes reach registrants: a published event's new time, venue or status is e-mailed.

When an event's page is published, its facts are compared with the page as it was last
published. If the start, the end, the venue or the status changed, every confirmed and
waitlisted registrant gets one e-mail in their own language that says what changed (old and
new) with an updated calendar file; a cancellation takes the event out of their calendar.

Only the event's original page (the one registrations belong to) sends: publishing it also
republishes its translations with the same facts (home.translation_sync), and those
publications must not send the e-mail again in each language.
"""

from django.db import transaction
from django.utils.dateparse import parse_datetime

from agenda.models import EventPage, EventStatus, Registration, RegistrationStatus

# What registrants are told about, in the order the e-mail lists it.
TRACKED = ("start", "end", "venue", "event_status")


def venue_text(page):
    return ", ".join(part for part in (page.venue_name, page.venue_address) if part)


def _value(page, name):
    return venue_text(page) if name == "venue" else getattr(page, name)


def event_changes(previous, page):
    """What changed from `previous` to `page`: a list of {"field", "old", "new"} with
    datetimes as ISO strings, fit to travel with a queued e-mail (JSON)."""
    changes = []
    for name in TRACKED:
        old, new = _value(previous, name), _value(page, name)
        if old != new:
            changes.append({"field": name, "old": _serialise(old), "new": _serialise(new)})
    return changes


def _serialise(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def deserialise(change):
    """A change from `event_changes` with its datetimes back as datetimes."""
    if change["field"] in ("start", "end"):
        return {
            **change,
            "old": parse_datetime(change["old"]) if change["old"] else None,
            "new": parse_datetime(change["new"]) if change["new"] else None,
        }
    return change


def keep_previous_start(page, previous, revision=None):
    """Remember the start an event had before this publication moved it (schema.org's
    previousStartDate), on the live page and in its revision, so the next edit keeps it.

    A later publication that does not move the start keeps what was remembered.
    """
    remembered = getattr(previous, "previous_start", None) if previous is not None else None
    if previous is not None and previous.start != page.start:
        remembered = previous.start
    if remembered == page.previous_start:
        return
    page.previous_start = remembered
    EventPage.objects.filter(pk=page.pk).update(previous_start=remembered)
    if revision is not None:
        revision.content["previous_start"] = _serialise(remembered)
        revision.save(update_fields=["content"])


def email_kind(changes):
    """The e-mail a set of changes calls for: a cancellation, or a change."""
    for change in changes:
        if change["field"] == "event_status" and change["new"] == EventStatus.CANCELLED:
            return "event_cancelled"
    return "event_changed"


def event_published(page, revision=None):
    """Called for every published event page (agenda.signals); returns the changes found.

    Keeps the previous start, and on the original page queues the registrants' e-mails for
    once the publication has committed, so a rolled-back publication tells nobody.
    """
    from home.translation_sync import previously_published

    previous = previously_published(page, revision)
    keep_previous_start(page, previous, revision)
    if previous is None or page.pk != page.canonical_event().pk:
        return []
    changes = event_changes(previous, page)
    if changes:
        transaction.on_commit(lambda: notify_registrants(page, changes), robust=True)
    return changes


def notify_registrants(event, changes):
    """E-mail each confirmed and waitlisted registrant of `event` about `changes`, once each;
    returns how many e-mails were queued."""
    from agenda import emails

    kind = email_kind(changes)
    recipients = Registration.objects.filter(
        event=event,
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
        anonymised_at__isnull=True,
    ).exclude(email="")
    count = 0
    for registration in recipients.order_by("pk"):
        emails.notify(registration, kind, {"changes": changes})
        count += 1
    return count
