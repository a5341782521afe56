"""Every registration rule lives here: capacity, waitlist, promotion, cancellation, check-in.

Views, admin views and management commands call these functions; tests call them directly.
Each function that changes who holds a seat runs in one transaction that first locks the
event's row (`select_for_update`; on SQLite the IMMEDIATE transaction mode serialises
writers), so the capacity check and the write can never interleave with another request's.
E-mails are queued only after the transaction has committed its decision.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import (
    CongressSession,
    EventPage,
    Registration,
    RegistrationStatus,
)
from agenda.models.events import EventStatus, RegistrationState
from network.models import Organisation


class RegistrationError(Exception):
    """A rule refused the request; `message` is translated and fit to show on the form."""

    def __init__(self, code, message, field=None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


STATE_ERRORS = {
    RegistrationState.NONE: _("This event does not take registrations on this site."),
    RegistrationState.CANCELLED: _("This event is cancelled; registration is closed."),
    RegistrationState.NOT_YET_OPEN: _("Registration for this event has not opened yet."),
    RegistrationState.CLOSED: _("Registration for this event is closed."),
    RegistrationState.PAST: _("This event has already started; registration is closed."),
}


@dataclass
class Registrant:
    """What a person tells us when registering (already validated by the form)."""

    name: str
    email: str
    organisation_name: str
    role: str
    green_deal: str
    language: str
    dietary_needs: str = ""
    accessibility_needs: str = ""
    user: object = None


@dataclass
class Outcome:
    """A registration and the people a change promoted from the waitlist."""

    registration: Registration
    promoted: list


def _lock_event(event):
    """Lock and return the event's original page: the row that guards its seats."""
    first_pk = (
        EventPage.objects.filter(translation_key=event.translation_key)
        .order_by("pk")
        .values("pk")[:1]
    )
    return (
        EventPage.objects.select_for_update(of=("self",))
        .defer("programme", "description")
        .get(pk=Subquery(first_pk))
    )


def _confirmed_count(event):
    return _confirmed_count_of(event.pk)


def _confirmed_count_of(event_pk):
    return Registration.objects.filter(
        event_id=event_pk, status=RegistrationStatus.CONFIRMED
    ).count()


def _free_seats(capacity, event_pk):
    """Seats left under `capacity` at the event with this primary key (None: no limit)."""
    if capacity is None:
        return None
    return max(capacity - _confirmed_count_of(event_pk), 0)


def _sessions_with_taken(event, keys=None):
    """The event's sessions with `taken`, the number of confirmed seats (one query)."""
    sessions = CongressSession.objects.filter(page=event).annotate(
        taken=Count(
            "registrations",
            filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
        )
    )
    if keys is not None:
        sessions = sessions.filter(translation_key__in=keys)
    return list(sessions)


def _session_full(session, page):
    """The refusal for a full session, named as on the reader's page: the sessions that hold
    the seats are the original event's, whose titles are in the original's language."""
    title = (
        CongressSession.objects.filter(page=page, translation_key=session.translation_key)
        .values_list("title", flat=True)
        .first()
    ) or session.title
    return RegistrationError(
        "session_full",
        _("The session “%(title)s” is full. Choose another session.") % {"title": title},
        "sessions",
    )


def sessions_with_speakers(page):
    """The page's parallel sessions with their speakers and, as `is_full`, whether a seat
    is left (three queries, whatever the number of sessions and speakers)."""
    from django.db.models import Prefetch

    from agenda.models import Speaker

    sessions = list(
        page.sessions.prefetch_related(
            Prefetch("speakers", queryset=Speaker.objects.select_related("organisation"))
        )
    )
    full = full_session_keys(sessions) if sessions else set()
    for session in sessions:
        session.is_full = str(session.translation_key) in full
    return sessions


def full_session_keys(sessions):
    """Translation keys of those of `sessions` (in any language) that have no seat left
    (one query). Seats are taken on the original page's sessions; a translation's session
    has the same key and capacity."""
    keys = {session.translation_key for session in sessions}
    rows = (
        CongressSession.objects.filter(translation_key__in=keys, capacity__isnull=False)
        .annotate(
            taken=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
            )
        )
        .values_list("translation_key", "capacity", "taken")
    )
    return {str(key) for key, capacity, taken in rows if taken >= capacity}


