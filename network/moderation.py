"""Moderation decisions: approve, keep, remove or reject posts, trust and suspend members.

Every decision is written to the audit log (`ModerationAction`: who, what, when, why) and the
member it concerns hears of it: a notification on the site and an e-mail in their language
(rejections and suspensions always, publications when they chose so). Moderators hear of
new items in the queue through one notification at most per
`COMMUNITY_MODERATION_ALERT_SECONDS`, whatever number of moderators and app servers.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from wagtail.models import Page

from network import discussions, inbox, topics, trust
from network.base_url import absolute_url
from network.inbox import Decision
from network.models import (
    DiscussionComment,
    ModerationAction,
    ModerationActionKind,
    NotificationKind,
    TrustLevel,
    profile_for,
)

ALERT_KEY = "moderation:alerted"
MAX_SUSPENSION_DAYS = 3650


class ModerationError(Exception):
    """A decision that cannot be taken as asked, with the reason to show."""


def log(moderator, action, *, member=None, comment=None, page=None, summary="", reason=""):
    """Write one decision to the audit log."""
    return ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        member=member,
        comment=comment,
        page_id=page.pk if page is not None else None,
        summary=summary[:255],
        reason=reason,
    )


def moderators():
    """Active users who may moderate: superusers and holders of the moderation permission,
    directly or through a group."""
    permission = Permission.objects.filter(
        codename="can_moderate", content_type__app_label="django_comments"
    ).first()
    query = Q(is_superuser=True)
    if permission is not None:
        query |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return get_user_model().objects.filter(query, is_active=True).distinct()


def is_moderator(user):
    return user.is_active and (user.is_superuser or user.has_perm("django_comments.can_moderate"))


def alert_moderators(now=None):
    """One notification to every moderator that the queue has new items, unless one went out
    in the last `COMMUNITY_MODERATION_ALERT_SECONDS`.

    cache.add() sets the key only where it is missing, atomically on every backend the site
    uses, so two posts at once (on two app servers) still make one alert. Returns how many
    moderators were told.
    """
    if not cache.add(ALERT_KEY, True, settings.COMMUNITY_MODERATION_ALERT_SECONDS):
        return 0
    from network.notifications import send_each

    url = reverse("network_moderation")
    told = 0
    for moderator in moderators().select_related("member_profile"):
        inbox.notify(moderator, NotificationKind.MODERATION_QUEUE, url=url)
        told += 1
        profile = getattr(moderator, "member_profile", None)
        if profile is not None and profile.notify_moderation_queue:
            send_each(
                moderator,
                "network/emails/moderation_queue_subject.txt",
                "network/emails/moderation_queue.txt",
                {"queue_url": absolute_url(url)},
            )
    return told


def page_of(comment):
    return Page.objects.filter(pk=int(comment.object_pk)).first()


def tell_member(
    user, decision, *, page=None, comment=None, title="", reason="", until=None, text="", email=True
):
    """The member hears of a decision: a notification, and an e-mail in their language."""
    from network.notifications import send_each

    if user is None or not user.is_active:
        return
    inbox.notify(
        user,
        NotificationKind.MODERATION,
        page=page,
        comment=comment,
        title=title,
        decision=decision,
        reason=reason,
        until=until,
    )
    if not email:
        return
    language = profile_for(user).preferred_language
    with translation.override(language):
        context = {
            "decision": decision,
            "subject": title or (page.title if page is not None else ""),
            "reason": reason,
            "text": text,
            "until_text": date_format(localtime(until), "DATETIME_FORMAT") if until else "",
            "notifications_url": absolute_url(reverse("member_notifications")),
        }
    if page is not None and page.live:
        context["target"] = page  # send() links the page in the member's language
    send_each(
        user, "network/emails/moderation_subject.txt", "network/emails/moderation.txt", context
    )


def wants_publication_email(user):
    return user is not None and profile_for(user).notify_moderation


def approve_comment(moderator, comment):
    """Publish a waiting comment; the author hears of it."""
    if not discussions.approve_comment(comment):
        return False
    CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).delete()
    page = page_of(comment)
    log(
        moderator,
        ModerationActionKind.APPROVE_COMMENT,
        member=comment.user,
        comment=comment,
        page=page,
        summary=comment.comment[:200],
    )
    tell_member(
        comment.user,
        Decision.COMMENT_PUBLISHED,
        page=page,
        comment=comment,
        email=wants_publication_email(comment.user),
    )
    return True


def keep_comment(moderator, comment):
    """A reported comment stays: its reports are cleared."""
    CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).delete()
    comment.reports.all().delete()
    log(
        moderator,
        ModerationActionKind.KEEP_COMMENT,
        member=comment.user,
        comment=comment,
        page=page_of(comment),
        summary=comment.comment[:200],
    )


def reject_comment(moderator, comment, reason):
    """Remove a comment for a reason the author is told (by e-mail, in their language)."""
    reason = clean_reason(reason)
    page = page_of(comment)
    discussions.remove_comment(comment)
    comment.reports.all().delete()
    log(
        moderator,
        ModerationActionKind.REJECT_COMMENT,
        member=comment.user,
        comment=comment,
        page=page,
        summary=comment.comment[:200],
        reason=reason,
    )
    tell_member(
        comment.user,
        Decision.COMMENT_REJECTED,
        page=page,
        comment=None,
        title=page.title if page is not None else "",
        reason=reason,
        text=comment.comment,
    )


def publish_topic(moderator, topic):
    topics.approve_topic(topic, moderator)
    log(
        moderator,
        ModerationActionKind.PUBLISH_TOPIC,
        member=topic.author,
        page=topic,
        summary=topic.title,
    )
    tell_member(
        topic.author,
        Decision.TOPIC_PUBLISHED,
        page=topic,
        email=wants_publication_email(topic.author),
    )


def reject_topic(moderator, topic, reason):
    """Refuse a waiting topic: the draft is deleted, its author told why; the log keeps
    its title."""
    reason = clean_reason(reason)
    if topic.live:
        raise ModerationError(_("This topic is already published."))
    author, title, body = topic.author, topic.title, topic.body
    with transaction.atomic():
        log(
            moderator,
            ModerationActionKind.REJECT_TOPIC,
            member=author,
            summary=title,
            reason=reason,
        )
        topic.delete()
    tell_member(author, Decision.TOPIC_REJECTED, title=title, reason=reason, text=body)


def clean_reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Give a reason: the member is told why."))
    if len(reason) > 2000:
        raise ModerationError(_("A reason can be at most %(max)d characters long.") % {"max": 2000})
    return reason


def suspend(moderator, user, days, reason, now=None):
    """Suspend a member for `days` days: they can read, not post, and are told until when."""
    reason = clean_reason(reason)
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise ModerationError(_("Suspend for 1 to %(max)d days.") % {"max": MAX_SUSPENSION_DAYS})
    until = (now or timezone.now()) + datetime.timedelta(days=days)
    profile = profile_for(user)
    profile.suspended_until = until
    profile.save(update_fields=["suspended_until"])
    log(
        moderator,
        ModerationActionKind.SUSPEND,
        member=user,
        summary=_("until %(until)s") % {"until": until.isoformat(timespec="minutes")},
        reason=reason,
    )
    tell_member(user, Decision.SUSPENDED, until=until, reason=reason)
    return until


def lift_suspension(moderator, user, reason=""):
    profile = profile_for(user)
    if profile.suspended_until is None:
        return False
    profile.suspended_until = None
    profile.save(update_fields=["suspended_until"])
    log(moderator, ModerationActionKind.UNSUSPEND, member=user, reason=reason)
    tell_member(user, Decision.UNSUSPENDED, reason=reason)
    return True


def change_trust_level(moderator, user, level, pinned=None, reason=""):
    """A moderator raises, lowers or pins a member's level; logged when it changes.

    Raising a member past "new" publishes what they have waiting.
    """
    before = profile_for(user).trust_level
    if not trust.set_trust_level(user, level, pinned):
        return False
    profile = profile_for(user)
    summary = f"{TrustLevel(before).label} → {TrustLevel(profile.trust_level).label}"
    if profile.trust_level_pinned:
        summary += " (" + str(_("pinned")) + ")"
    log(moderator, ModerationActionKind.TRUST_LEVEL, member=user, summary=summary, reason=reason)
    if profile.trust_level >= TrustLevel.MEMBER:
        waiting = DiscussionComment.objects.filter(user=user, is_public=False, is_removed=False)
        for comment in waiting:
            discussions.approve_comment(comment)
    return True


def record_profile_changes(moderator, profile, before):
    """Log what a moderator changed on a member's profile in the admin (`before`: the
    changed fields' earlier values); a new or lifted suspension is told to the member."""
    user = profile.user
    if "trust_level" in before or "trust_level_pinned" in before:
        old_level = before.get("trust_level", profile.trust_level)
        summary = f"{TrustLevel(int(old_level)).label} → {TrustLevel(profile.trust_level).label}"
        if profile.trust_level_pinned:
            summary += " (" + str(_("pinned")) + ")"
        log(moderator, ModerationActionKind.TRUST_LEVEL, member=user, summary=summary)
    if "suspended_until" in before:
        until = profile.suspended_until
        if until is not None and until > timezone.now():
            log(
                moderator,
                ModerationActionKind.SUSPEND,
                member=user,
                summary=_("until %(until)s") % {"until": until.isoformat(timespec="minutes")},
            )
            tell_member(user, Decision.SUSPENDED, until=until)
        else:
            log(moderator, ModerationActionKind.UNSUSPEND, member=user)
            tell_member(user, Decision.UNSUSPENDED)
