"""What participants do for themselves: see their registrations, get their links again.

Plain functions called by `agenda.self_service_views` and tested directly. Nothing here
tells a visitor whether an address is registered: links only ever go by e-mail to the
address stored with the registration.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from agenda.models import EventPage, Registration, RegistrationStatus

# An address gets its links at most once in this many seconds, however often it is typed,
# so the form cannot be used to flood someone's mailbox.
LINKS_EMAIL_INTERVAL = 10 * 60


@dataclass
class OwnRegistration:
    """One line of "My registrations": the event in the reader's language and its links."""

    registration: Registration
    event: EventPage
    position: int | None
    manage_url: str

    @property
    def status(self):
        return self.registration.status

    def get_status_display(self):
        return self.registration.get_status_display()


def _with_waitlist_positions(registrations):
    """Annotate `ahead`: the people waiting before each registration, in the same query."""
    ahead = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"),
            status=RegistrationStatus.WAITLISTED,
            pk__lt=OuterRef("pk"),
        )
        .order_by()
        .values("event_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return registrations.annotate(ahead=Coalesce(Subquery(ahead), 0))


def own_registrations(user, language, request=None, now=None):
    """The member's registrations, split into (upcoming, past), with events in `language`.

    Three queries whatever the number of registrations: the registrations with their
    events and waitlist places, the events' translations, and the site's root paths.
    """
    from network.members import member_registrations

    now = now or timezone.now()
    registrations = list(
        _with_waitlist_positions(member_registrations(user))
        .select_related("event")
        .defer("event__programme", "event__description")
        .order_by("event__start", "pk")
    )
    keys = {registration.event.translation_key for registration in registrations}
    translated = {
        page.translation_key: page
        for page in EventPage.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language)
        .defer("programme", "description")
    }
    upcoming, past = [], []
    for registration in registrations:
        page = translated.get(registration.event.translation_key, registration.event)
        base = page.get_url(request) or ""
        line = OwnRegistration(
            registration=registration,
            event=page,
            position=registration.ahead + 1
            if registration.status == RegistrationStatus.WAITLISTED
            else None,
            manage_url=base + page.reverse_subpage("manage", args=[registration.manage_secret]),
        )
        (upcoming if registration.event.end >= now else past).append(line)
    past.reverse()  # the most recent first
    return upcoming, past


def active_registrations_of(email, now=None):
    """The active registrations of `email` (any case) for events that have not ended."""
    email = (email or "").strip()
    if not email or len(email) > 254:
        return Registration.objects.none()
    now = now or timezone.now()
    return (
        Registration.objects.active()
        .filter(email__iexact=email, anonymised_at__isnull=True, event__end__gte=now)
        .filter(~Q(email=""))
        .order_by("event__start", "pk")
    )


def send_lost_links(email, now=None):
    """E-mail each active registration of `email` its manage link; how many were sent.

    Each e-mail goes to the address stored with the registration, in that registrant's
    language. An address already served in the last `LINKS_EMAIL_INTERVAL` gets nothing
    new (0), so typing it repeatedly does not flood the mailbox.
    """
    from agenda import emails

    registrations = list(active_registrations_of(email, now))
    if not registrations:
        return 0
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    if not cache.add(f"agenda:lost-links:{digest}", 1, LINKS_EMAIL_INTERVAL):
        return 0
    for registration in registrations:
        emails.notify(registration, "manage_link")
    return len(registrations)
