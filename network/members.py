"""Member services: the personal data download and account deletion.

`export_member_data` gathers everything the site keeps about a member, wherever it lives
(the account, the profile, comments, topics, likes, flags, follows, notifications, digests
sent, event registrations, clause selections, requests for exchange components and the
moderation decisions about them). `delete_member` removes or anonymises the same, so the
two stay a pair: what one exports, the other erases.
"""

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail.models import Page

from network.models import (
    DigestLog,
    DiscussionComment,
    MemberProfile,
    ThreadFollow,
    TopicPage,
    profile_for,
)


def _iso(moment):
    return moment.isoformat() if moment else None


def _optional_model(name):
    """A network model that a later version of the site may have, or None."""
    return _optional("network", name)


def _titles_in_language(page_ids, language):
    """{page id: (title, URL)} of pages in `language` where translated (two queries)."""
    pages = list(
        Page.objects.filter(pk__in=set(page_ids)).only(
            "title", "translation_key", "url_path", "path", "depth", "locale_id"
        )
    )
    local = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=language,
        )
        .only("title", "translation_key", "url_path", "path", "depth", "locale_id")
    }
    titles = {}
    for page in pages:
        shown = local.get(page.translation_key, page)
        titles[page.pk] = (shown.title, shown.get_full_url() or "")
    return titles


def _page_fields(titles, page_id):
    title, url = titles.get(page_id, ("", ""))
    return {"page_id": page_id, "page_title": title, "page_url": url}


def member_registrations(user):
    """The event registrations made with the account or with one of its verified addresses
    (registering needs no account, so a member may have registered before signing up)."""
    from allauth.account.models import EmailAddress

    from agenda.models import Registration

    addresses = list(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )
    match = Q(user=user)
    for address in {*addresses, user.email} - {""}:
        match |= Q(email__iexact=address)
    return Registration.objects.filter(match, anonymised_at__isnull=True)


def _theme_name(theme, language):
    from knowledge.models import Theme

    if theme is None:
        return None
    local = Theme.objects.filter(
        translation_key=theme.translation_key, locale__language_code=language
    ).first()
    return (local or theme).name


