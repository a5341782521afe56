"""Bulk e-mails to registrants: one refused address never stops the others."""

import pytest
from django.core import mail
from django.test import override_settings

from agenda import services
from tests.network.test_notifications import REFUSED, REFUSING

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_registered(event, registrant):
    """Three confirmed, checked-in registrants; the mail server refuses the first one's address."""
    people = [
        services.register(event, registrant(n, email=email))
        for n, email in enumerate([REFUSED, "an@example.org", "bert@example.org"])
    ]
    for person in people:
        services.check_in(person)
    mail.outbox.clear()
    return people


def recipients():
    return sorted(message.to[0] for message in mail.outbox)


@pytest.mark.parametrize(
    "send",
    [
        lambda event: services.message_attendees(
            event, "confirmed", "Praktisch\r\nBcc: x@example.org", "Tot dan."
        ),
        lambda event: services.send_follow_up(event, note="Bedankt"),
    ],
    ids=["message", "follow_up"],
)
def test_a_refused_registrant_never_stops_the_others(event, three_registered, send):
    """The refusing backend stands in for an SMTP server, which cannot run here."""
    with override_settings(EMAIL_BACKEND=REFUSING):
        send(event)
    assert recipients() == ["an@example.org", "bert@example.org"]
    assert all("\n" not in m.subject and "\r" not in m.subject for m in mail.outbox)
