"""E-mails to applicants, each in the language they proposed their building in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from network.base_url import page_url
from network.headers import header_value

SUBJECTS = {
    "confirm": _("Confirm your proposal for a pilot building"),
    "received": _("We received your proposal for a pilot building"),
    "selected": _("Your building is selected as a pilot"),
    "declined": _("About your proposal for a pilot building"),
}


def localized_call_page(candidate, language):
    """The live call page in `language`, else the page the proposal came through."""
    page = candidate.call_page
    if page is None:
        return None
    translated = (
        page.get_translations(inclusive=True).live().filter(locale__language_code=language).first()
    )
    return (translated or page).specific


def build_message(candidate, kind):
    """The e-mail of `kind` ("confirm", "received" or "decision") for `candidate`."""
    from intake.services import confirmation_token

    if kind == "decision":
        kind = candidate.status
    language = candidate.language or settings.LANGUAGE_CODE
    with translation.override(language):
        page = localized_call_page(candidate, language)
        call_url = page_url(page) if page is not None else ""
        confirm_url = ""
        if kind == "confirm" and page is not None:
            confirm_url = call_url + page.reverse_subpage(
                "confirm_route", args=[confirmation_token(candidate)]
            )
        context = {
            "kind": kind,
            "candidate": candidate,
            "call_url": call_url,
            "confirm_url": confirm_url,
        }
        subject = str(SUBJECTS[kind])
        body = render_to_string("intake/emails/applicant.txt", context)
    return EmailMessage(
        subject=header_value(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[candidate.email],
        headers={"Content-Language": language},
    )


def send(candidate, kind):
    """Send one e-mail to the applicant; a mail server error must not undo their proposal."""
    build_message(candidate, kind).send(fail_silently=True)