def _resolve_sessions(event, session_keys):
    """Map the chosen sessions (by translation key, any language) to the event's own.

    Raises if a choice is not part of the event or two choices overlap in time.
    """
    keys = {str(key) for key in session_keys if key}
    if not keys:
        return []
    sessions = _sessions_with_taken(event, keys)
    if len(sessions) != len(keys):
        raise RegistrationError(
            "session_invalid", _("Choose sessions that are part of this event."), "sessions"
        )
    for index, session in enumerate(sessions):
        for other in sessions[index + 1 :]:
            if session.overlaps(other):
                raise RegistrationError(
                    "session_overlap",
                    _("Choose at most one session per time slot."),
                    "sessions",
                )
    return sessions


def _full_sessions(sessions, exclude_registration=None):
    full = []
    for session in sessions:
        taken = session.taken
        if exclude_registration is not None and session.pk in exclude_registration:
            taken -= 1
        if session.capacity is not None and taken >= session.capacity:
            full.append(session)
    return full


def _match_organisation(name):
    return Organisation.objects.filter(name__iexact=name.strip()).first()


def register(event, registrant, session_keys=(), now=None, answers=None):
    """Register a person for an event: confirmed if there is room, else waitlisted.

    `answers` ({question: value}) to the event's own questions are saved with it.

    Runs a fixed number of queries whatever the number of existing registrations.
    Raises RegistrationError when a rule refuses; nothing is saved then.
    """
    now = now or timezone.now()
    email = registrant.email.strip()
    organisation = _match_organisation(registrant.organisation_name)
    try:
        with transaction.atomic():
            locked = _lock_event(event)
            state = locked.registration_state(now)
            if state != RegistrationState.OPEN:
                raise RegistrationError(state, STATE_ERRORS[state])
            if Registration.objects.active().filter(event=locked, email__iexact=email).exists():
                raise RegistrationError(
                    "duplicate",
                    _("This e-mail address is already registered for this event."),
                    "email",
                )
            sessions = _resolve_sessions(locked, session_keys)
            confirmed = _confirmed_count(locked)
            has_room = locked.capacity is None or confirmed < locked.capacity
            if has_room:
                full = _full_sessions(sessions)
                if full:
                    raise _session_full(full[0], event)
                status = RegistrationStatus.CONFIRMED
            elif locked.waitlist_enabled:
                status = RegistrationStatus.WAITLISTED
            else:
                raise RegistrationError("full", _("This event is full."))
            registration = Registration.objects.create(
                event=locked,
                user=registrant.user if getattr(registrant.user, "pk", None) else None,
                status=status,
                name=registrant.name.strip(),
                email=email,
                organisation_name=registrant.organisation_name.strip(),
                organisation=organisation,
                role=registrant.role.strip(),
                green_deal=registrant.green_deal,
                dietary_needs=registrant.dietary_needs.strip(),
                accessibility_needs=registrant.accessibility_needs.strip(),
                language=registrant.language,
                consent_at=now,
                waitlisted_at=timezone.now() if status == RegistrationStatus.WAITLISTED else None,
            )
            if sessions:
                Registration.sessions.through.objects.bulk_create(
                    [
                        Registration.sessions.through(
                            registration=registration, congresssession=session
                        )
                        for session in sessions
                    ]
                )
            if answers:
                from agenda.questions import save_answers

                save_answers(registration, answers)
    except IntegrityError as error:
        # The unique constraint caught a duplicate the lock did not (another event row).
        raise RegistrationError(
            "duplicate",
            _("This e-mail address is already registered for this event."),
            "email",
        ) from error
    from agenda import emails

    emails.notify(
        registration,
        "confirmed" if status == RegistrationStatus.CONFIRMED else "waitlisted",
    )
    return registration


def _promote_locked(event, now):
    """Give free seats to the waitlist in order; the caller holds the event lock.

    A waitlisted person whose chosen sessions are full is passed over until those
    sessions have room, so nobody is ever confirmed into a full session.
    """
    waiting = list(
        Registration.objects.filter(event=event).in_waitlist_order().prefetch_related("sessions")
    )
    if not waiting:
        return []
    confirmed = _confirmed_count(event)
    sessions = _sessions_with_taken(event)
    taken = {session.pk: session.taken for session in sessions}
    capacities = {session.pk: session.capacity for session in sessions}
    promoted = []
    for registration in waiting:
        if event.capacity is not None and confirmed >= event.capacity:
            break
        chosen = [session.pk for session in registration.sessions.all()]
        if any(
            capacities.get(pk) is not None and taken.get(pk, 0) >= capacities[pk] for pk in chosen
        ):
            continue
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        confirmed += 1
        for pk in chosen:
            taken[pk] = taken.get(pk, 0) + 1
        promoted.append(registration)
    return promoted


