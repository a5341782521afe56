"""What organisers do by hand: add, edit, cancel and promote registrations, send messages.

The seat rules are those of `agenda.services`: the same event lock, the same count. An
organiser may go beyond the capacity only by giving a reason, which is logged with the
registration (`RegistrationLogEntry`), so a hand-added registration and any number of
public ones at the same moment never overbook unless somebody decided so in writing.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda import questions, services
from agenda.models import (
    Registration,
    RegistrationLogEntry,
    RegistrationStatus,
    SentMessage,
)
from agenda.services import RegistrationError

EDITABLE_FIELDS = (
    "name",
    "email",
    "organisation_name",
    "role",
    "green_deal",
    "dietary_needs",
    "accessibility_needs",
    "language",
)

FULL_WITHOUT_REASON = _(
    "The event or a chosen session is full. To confirm this person anyway, give the reason "
    "for going beyond the capacity."
)


def _log(registration, action, actor, reason="", over_capacity=False):
    return RegistrationLogEntry.objects.create(
        registration=registration,
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        reason=reason,
        over_capacity=over_capacity,
    )


def _duplicate():
    return RegistrationError(
        "duplicate", _("This e-mail address is already registered for this event."), "email"
    )


def add_registration(event, registrant, session_keys=(), actor=None, reason="", answers=None):
    """Register a person by hand: confirmed when there is room, else waitlisted.

    With a `reason`, the person is confirmed even when the event or a session is full, and
    the log says it went beyond the capacity. Without room, without a reason and without a
    waitlist, it refuses. Registration windows do not apply: organisers add people late.
    """
    reason = (reason or "").strip()
    email = registrant.email.strip()
    now = timezone.now()
    try:
        with transaction.atomic():
            locked = services._lock_event(event)
            if Registration.objects.active().filter(event=locked, email__iexact=email).exists():
                raise _duplicate()
            sessions = services._resolve_sessions(locked, session_keys)
            confirmed = services._confirmed_count(locked)
            has_room = (locked.capacity is None or confirmed < locked.capacity) and not (
                services._full_sessions(sessions)
            )
            over_capacity = False
            if has_room:
                status = RegistrationStatus.CONFIRMED
            elif reason:
                status = RegistrationStatus.CONFIRMED
                over_capacity = True
            elif locked.waitlist_enabled:
                status = RegistrationStatus.WAITLISTED
            else:
                raise RegistrationError("full", FULL_WITHOUT_REASON, "reason")
            registration = Registration.objects.create(
                event=locked,
                status=status,
                name=registrant.name.strip(),
                email=email,
                organisation_name=registrant.organisation_name.strip(),
                organisation=services._match_organisation(registrant.organisation_name),
                role=registrant.role.strip(),
                green_deal=registrant.green_deal,
                dietary_needs=registrant.dietary_needs.strip(),
                accessibility_needs=registrant.accessibility_needs.strip(),
                language=registrant.language,
                consent_at=now,
                waitlisted_at=now if status == RegistrationStatus.WAITLISTED else None,
            )
            registration.sessions.set(sessions)
            if answers:
                questions.save_answers(registration, answers)
            _log(
                registration,
                RegistrationLogEntry.Action.ADDED,
                actor,
                reason if over_capacity else "",
                over_capacity,
            )
    except IntegrityError as error:
        raise _duplicate() from error
    from agenda import emails

    emails.notify(
        registration,
        "confirmed" if status == RegistrationStatus.CONFIRMED else "waitlisted",
    )
    return registration


def edit_registration(registration, changes, actor=None, answers=None):
    """Change a registration's details (not its seat); logs which fields changed."""
    try:
        with transaction.atomic():
            current = Registration.objects.select_for_update().get(pk=registration.pk)
            changed = []
            for field in EDITABLE_FIELDS:
                if field in changes:
                    value = changes[field]
                    value = value.strip() if isinstance(value, str) else value
                    if getattr(current, field) != value:
                        setattr(current, field, value)
                        changed.append(field)
            if "email" in changed and (
                Registration.objects.active()
                .filter(event_id=current.event_id, email__iexact=current.email)
                .exclude(pk=current.pk)
                .exists()
            ):
                raise _duplicate()
            if "organisation_name" in changed:
                current.organisation = services._match_organisation(current.organisation_name)
            current.save()
            if answers is not None:
                before = questions.initial_answers(current)
                after = {question.pk: value for question, value in answers.items()}
                if before != after:
                    questions.save_answers(current, answers)
                    changed.append("answers")
            if changed:
                _log(current, RegistrationLogEntry.Action.EDITED, actor, ", ".join(changed))
    except IntegrityError as error:
        raise _duplicate() from error
    return current


