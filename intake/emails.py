"""E-mails of the call and the theme board, each in its reader's language.

Applicants hear in the language they proposed their building in, proposers of a theme in
their own. Every e-mail goes through network.outgoing_mail: it is rendered when it is sent,
and one the mail server refuses is sent again later, never lost and never an error page.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from intake.board import proposer_language
from intake.models import CandidatePilot, ThemeProposal
from network import outgoing_mail
from network.base_url import absolute_url, page_url
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
    """Queue one e-mail to the applicant; a refusing mail server delays it, and never
    undoes their proposal or the decision. A decision's e-mail is fixed to the decision
    taken now, so a later retry does not speak of a newer one."""
    if kind == "decision":
        kind = candidate.status
    outgoing_mail.send_later(f"intake.{kind}", candidate.pk)


def applicant_builder(kind):
    """The outgoing_mail builder of the applicant e-mail of `kind`."""

    def build(candidate_id):
        candidate = (
            CandidatePilot.objects.select_related("call_page").filter(pk=candidate_id).first()
        )
        if candidate is None or not candidate.email:
            return None
        if kind == "confirm" and candidate.confirmed_at:
            return None  # confirmed meanwhile: the receipt went out instead
        return build_message(candidate, kind)

    return build


def build_theme_scheduled(proposal_id):
    """The e-mail telling a proposer, in their language, that their theme gets a work
    session; None if the proposal or the proposer's address is gone."""
    proposal = (
        ThemeProposal.objects.select_related("board", "proposer__member_profile")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None or not proposal.proposer.email:
        return None
    language = proposer_language(proposal)
    with translation.override(language):
        board = (
            proposal.board.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=language)
            .first()
            or proposal.board
        )
        body = render_to_string(
            "intake/emails/theme_scheduled.txt",
            {"proposal": proposal, "board_url": absolute_url(board.url or "")},
        )
        subject = str(_("Your theme gets a work session: %(theme)s") % {"theme": proposal.title})
    return EmailMessage(
        subject=header_value(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[proposal.proposer.email],
        headers={"Content-Language": language},
    )


# Registered once, when IntakeConfig.ready imports this module.
for _kind in SUBJECTS:
    outgoing_mail.register(f"intake.{_kind}", applicant_builder(_kind))
outgoing_mail.register("intake.theme_scheduled", build_theme_scheduled)
