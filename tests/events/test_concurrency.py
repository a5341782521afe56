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