def cancel_registration(registration, actor=None, reason=""):
    """Cancel on the person's behalf (they get the usual e-mail; the waitlist moves up)."""
    outcome = services.cancel(registration)
    _log(outcome.registration, RegistrationLogEntry.Action.CANCELLED, actor, reason.strip())
    return outcome


def promote(registration, actor=None, reason=""):
    """Confirm one waitlisted person now, out of the waitlist's order.

    Needs a free seat (at the event and in each chosen session) or a `reason`, which is
    logged as going beyond the capacity.
    """
    reason = (reason or "").strip()
    now = timezone.now()
    with transaction.atomic():
        locked = services._lock_event(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != RegistrationStatus.WAITLISTED:
            raise RegistrationError("not_waitlisted", _("This person is not on the waitlist."))
        sessions = services._sessions_with_taken(
            locked, [session.translation_key for session in current.sessions.all()]
        )
        confirmed = services._confirmed_count(locked)
        has_room = (locked.capacity is None or confirmed < locked.capacity) and not (
            services._full_sessions(sessions)
        )
        if not has_room and not reason:
            raise RegistrationError("full", FULL_WITHOUT_REASON, "reason")
        current.status = RegistrationStatus.CONFIRMED
        current.promoted_at = now
        current.save(update_fields=["status", "promoted_at"])
        _log(
            current,
            RegistrationLogEntry.Action.PROMOTED,
            actor,
            "" if has_room else reason,
            over_capacity=not has_room,
        )
    from agenda import emails

    emails.notify(current, "promoted")
    return current


# -- messages -------------------------------------------------------------------------------


def recipients(event, audience):
    """Who a message to `audience` (confirmed or waitlisted) reaches."""
    return Registration.objects.filter(
        event=event.canonical_event(), status=audience, anonymised_at__isnull=True
    ).order_by("pk")


def follow_up_recipients(event):
    return (
        Registration.objects.filter(
            event=event.canonical_event(),
            checked_in_at__isnull=False,
            follow_up_sent_at__isnull=True,
            anonymised_at__isnull=True,
        )
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("pk")
    )


def preview(registration, kind, extra):
    """The e-mail one recipient would get (subject and text), rendered as it will be sent."""
    from agenda import emails

    message = emails.build_message(registration, kind, extra)
    return {"to": registration.email, "subject": message.subject, "body": message.body}


def send_message(event, audience, subject, body, actor=None):
    """Send a message to the confirmed or waitlisted people and keep it in the history."""
    sent = services.message_attendees(event, audience, subject, body)
    SentMessage.objects.create(
        event=event.canonical_event(),
        kind=SentMessage.Kind.MESSAGE,
        audience=audience,
        subject=subject,
        body=body,
        recipients=sent,
        sent_by=actor if getattr(actor, "pk", None) else None,
    )
    return sent


def follow_up_warnings(event, note="", now=None):
    """Why sending the follow-up now may be a mistake: it says nothing, or comes too early."""
    now = now or timezone.now()
    source = event.canonical_event()
    warnings = []
    if not (note or "").strip() and not (
        source.report_document_id or source.slides_document_id or source.survey_url
    ):
        warnings.append(
            _(
                "The follow-up is empty: the event has no report, slides or survey link and "
                "you wrote no note."
            )
        )
    if now < source.end:
        warnings.append(_("The event has not ended yet."))
    return warnings


def send_follow_up(event, note="", actor=None):
    """Send the follow-up to everyone checked in (once each) and keep it in the history."""
    sent = services.send_follow_up(event, note=note)
    SentMessage.objects.create(
        event=event.canonical_event(),
        kind=SentMessage.Kind.FOLLOW_UP,
        body=note,
        recipients=sent,
        sent_by=actor if getattr(actor, "pk", None) else None,
    )
    return sent