def export_member_data(user):
    """Everything the site keeps about a member, as plain JSON-ready data, with page and
    theme names in the member's own language."""
    from allauth.account.models import EmailAddress

    from agenda.emails import localized_event, localized_sessions
    from agenda.questions import shown_answers
    from network.digest import followed_theme_names

    profile = profile_for(user)
    language = profile.preferred_language
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "profile": {
            field.name: getattr(profile, field.name)
            for field in MemberProfile._meta.concrete_fields
            if field.name not in {"id", "user", "organisation", "created_at"}
        },
    }
    data["profile"].update(
        {
            "organisation": profile.organisation.name if profile.organisation else None,
            "themes_followed": followed_theme_names(profile),
            "joined": _iso(profile.created_at),
        }
    )
    for key, value in list(data["profile"].items()):
        if hasattr(value, "isoformat"):
            data["profile"][key] = value.isoformat()

    comments = list(DiscussionComment.objects.filter(user=user).order_by("submit_date", "pk"))
    follows = list(ThreadFollow.objects.filter(user=user).order_by("created_at", "pk"))
    topics = list(
        TopicPage.objects.filter(author=user).select_related("theme", "locale").order_by("pk")
    )
    reactions = list(
        CommentFlag.objects.filter(user=user, flag__in=[LIKEDIT_FLAG, CommentFlag.SUGGEST_REMOVAL])
        .select_related("comment")
        .order_by("flag_date", "pk")
    )
    titles = _titles_in_language(
        [int(comment.object_pk) for comment in comments]
        + [follow.page_id for follow in follows]
        + [int(flag.comment.object_pk) for flag in reactions],
        language,
    )
    data["comments"] = [
        {
            "id": comment.pk,
            "written": _iso(comment.submit_date),
            "edited": _iso(comment.edited_at),
            "language": comment.language,
            **_page_fields(titles, int(comment.object_pk)),
            "text": comment.comment,
            "published": comment.is_public and not comment.is_removed,
            "waiting_for_moderation": not comment.is_public and not comment.is_removed,
            "removed": comment.is_removed,
        }
        for comment in comments
    ]
    data["topics"] = [
        {
            "id": topic.pk,
            "title": topic.title,
            "text": topic.body,
            "language": topic.locale.language_code,
            "theme": _theme_name(topic.theme, language),
            "published": topic.live,
            "started": _iso(topic.first_published_at or topic.latest_revision_created_at),
            "url": (topic.get_full_url() or "") if topic.live else "",
        }
        for topic in topics
    ]
    reports = {}
    report_model = _optional_model("CommentReport")
    if report_model is not None:
        for report in report_model.objects.filter(user=user):
            reports[report.comment_id] = {
                "reason": report.get_reason_display() if report.reason else "",
                "explanation": report.text,
            }
    data["likes"] = [
        {
            "comment_id": flag.comment_id,
            "liked": _iso(flag.flag_date),
            **_comment_page(titles, flag),
        }
        for flag in reactions
        if flag.flag == LIKEDIT_FLAG
    ]
    data["flags"] = [
        {
            "comment_id": flag.comment_id,
            "flagged": _iso(flag.flag_date),
            **_comment_page(titles, flag),
            **reports.get(flag.comment_id, {}),
        }
        for flag in reactions
        if flag.flag == CommentFlag.SUGGEST_REMOVAL
    ]
    data["followed_threads"] = [
        {"since": _iso(follow.created_at), **_page_fields(titles, follow.page_id)}
        for follow in follows
    ]
    data["digests_sent"] = list(
        DigestLog.objects.filter(user=user).order_by("sent_at").values_list("week", flat=True)
    )
    data["notifications"] = _notifications(user)
    data["clause_selections"] = _clause_selections(user)
    data["component_requests"] = _component_requests(user, language)
    data.update(_intake(user, language))
    data["moderation_decisions"] = _moderation_actions(user)
    data["event_registrations"] = [
        {
            "event": localized_event(registration.event, language).title,
            "event_starts": _iso(registration.event.start),
            "status": registration.status,
            "registered": _iso(registration.created_at),
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation_name,
            "role": registration.role,
            "green_deal": registration.green_deal,
            "dietary_needs": registration.dietary_needs,
            "accessibility_needs": registration.accessibility_needs,
            "language": registration.language,
            "sessions": [str(session) for session in localized_sessions(registration, language)],
            "privacy_consent": _iso(registration.consent_at),
            "waitlisted": _iso(registration.waitlisted_at),
            "promoted": _iso(registration.promoted_at),
            "cancelled": _iso(registration.cancelled_at),
            "checked_in": _iso(registration.checked_in_at),
            "unsubscribed_from_event_messages": _iso(registration.mail_opt_out_at),
            "answers": [
                {"question": question, "answer": answer}
                for question, answer in shown_answers(registration, language)
            ],
        }
        for registration in member_registrations(user)
        .select_related("event")
        .prefetch_related("sessions")
        .order_by("created_at", "pk")
    ]
    return data


def _comment_page(titles, flag):
    return _page_fields(titles, int(flag.comment.object_pk))


def _optional(app_label, name):
    """A model of another app that this version of the site may not have, or None."""
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _clause_selections(user):
    model = _optional("knowledge", "SavedSelection")
    if model is None:
        return []
    return [
        {
            "name": selection.name,
            "clauses": list(selection.clause_keys),
            "shared_by_link": bool(getattr(selection, "share_token", "")),
            "created": _iso(selection.created_at),
            "updated": _iso(selection.updated_at),
        }
        for selection in model.objects.filter(owner=user).order_by("pk")
    ]


def _component_requests(user, language):
    """The member's requests for components of the exchange, offers named in their language."""
    from django.utils import translation

    model = _optional("exchange", "ComponentRequest")
    if model is None:
        return []
    with translation.override(language):
        return [
            {
                "component": str(request.offer),
                "quantity": request.quantity,
                "message": request.message,
                "name": request.name,
                "email": request.email,
                "organisation": request.organisation_name,
                "status": request.status,
                "decision_note": request.decision_note,
                "requested": _iso(request.created_at),
                "decided": _iso(request.decided_at),
                "collected": _iso(request.collected_at),
            }
            for request in model.objects.filter(user=user).select_related("offer").order_by("pk")
        ]


def _notifications(user):
    model = _optional_model("Notification")
    if model is None:
        return []
    return [
        {
            "kind": getattr(notification, "kind", ""),
            "title": getattr(notification, "title", ""),
            "link": getattr(notification, "url", ""),
            "reason": getattr(notification, "reason", ""),
            "created": _iso(getattr(notification, "created_at", None)),
            "read": _iso(getattr(notification, "read_at", None)),
        }
        for notification in model.objects.filter(recipient=user).order_by("pk")
    ]