def promote_from_waitlist(event, now=None):
    """Fill free seats from the waitlist (after a cancellation or a capacity increase)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(event)
        if now >= locked.start:
            return []
        promoted = _promote_locked(locked, now)
    _notify_promoted(promoted)
    return promoted


def _notify_promoted(promoted):
    from agenda import emails

    for registration in promoted:
        emails.notify(registration, "promoted")


def cancel(registration, now=None):
    """Cancel a registration (allowed until the event starts) and promote from the waitlist."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            raise RegistrationError("already_cancelled", _("This registration is cancelled."))
        if now >= locked.start:
            raise RegistrationError(
                "too_late", _("The event has started; the registration can no longer change.")
            )
        was_confirmed = current.status == RegistrationStatus.CONFIRMED
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        promoted = _promote_locked(locked, now) if was_confirmed else []
    from agenda import emails

    emails.notify(current, "cancelled")
    _notify_promoted(promoted)
    return Outcome(registration=current, promoted=promoted)


def change_sessions(registration, session_keys, now=None, page=None):
    """Replace a registration's parallel sessions, within their capacities; the person gets
    an e-mail with the new choice and its calendar file when the choice changed.

    `page` is the event page the reader is on (a translation), for the names in errors.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            raise RegistrationError("already_cancelled", _("This registration is cancelled."))
        if now >= locked.start:
            raise RegistrationError(
                "too_late", _("The event has started; the registration can no longer change.")
            )
        sessions = _resolve_sessions(locked, session_keys)
        own = set(current.sessions.values_list("pk", flat=True))
        if current.status == RegistrationStatus.CONFIRMED:
            full = _full_sessions(sessions, exclude_registration=own)
            if full:
                raise _session_full(full[0], page or locked)
        current.sessions.set(sessions)
        promoted = (
            _promote_locked(locked, now)
            if current.status == RegistrationStatus.CONFIRMED and own - {s.pk for s in sessions}
            else []
        )
    if own != {session.pk for session in sessions}:
        from agenda import emails

        emails.notify(current, "sessions_changed")
    _notify_promoted(promoted)
    return Outcome(registration=current, promoted=promoted)


def check_in(registration, attended=True, now=None):
    """Mark a person as present (or undo it) at the door: only a confirmed seat checks in."""
    if attended and registration.status == RegistrationStatus.CANCELLED:
        raise RegistrationError("already_cancelled", _("This registration is cancelled."))
    if attended and registration.status == RegistrationStatus.WAITLISTED:
        raise RegistrationError(
            "waitlisted",
            _("%(name)s is on the waitlist, not confirmed: move them from the waitlist first.")
            % {"name": registration.name},
        )
    registration.checked_in_at = (now or timezone.now()) if attended else None
    registration.save(update_fields=["checked_in_at"])
    return registration


def waitlist_position(registration):
    """1 for the first person waiting, None when not on the waitlist."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = (
        Registration.objects.waitlisted()
        .filter(event_id=registration.event_id)
        .filter(pk__lt=registration.pk)
        .count()
    )
    return ahead + 1


def counts(event):
    """Confirmed, waitlisted, cancelled and attended registrations (one query)."""
    return Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        attended=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )


def seats_left(event):
    """Free seats at the event, or None when there is no limit."""
    return _free_seats(event.capacity, event.pk)


def seats_left_for_page(page):
    """`seats_left` of the event that `page` shows in one of its languages, in one query.

    The seats and registrations of an event are those of its canonical page, the first of its
    translation group (`EventPage.canonical_event`). Which page that is and its capacity
    change only when a page is published or deleted, so they are kept in the navigation
    cache, which both retire; the confirmed registrations are counted on every request.
    """
    from home.navigation import cached

    canonical = cached(
        f"event-canonical:{page.translation_key}",
        lambda: (
            EventPage.objects.filter(translation_key=page.translation_key)
            .order_by("pk")
            .values_list("pk", "capacity")
            .first()
        ),
    )
    if canonical is None:  # not stored yet
        return seats_left(page)
    pk, capacity = canonical
    return _free_seats(capacity, pk)


def active_registration(event, email):
    """The active registration of `email` (in any case) for `event`, in any language."""
    email = (email or "").strip()
    if not email or len(email) > 254:
        return None
    return (
        Registration.objects.active()
        .filter(
            event__translation_key=event.translation_key,
            email__iexact=email,
            anonymised_at__isnull=True,
        )
        .first()
    )


