"""Member services: profiles, the personal data download and account deletion."""

from django.db import transaction
from django.utils import timezone

from network.models import DiscussionComment, MemberProfile, ThreadFollow, profile_for


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
    comments = DiscussionComment.objects.filter(user=user).order_by("submit_date")
    data["comments"] = [
        {
            "written": comment.submit_date.isoformat(),
            "language": comment.language,
            "page_id": int(comment.object_pk),
            "text": comment.comment,
            "published": comment.is_public and not comment.is_removed,
        }
        for comment in comments
    ]
    data["followed_threads"] = list(
        ThreadFollow.objects.filter(user=user).values_list("page_id", flat=True)
    )
    return data


@transaction.atomic
def delete_member(user):
    """Delete a member's account and profile; what they wrote stays, as a former member's."""
    # Comments keep their text; without a user they show as a former member's.
    DiscussionComment.objects.filter(user=user).update(
        user=None, user_name="", user_email="", user_url="", ip_address=None
    )
    MemberProfile.objects.filter(user=user).delete()
    user.delete()