def _intake(user, language):
    """The buildings the member proposed for a pilot, and the themes they proposed and voted
    for on the theme board; choices named in the member's language. Editors' own notes on a
    proposed building are theirs, and stay out."""
    from django.utils import translation

    candidates = _optional("intake", "CandidatePilot")
    proposals = _optional("intake", "ThemeProposal")
    votes = _optional("intake", "ThemeVote")
    if candidates is None or proposals is None or votes is None:
        return {}
    with translation.override(language):
        return {
            "pilot_buildings_proposed": [
                {
                    "organisation": candidate.organisation,
                    "contact_name": candidate.contact_name,
                    "email": candidate.email,
                    "phone": candidate.phone,
                    "address": candidate.address,
                    "postcode": candidate.postcode,
                    "municipality": candidate.municipality,
                    "building_type": str(candidate.get_building_type_display()),
                    "building_type_other": candidate.building_type_other,
                    "floor_area_m2": candidate.floor_area_m2,
                    "vacant_since": candidate.vacant_since,
                    "owner": candidate.owner,
                    "state": candidate.state,
                    "opportunities": candidate.opportunities,
                    "helps_map_neighbourhood": candidate.helps_map_neighbourhood,
                    "joins_workshop": candidate.joins_workshop,
                    "understands_no_obligation": candidate.understands_no_obligation,
                    "photos": candidate.photos.count(),
                    "language": candidate.language,
                    "status": str(candidate.get_status_display()),
                    "submitted": _iso(candidate.submitted_at),
                    "confirmed": _iso(candidate.confirmed_at),
                }
                for candidate in candidates.objects.filter(submitted_by=user).order_by("pk")
            ],
            "themes_proposed": [
                {
                    "theme": proposal.title,
                    "why": proposal.description,
                    "language": proposal.language,
                    "status": str(proposal.get_status_display()),
                    "proposed": _iso(proposal.created_at),
                }
                for proposal in proposals.objects.filter(proposer=user).order_by("pk")
            ],
            "theme_votes": [
                {"theme": vote.proposal.title, "voted": _iso(vote.created_at)}
                for vote in votes.objects.filter(voter=user)
                .select_related("proposal")
                .order_by("pk")
            ],
        }


def _moderation_actions(user):
    model = _optional_model("ModerationAction")
    if model is None:
        return []
    return [
        {
            "action": getattr(action, "action", ""),
            "about": getattr(action, "summary", ""),
            "reason": getattr(action, "reason", ""),
            "when": _iso(getattr(action, "created_at", None)),
        }
        for action in model.objects.filter(member=user).order_by("pk")
    ]


def _erase_registrations(user, now):
    """Cancel the member's registrations for events still to come (their seat goes to the
    waitlist) and blank the personal data of all of them, answers to the organisers'
    questions included; the counts stay."""
    from agenda import services
    from agenda.models import RegistrationStatus

    registrations = list(member_registrations(user).select_related("event"))
    for registration in registrations:
        if registration.status != RegistrationStatus.CANCELLED and registration.event.start > now:
            services.cancel(registration, now=now)
    from agenda.models import Registration, RegistrationAnswer

    ids = [registration.pk for registration in registrations]
    RegistrationAnswer.objects.filter(registration_id__in=ids).delete()
    Registration.objects.filter(pk__in=ids).update(anonymised_at=now, **services.ANONYMISED_FIELDS)


@transaction.atomic
def delete_member(user):
    """Delete a member's account and everything kept about them.

    Published comments and topics stay in their threads as a former member's (their text
    answers others); comments and topics still waiting for a moderator are deleted, so they
    leave the moderation queue. Registrations are cancelled when still to come and
    anonymised, and so are requests for exchange components; the moderation log forgets the
    member's words; likes, flags, follows, notifications, clause selections and the profile
    go with the account.
    """
    now = timezone.now()
    DiscussionComment.objects.filter(user=user, is_public=False, is_removed=False).delete()
    # Comments keep their text; without a user they show as a former member's.
    DiscussionComment.objects.filter(user=user).update(
        user=None, user_name="", user_email="", user_url="", ip_address=None
    )
    for topic in TopicPage.objects.filter(author=user, live=False):
        topic.delete()
    _erase_registrations(user, now)
    # The moderation log keeps each decision, who took it and why, but not the member's
    # words (a comment or title quoted in its summary); the member becomes anonymous there.
    action_model = _optional_model("ModerationAction")
    if action_model is not None:
        action_model.objects.filter(member=user).update(summary="", member=None)
    # Requests for exchange components stay for the offering side's records (quantities,
    # decisions), without who asked nor their words.
    request_model = _optional("exchange", "ComponentRequest")
    if request_model is not None:
        request_model.objects.filter(user=user).update(
            user=None, name="", email="", organisation_name="", message=""
        )
    MemberProfile.objects.filter(user=user).delete()
    user.delete()
