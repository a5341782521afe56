"""Fifty people register at the same moment for twenty seats: nobody is overbooked."""

import threading

import pytest
from django.db import connection

from agenda import services
from agenda.models import Registration, RegistrationStatus
from tests.conftest import publish


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_for_twenty_seats(event, registrant):
    event.capacity = 20
    publish(event)
    start = threading.Barrier(50)
    errors = []

    def attempt(n):
        try:
            start.wait()
            services.register(event, registrant(n))
        except Exception as error:  # noqa: BLE001 - every failure is what we count here
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    registrations = list(Registration.objects.filter(event=event).order_by("pk"))
    assert len(registrations) == 50
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    waitlisted = [r for r in registrations if r.status == RegistrationStatus.WAITLISTED]
    assert len(confirmed) == 20
    assert len(waitlisted) == 30
    # Seats went in the order the lock was granted: every confirmed row precedes the waitlist.
    assert max(r.pk for r in confirmed) < min(r.pk for r in waitlisted)
    ordered = list(Registration.objects.filter(event=event).in_waitlist_order())
    assert [r.pk for r in ordered] == [r.pk for r in waitlisted]
    assert [services.waitlist_position(r) for r in ordered] == list(range(1, 31))
    assert len({r.email for r in registrations}) == 50


def _race(event, registrant, reason):
    """One hand-added registration and twenty public ones, all let go at the same moment."""
    from agenda import organiser

    start = threading.Barrier(21)
    errors = []

    def public(n):
        try:
            start.wait()
            services.register(event, registrant(n))
        except Exception as error:  # noqa: BLE001 - every failure is what we count here
            errors.append(repr(error))
        finally:
            connection.close()

    def by_hand():
        try:
            start.wait()
            organiser.add_registration(event, registrant(99, name="Met de hand"), reason=reason)
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=public, args=(n,)) for n in range(20)]
    threads.append(threading.Thread(target=by_hand))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return list(Registration.objects.filter(event=event))


@pytest.mark.django_db(transaction=True)
def test_a_hand_added_registration_racing_twenty_public_ones_never_overbooks(event, registrant):
    event.capacity = 20
    publish(event)
    registrations = _race(event, registrant, reason="")
    assert len(registrations) == 21
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    assert len(confirmed) == 20
    assert [r.status for r in registrations].count(RegistrationStatus.WAITLISTED) == 1


@pytest.mark.django_db(transaction=True)
def test_only_the_logged_override_goes_beyond_the_capacity(event, registrant):
    event.capacity = 20
    publish(event)
    # Nineteen seats go first, so the race is for the twentieth.
    for n in range(100, 119):
        services.register(event, registrant(n))
    registrations = _race(event, registrant, reason="Spreker")
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    hand = next(r for r in registrations if r.name == "Met de hand")
    assert hand.status == RegistrationStatus.CONFIRMED
    # The public ones filled exactly the capacity between them and the override; only the
    # override may be beyond it, and it says so.
    assert len(confirmed) in (20, 21)
    entry = hand.log_entries.get()
    assert entry.over_capacity == (len(confirmed) == 21)
    public_confirmed = [r for r in confirmed if r.pk != hand.pk]
    assert len(public_confirmed) == 20 - (0 if entry.over_capacity else 1)
