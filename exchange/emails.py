"""E-mails of the component exchange, each rendered in its reader's language.

The member hears in the language they asked in; the offering side in its contact's
language. Sending never raises: the decision it reports has already been committed, so a
failing mail server is logged rather than turned into an error page.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from network.base_url import absolute_url
from network.headers import header_value

logger = logging.getLogger(__name__)

SUBJECTS = {
    "requested": _("Your request for %(offer)s"),
    "new_request": _("New request for %(offer)s"),
    "reserved": _("Reserved for you: %(offer)s"),
    "declined": _("Your request for %(offer)s was declined"),
    "collected": _("Collected: %(offer)s"),
}


def _send(kind, component_request, to, language):
    with translation.override(language):
        offer = component_request.offer
        context = {
            "kind": kind,
            "request": component_request,
            "offer": offer,
            "offer_name": offer.localized_name,
            "offer_url": absolute_url(reverse("exchange_offer", args=[offer.pk])),
            "requests_url": absolute_url(reverse("exchange_requests")),
        }
        subject = str(SUBJECTS[kind] % {"offer": offer.localized_name})
        body = render_to_string("exchange/emails/message.txt", context)
    message = EmailMessage(
        subject=header_value(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language},
    )
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the %s e-mail of request %s", kind, component_request.pk)


def notify_requested(component_request):
    """Tell the member their request is held, and the offering side that it came in."""
    _send("requested", component_request, component_request.email, component_request.language)
    offer = component_request.offer
    _send("new_request", component_request, offer.contact_email, offer.contact_language)


def notify_decision(component_request):
    """Tell the member what was decided (reserved, declined or collected)."""
    _send(
        component_request.status,
        component_request,
        component_request.email,
        component_request.language,
    )
