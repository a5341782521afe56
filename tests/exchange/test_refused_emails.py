"""A refusing mail server never loses a request for components or a decision on one.

The request and the decision are saved and the page answers as usual; the e-mails are
kept and `retry_failed_emails` sends them later, each in its reader's language.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from exchange import services
from exchange.models import ComponentRequest, RequestStatus
from network.models import KeptEmail
from tests.mail_backends import REFUSING
from tests.network.factories import member

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def retry_when_due():
    KeptEmail.objects.exclude(retry_after=None).update(retry_after=timezone.now())
    call_command("retry_failed_emails", verbosity=0)
    assert not KeptEmail.objects.exists()


def test_refused_request_is_held_and_both_emails_go_later(client, offer, committed):
    client.force_login(member(display_name="Lien Claes"))
    with override_settings(EMAIL_BACKEND=REFUSING), committed():
        response = client.post(
            url("exchange_offer", "fr", offer.pk), {"quantity": 2, "message": "Pour l'école."}
        )
    assert response.status_code == 302
    held = ComponentRequest.objects.get()
    assert (held.status, held.quantity, held.language) == (RequestStatus.REQUESTED, 2, "fr")
    assert mail.outbox == []
    assert sorted(KeptEmail.objects.values_list("kind", "object_id")) == [
        ("exchange.new_request", held.pk),
        ("exchange.requested", held.pk),
    ]

    call_command("retry_failed_emails", verbosity=0)
    assert mail.outbox == [], "not due yet"
    retry_when_due()
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {held.email, offer.contact_email}
    assert sent[held.email].subject.startswith("Ta demande pour")
    assert sent[held.email].extra_headers["Content-Language"] == "fr"
    assert sent[offer.contact_email].extra_headers["Content-Language"] == "nl"
    assert sent[offer.contact_email].subject.startswith("Nieuwe aanvraag")


def test_refused_decision_is_saved_and_its_email_goes_later(
    client, offer, organisation, requester, committed
):
    with committed():
        held = services.request_components(offer, requester(1, language="en"), 3, "Please.")
    mail.outbox.clear()
    client.force_login(member(organisation=organisation))
    with override_settings(EMAIL_BACKEND=REFUSING), committed():
        response = client.post(url("exchange_decide", "nl", held.pk, "accept"), {"note": "Ok"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.status == RequestStatus.RESERVED
    assert KeptEmail.objects.get().kind == "exchange.reserved"

    retry_when_due()
    [message] = mail.outbox
    assert message.to == ["aanvrager1@example.org"]
    assert message.subject.startswith("Reserved for you")
    assert message.extra_headers["Content-Language"] == "en"