def send_manage_link(event, email):
    """E-mail the manage link of `email`'s registration for `event`; whether there was one.

    The e-mail goes to the address stored with the registration, never to one the visitor
    typed, so asking for someone else's link only sends it to them.
    """
    from agenda import emails

    registration = active_registration(event, email)
    if registration is None:
        return False
    emails.notify(registration, "manage_link")
    return True


def registration_for_token(event, token):
    """The registration a manage link points to, or None for an unknown or foreign token."""
    if not token or len(token) > 64 or not all(c.isalnum() or c in "-_" for c in token):
        return None
    registration = (
        Registration.objects.select_related("event")
        .filter(manage_secret=token, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or registration.event.translation_key != event.translation_key:
        return None
    return registration


def group_into_slots(sessions):
    """Group sessions into time slots: sessions that overlap share a slot.

    Returns a list of lists, in time order; an attendee takes at most one per slot.
    """
    slots = []
    slot_end = None
    for session in sorted(sessions, key=lambda s: (s.starts, s.sort_order or 0, s.pk or 0)):
        if slots and session.starts < slot_end:
            slots[-1].append(session)
            slot_end = max(slot_end, session.ends)
        else:
            slots.append([session])
            slot_end = session.ends
    return slots


def _claim(queryset, field, now):
    """Mark each row's `field` once; returns the rows this call claimed (race-safe)."""
    claimed = []
    for registration in queryset.filter(**{f"{field}__isnull": True}):
        updated = Registration.objects.filter(pk=registration.pk, **{f"{field}__isnull": True})
        if updated.update(**{field: now}):
            claimed.append(registration)
    return claimed


def message_attendees(event, audience, subject, body):
    """E-mail the confirmed or waitlisted people of an event; returns how many."""
    from agenda import emails

    if audience not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED):
        raise ValueError(f"Unknown audience: {audience}")
    # Those who unsubscribed from the event's messages are left out (and not counted).
    recipients = list(
        Registration.objects.filter(
            event=event.canonical_event(),
            status=audience,
            anonymised_at__isnull=True,
            mail_opt_out_at__isnull=True,
        )
    )
    for registration in recipients:
        emails.notify(registration, "message", {"subject": subject, "body": body})
    return len(recipients)


def send_follow_up(event, note="", now=None):
    """Send report, slides and survey link to everyone who checked in, once each."""
    from agenda import emails

    now = now or timezone.now()
    attended = Registration.objects.filter(
        event=event.canonical_event(),
        checked_in_at__isnull=False,
        anonymised_at__isnull=True,
    ).exclude(status=RegistrationStatus.CANCELLED)
    claimed = _claim(attended, "follow_up_sent_at", now)
    for registration in claimed:
        emails.notify(registration, "follow_up", {"note": note})
    return len(claimed)


def send_reminders(within, now=None):
    """Remind confirmed people of events starting within `within`; never twice."""
    from agenda import emails

    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            event__start__gt=now,
            event__start__lte=now + within,
            event__live=True,
            anonymised_at__isnull=True,
        )
        # A cancelled event is not coming up; a postponed one not at the time it had.
        .exclude(event__event_status__in=(EventStatus.CANCELLED, EventStatus.POSTPONED))
        .order_by("pk")
    )
    claimed = _claim(due, "reminder_sent_at", now)
    for registration in claimed:
        emails.notify(registration, "reminder")
    return len(claimed)


ANONYMISED_FIELDS = {
    "name": "",
    "email": "",
    "organisation_name": "",
    "role": "",
    "dietary_needs": "",
    "accessibility_needs": "",
    "user": None,
}


def registrations_to_purge(older_than_days, now=None):
    """Registrations of events that ended more than `older_than_days` ago, not yet blank."""
    now = now or timezone.now()
    return Registration.objects.filter(
        event__end__lt=now - timedelta(days=older_than_days),
        anonymised_at__isnull=True,
    )


def purge_registrations(older_than_days, now=None):
    """Blank the personal data of past events' registrations; counts and status remain.

    Answers to the organisers' questions and the reasons in the organisers' log may name
    the person too, so they go as well.
    """
    from agenda.models import RegistrationAnswer, RegistrationLogEntry

    now = now or timezone.now()
    with transaction.atomic():
        purged = registrations_to_purge(older_than_days, now)
        RegistrationAnswer.objects.filter(registration__in=purged).delete()
        RegistrationLogEntry.objects.filter(registration__in=purged).update(reason="")
        return purged.update(anonymised_at=now, **ANONYMISED_FIELDS)
