"""Member services: profiles, the personal data download and account deletion."""

from django.db import transaction
from django.utils import timezone

from network.models import MemberProfile, profile_for


def export_member_data(user):
    """Everything the site keeps about a member, as plain JSON-ready data."""
    from allauth.account.models import EmailAddress

    profile = profile_for(user)
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "profile": {
            "display_name": profile.display_name,
            "organisation": profile.organisation.name if profile.organisation else None,
            "role": profile.role,
            "bio": profile.bio,
            "themes_followed": [theme.name for theme in profile.themes.all()],
            "preferred_language": profile.preferred_language,
            "notify_replies": profile.notify_replies,
            "notify_mentions": profile.notify_mentions,
            "weekly_digest": profile.weekly_digest,
        },
    }
    for extra in _EXPORTERS:
        data.update(extra(user))
    return data


# Other parts of the community (comments, topics) add their own sections to the export.
_EXPORTERS = []


def register_exporter(function):
    _EXPORTERS.append(function)
    return function


# Called before the user row goes, so their contributions can be kept without their name.
_ANONYMISERS = []


def register_anonymiser(function):
    _ANONYMISERS.append(function)
    return function


@transaction.atomic
def delete_member(user):
    """Delete a member's account and profile; what they wrote stays, as a former member's."""
    for anonymise in _ANONYMISERS:
        anonymise(user)
    MemberProfile.objects.filter(user=user).delete()
    user.delete()
