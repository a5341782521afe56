"""E-mails of the component exchange, each rendered in its reader's language.

The member hears in the language they asked in; the offering side in its contact's
language. Every e-mail goes through network.outgoing_mail: rendered when it is sent, and
sent again later when the mail server refuses it, never lost and never an error page (the
request or decision it reports has already been committed).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from exchange.models import ComponentRequest
from network import outgoing_mail
from network.base_url import absolute_url
from network.headers import header_value

SUBJECTS = {
    "requested": _("Your request for %(offer)s"),
    "new_request": _("New request for %(offer)s"),
    "reserved": _("Reserved for you: %(offer)s"),
    "declined": _("Your request for %(offer)s was declined"),
    "collected": _("Collected: %(offer)s"),
}


def build_message(kind, component_request):
    """The e-mail of `kind` about `component_request`, in its reader's language: the
    offering side's contact for "new_request", else the member who asked."""
    offer = component_request.offer
    if kind == "new_request":
        to, language = offer.contact_email, offer.contact_language
    else:
        to, language = component_request.email, component_request.language
    if not to:
        return None
    with translation.override(language):
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
    return EmailMessage(
        subject=header_value(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language},
    )


def builder(kind):
    """The outgoing_mail builder of the e-mail of `kind`: None once the request is gone."""

    def build(request_id):
        component_request = (
            ComponentRequest.objects.select_related("offer").filter(pk=request_id).first()
        )
        if component_request is None:
            return None
        return build_message(kind, component_request)

    return build


def notify_requested(component_request):
    """Tell the member their request is held, and the offering side that it came in."""
    outgoing_mail.send_later("exchange.requested", component_request.pk)
    outgoing_mail.send_later("exchange.new_request", component_request.pk)


def notify_decision(component_request):
    """Tell the member what was decided (reserved, declined or collected). The e-mail is
    fixed to this decision, so a retry after a later one still reports this one."""
    outgoing_mail.send_later(f"exchange.{component_request.status}", component_request.pk)


# Registered once, when ExchangeConfig.ready imports this module.
for _kind in SUBJECTS:
    outgoing_mail.register(f"exchange.{_kind}", builder(_kind))
