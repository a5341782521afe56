"""The rules of the call: who may propose, when a proposal counts, and what a decision does."""

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from intake import emails
from intake.models import DECISIONS, CandidatePhoto, CandidatePilot
from network.slugs import unique_child_slug

CONFIRM_SALT = "intake.confirm-proposal"
# A confirmation link works this long; after that the applicant proposes again.
CONFIRM_MAX_AGE = 7 * 24 * 3600


def submit_proposal(form, *, user, language, call_page):
    """Save a valid ProposalForm with its photos and send the first e-mail.

    A logged-in member's proposal counts at once (their address is confirmed by their
    account); anyone else's waits until they follow the link sent to their address.
    """
    with transaction.atomic():
        candidate = form.save(commit=False)
        candidate.language = language
        candidate.call_page = call_page
        if user is not None and user.is_authenticated:
            candidate.submitted_by = user
            candidate.email = user.email or candidate.email
            candidate.confirmed_at = timezone.now()
        candidate.save()
        for upload in form.cleaned_data.get("photos", []):
            CandidatePhoto.objects.create(candidate=candidate, image=upload)
    # Sent once the proposal is stored, so no e-mail speaks of one that was rolled back.
    emails.send(candidate, "received" if candidate.confirmed_at else "confirm")
    return candidate


def _signer():
    return signing.TimestampSigner(salt=CONFIRM_SALT)


def confirmation_token(candidate):
    """The signed value in the confirmation link: the proposal and its address.

    Wagtail's page URLs take only letters, digits, "-" and "_" in a path segment, so the
    signed value (which holds ":") travels base64-encoded.
    """
    signed = _signer().sign_object({"id": candidate.pk, "email": candidate.email})
    return signing.b64_encode(signed.encode()).decode()


def confirm_proposal(token):
    """The proposal behind `token`, confirmed now if it was not yet; None for a bad link.

    Returns (candidate, newly_confirmed). Following the link twice confirms once and sends
    the receipt once.
    """
    try:
        signed = signing.b64_decode(token.encode()).decode()
        data = _signer().unsign_object(signed, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError):  # also an expired or mangled link
        return None, False
    with transaction.atomic():
        candidate = (
            CandidatePilot.objects.select_for_update()
            .filter(pk=data.get("id"), email=data.get("email"))
            .first()
        )
        if candidate is None:
            return None, False
        if candidate.confirmed_at:
            return candidate, False
        candidate.confirmed_at = timezone.now()
        candidate.save(update_fields=["confirmed_at"])
    emails.send(candidate, "received")
    return candidate, True


def announce_decision(candidate):
    """Tell the applicant that their building was selected or declined, once per decision."""
    if candidate.status not in DECISIONS or candidate.decision_sent == candidate.status:
        return False
    # One conditional UPDATE: two editors saving the same decision at once send one e-mail.
    updated = (
        CandidatePilot.objects.filter(pk=candidate.pk)
        .exclude(decision_sent=candidate.status)
        .update(decision_sent=candidate.status)
    )
    candidate.decision_sent = candidate.status
    if updated:
        emails.send(candidate, "decision")
    return bool(updated)


def _paragraphs(*texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)


def create_pilot_case(candidate, parent, user=None):
    """A draft pilot case under `parent` (a knowledge index) filled from `candidate`.

    Only the facts the page has are copied; the editor writes the rest. A candidate that
    already has its pilot case gets that one back instead of a second draft.
    """
    from knowledge.models.pages import BuildingType, PilotCasePage

    if candidate.pilot_case_id:
        existing = PilotCasePage.objects.filter(pk=candidate.pilot_case_id).first()
        if existing is not None:
            return existing, False
    # "Other" stays "other" on the page, with the applicant's own words for the type; a
    # kind the page does not know (none today) is left for the editor to choose.
    building_type = (
        candidate.building_type if candidate.building_type in BuildingType.values else ""
    )
    building_type_other = (
        candidate.building_type_other if building_type == BuildingType.OTHER else ""
    )
    kind = candidate.building_type_label
    title = f"{kind[:1].upper()}{kind[1:]} {candidate.municipality}"
    page = PilotCasePage(
        title=title,
        slug=unique_child_slug(parent, title, "pilot"),
        summary=candidate.state[:400],
        building_type=building_type,
        building_type_other=building_type_other,
        municipality=candidate.municipality,
        surface_m2=candidate.floor_area_m2,
        vacant_since=candidate.vacant_since,
        workshop="",
        revenue_model="",
        live=False,
        owner=user,
    )
    page.body = [
        (
            "paragraph",
            _paragraphs(
                f"{candidate.address}, {candidate.postcode} {candidate.municipality}",
                candidate.owner,
                candidate.opportunities,
            ),
        )
    ]
    with transaction.atomic():
        parent.add_child(instance=page)
        # A draft may leave required sections empty: the editor fills them before publishing.
        page.save_revision(user=user, clean=False, log_action=True)
        CandidatePilot.objects.filter(pk=candidate.pk).update(pilot_case=page)
    candidate.pilot_case = page
    return page, True
