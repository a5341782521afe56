"""Signal receivers: a published event gives its free seats to the waitlist, its changes to
its registrants, and the original event's facts to its translations."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from agenda import changes
from agenda.models import EventPage
from home import translation_sync


@receiver(page_published)
def fill_free_seats(sender, instance, **kwargs):
    """After an event (in any language) is published, confirm waitlisted people for the seats
    a higher capacity of the event or of its sessions freed; they get the "promoted" e-mail.

    Runs once the publication has committed, in its own locked transaction
    (agenda.services.promote_from_waitlist); nothing happens when no seat is free. The page
    is published by then, so a failure here is logged rather than shown to the editor as one.
    """
    if not isinstance(instance, EventPage):
        return
    from agenda import services

    transaction.on_commit(lambda: services.promote_from_waitlist(instance), robust=True)


@receiver(page_published)
def facts_follow_source(sender, instance, revision=None, **kwargs):
    """Publishing an event tells its registrants what changed (agenda.changes); in its
    original language it also gives its live translations the same times, status,
    capacity, registration rules and sessions, in the same transaction."""
    if isinstance(instance, EventPage):
        changes.event_published(instance, revision)
        translation_sync.sync_translations(instance, revision)
