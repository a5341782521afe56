"""Thirty members ask for the last five units at the same moment: nobody gets more than is left."""

import threading

import pytest
from django.db import connection
from django.utils import translation

from exchange import services
from exchange.models import ComponentRequest, RequestStatus


@pytest.mark.django_db(transaction=True)
def test_thirty_concurrent_requests_for_the_last_five_units(offer, requester, mailoutbox):
    first = services.request_components(offer, requester(99), 5, "De eerste helft.")
    services.accept(first)
    start = threading.Barrier(30)
    refusals = []
    errors = []

    def attempt(n):
        try:
            start.wait()
            services.request_components(offer, requester(n), 1, "Eén stuk, graag.")
        except services.ExchangeError as error:
            refusals.append(error)
        except Exception as error:  # noqa: BLE001 - every other failure is a bug we count
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    held = ComponentRequest.objects.filter(offer=offer, status=RequestStatus.REQUESTED)
    assert held.count() == 5
    assert services.committed_quantity(offer) == offer.quantity == 10
    assert len(refusals) == 25
    # Everyone who came too late is told plainly that nothing is left.
    assert {error.code for error in refusals} == {"none_left"}
    with translation.override("en"):
        assert all("already requested or reserved" in str(e.message) for e in refusals)
    # The five who got a unit, and the offering side, heard by e-mail; nobody else did.
    member_mails = [m for m in mailoutbox if m.to != [offer.contact_email]]
    assert sorted(m.to[0] for m in member_mails) == sorted(
        [r.email for r in held] + [first.email, first.email]
    )
