"""Trust levels: how far the network trusts a member, growing with their approved comments.

A new member's first posts wait for a moderator. After `COMMUNITY_FIRST_COMMENTS_MODERATED`
approved comments they post without moderation (member); after `COMMUNITY_TRUSTED_AFTER`
= (comments, days) approved comments spread over at least that many days, their links count
for search engines too (trusted). The level is worked out again on each approval and by
`manage.py update_trust_levels`; it only ever grows by itself. Moderators raise, lower or pin
it (a pinned level no longer changes by itself).
"""

import datetime

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone

from network.models import DiscussionComment, MemberProfile, TrustLevel, profile_for


def earned_level(approved_count, first_approved_at, now=None):
    """The level that `approved_count` approved comments, the first at `first_approved_at`,
    earn by themselves."""
    now = now or timezone.now()
    comments, days = settings.COMMUNITY_TRUSTED_AFTER
    if (
        approved_count >= comments
        and first_approved_at is not None
        and now - first_approved_at >= datetime.timedelta(days=days)
    ):
        return TrustLevel.TRUSTED
    if approved_count >= settings.COMMUNITY_FIRST_COMMENTS_MODERATED:
        return TrustLevel.MEMBER
    return TrustLevel.NEW


def approved_comments(user):
    return DiscussionComment.objects.filter(user=user, is_public=True, is_removed=False)


def update_trust_level(user, now=None):
    """Raise the member's level to what their approved comments earn; returns the level.

    Never lowers a level and never touches a pinned one.
    """
    profile = profile_for(user)
    if profile.trust_level_pinned or profile.trust_level >= TrustLevel.TRUSTED:
        return profile.trust_level
    stats = approved_comments(user).aggregate(count=Count("pk"), first=Min("submit_date"))
    earned = earned_level(stats["count"], stats["first"], now)
    if earned > profile.trust_level:
        profile.trust_level = earned
        profile.save(update_fields=["trust_level"])
    return profile.trust_level


def update_all_trust_levels(now=None):
    """Raise every unpinned member's level to what they earned; returns how many changed.

    One query for the figures of every member with approved comments, one save per change.
    """
    figures = (
        DiscussionComment.objects.filter(is_public=True, is_removed=False, user__isnull=False)
        .order_by()  # the model's ordering would split the groups
        .values("user_id")
        .annotate(count=Count("pk"), first=Min("submit_date"))
    )
    by_user = {row["user_id"]: (row["count"], row["first"]) for row in figures}
    changed = 0
    profiles = MemberProfile.objects.filter(
        trust_level_pinned=False, trust_level__lt=TrustLevel.TRUSTED, user_id__in=list(by_user)
    ).select_related("user")
    for profile in profiles:
        earned = earned_level(*by_user[profile.user_id], now=now)
        if earned > profile.trust_level:
            profile.trust_level = earned
            profile.save(update_fields=["trust_level"])
            changed += 1
    return changed


def set_trust_level(user, level, pinned=None):
    """A moderator's choice: the level as given, pinned or not (unchanged when None).

    Returns whether anything changed.
    """
    profile = profile_for(user)
    level = TrustLevel(int(level))
    before = (profile.trust_level, profile.trust_level_pinned)
    profile.trust_level = level
    if pinned is not None:
        profile.trust_level_pinned = bool(pinned)
    if (profile.trust_level, profile.trust_level_pinned) == before:
        return False
    profile.save(update_fields=["trust_level", "trust_level_pinned"])
    return True


def links_followed(user):
    """Whether search engines may follow the links this member writes (no rel="nofollow")."""
    if user is None:
        return False
    if user.is_staff:
        return True
    profile = getattr(user, "member_profile", None)
    return profile is not None and profile.trust_level >= TrustLevel.TRUSTED
