"""On-site notifications: what is new for a member, under the bell in the page header.

Notifications are created by the rules that cause them (a new comment, a moderation
decision, a seat from the waitlist) and read on the member's notifications page. Their
wording is written at display time from the kind, in the reader's language, and the page
they point to is linked in that language where it is translated.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from network.models import Notification, NotificationKind


def notify(recipient, kind, *, actor=None, page=None, comment=None, url="", title="", **extra):
    """Create one notification for `recipient` (never for the member who caused it).

    `extra`: a moderation decision's `decision`, `reason` and `until`.
    """
    if recipient is None or (actor is not None and actor.pk == recipient.pk):
        return None
    return Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor=actor,
        page_id=page.pk if page is not None else None,
        comment=comment,
        url=url,
        title=(title or (page.title if page is not None else ""))[:255],
        **extra,
    )


def unread_count(user):
    """How many notifications the member has not read: one query, none for visitors."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def for_member(user):
    """The member's notifications, newest first, with what the list shows."""
    return Notification.objects.filter(recipient=user).select_related(
        "actor__member_profile", "page"
    )


def prepare(notifications, request):
    """Give each notification `text` and `link` in the reader's language.

    One query for the translations of the pages they point to, however many there are.
    """
    notifications = list(notifications)
    pages = [n.page for n in notifications if n.page is not None]
    local = {}
    if pages:
        locale = Locale.get_active()
        local = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(translation_key__in={p.translation_key for p in pages}, locale=locale)
            .only("title", "url_path", "translation_key", "path", "depth", "locale_id")
        }
    for notification in notifications:
        page = notification.page
        shown = local.get(page.translation_key) if page is not None else None
        if shown is None and page is not None and page.live:
            shown = page
        notification.subject = shown.title if shown is not None else notification.title
        link = notification.url
        if shown is not None:
            link = shown.get_url(request) or ""
            if link and notification.comment_id:
                link += f"#comment-{notification.comment_id}"
        notification.link = link
        notification.text = describe(notification)
    return notifications


def actor_name(notification):
    actor = notification.actor
    if actor is None:
        return _("A former member")
    profile = getattr(actor, "member_profile", None)
    return profile.display_name if profile is not None else actor.get_username()


def describe(notification):
    """One sentence saying what happened, in the active language."""
    values = {"name": actor_name(notification), "subject": notification.subject}
    kind = notification.kind
    if kind == NotificationKind.REPLY:
        return _("%(name)s commented on “%(subject)s”, a thread you follow.") % values
    if kind == NotificationKind.MENTION:
        return _("%(name)s mentioned you in “%(subject)s”.") % values
    if kind == NotificationKind.TOPIC_ANSWER:
        from network.discussions import is_proposal_thread

        if notification.page is not None and is_proposal_thread(notification.page):
            return _("%(name)s commented on your theme proposal “%(subject)s”.") % values
        return _("%(name)s answered your topic “%(subject)s”.") % values
    if kind == NotificationKind.WAITLIST_PROMOTION:
        return _("A seat came free: you are registered for “%(subject)s”.") % values
    if kind == NotificationKind.MODERATION_QUEUE:
        return _("New comments or topics wait for moderation.")
    return moderation_text(notification, values)


def moderation_text(notification, values):
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    decision = notification.decision
    if decision == Decision.COMMENT_PUBLISHED:
        return _("Your comment on “%(subject)s” has been published.") % values
    if decision == Decision.COMMENT_REJECTED:
        return _("A moderator removed your comment on “%(subject)s”.") % values
    if decision == Decision.TOPIC_PUBLISHED:
        return _("Your topic “%(subject)s” has been published.") % values
    if decision == Decision.TOPIC_REJECTED:
        return _("A moderator did not publish your topic “%(subject)s”.") % values
    if decision == Decision.SUSPENDED and notification.until is not None:
        until = date_format(localtime(notification.until), "DATETIME_FORMAT")
        return _(
            "A moderator suspended your account until %(until)s: you can read but not post."
        ) % {"until": until}
    if decision == Decision.UNSUSPENDED:
        return _("Your suspension has been lifted: you can post again.")
    return _("A moderator took a decision about your post.")


class Decision:
    """What a moderation notification reports (`Notification.decision`)."""

    COMMENT_PUBLISHED = "comment_published"
    COMMENT_REJECTED = "comment_rejected"
    TOPIC_PUBLISHED = "topic_published"
    TOPIC_REJECTED = "topic_rejected"
    SUSPENDED = "suspended"
    UNSUSPENDED = "unsuspended"


def mark_read(user, notification_id):
    """Mark one of the member's notifications read; returns whether it is theirs."""
    if not Notification.objects.filter(recipient=user, pk=notification_id).exists():
        return False
    Notification.objects.filter(recipient=user, pk=notification_id, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return True


def mark_all_read(user):
    """Mark every unread notification of the member read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notify_waitlist_promotion(registration_id):
    """A seat came free for a member on an event's waitlist: a notification beside the
    registration e-mail that agenda sends anyway.

    The member is the registration's account or, for a registration made without logging
    in, the member whose confirmed address it was made with.
    """
    from allauth.account.models import EmailAddress

    from agenda.models import Registration

    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return None
    user = registration.user
    if user is None:
        address = (
            EmailAddress.objects.filter(email__iexact=registration.email, verified=True)
            .select_related("user")
            .first()
        )
        user = address.user if address is not None else None
    if user is None or not user.is_active:
        return None
    return notify(user, NotificationKind.WAITLIST_PROMOTION, page=registration.event)
