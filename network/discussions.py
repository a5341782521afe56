"""Discussion rules: where a thread lives, who may post, moderation, likes, follows.

Views, admin actions and commands call these functions; they hold every rule of the
community's threads so tests can exercise them directly.
"""

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG
from wagtail.models import Locale, Page

from home.privacy import may_view, private_in_any_language
from network.models import DiscussionComment, ThreadFollow, TopicPage, profile_for


class DiscussionError(Exception):
    """A post or action that is refused, with the reason to show and the HTTP status."""

    def __init__(self, message, status=400, retry_after=None):
        super().__init__(message)
        self.message = message
        self.status = status
        # Seconds to wait before trying again, for a 429's Retry-After header.
        self.retry_after = retry_after


def commentable_types():
    from agenda.models import WorkSessionPage
    from intake.models import ThemeProposalPage
    from knowledge.models import LessonPage, PilotCasePage, PracticeExamplePage

    return (
        LessonPage,
        PracticeExamplePage,
        PilotCasePage,
        WorkSessionPage,
        TopicPage,
        ThemeProposalPage,
    )


def thread_author_filter(target):
    """A filter on users for who started the thread of `target` and hears of its answers:
    a topic's author, or a theme proposal's proposer."""
    from intake.models import ThemeProposal

    return Q(pk__in=TopicPage.objects.filter(pk=target.pk).values("author_id")) | Q(
        pk__in=ThemeProposal.objects.filter(page__pk=target.pk).values("proposer_id")
    )


def is_proposal_thread(target):
    """Whether `target` (a thread's page) is a theme proposal's page."""
    from intake.models import ThemeProposalPage

    return target.content_type_id == ContentType.objects.get_for_model(ThemeProposalPage).pk


def is_commentable(page):
    return isinstance(page, commentable_types())


def default_locale_id():
    from home.navigation import cached

    return cached("default-locale", lambda: Locale.get_default().pk)


def thread_target(page):
    """The page a thread is attached to: the default-language page of the translation group.

    Falls back to the page itself when the group has no page in the default language.
    """
    locale_id = default_locale_id()
    if page.locale_id == locale_id:
        return page
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id)
        .only("id", "content_type_id", "translation_key", "locale_id", "title", "url_path")
        .first()
    )
    return source or page


def thread_visible_to(request, page):
    """Whether the reader may read `page`'s thread: they may see the page and the page the
    thread belongs to (the thread is shared by all translations)."""
    return may_view(request, page) and may_view(request, thread_target(page))


def thread_filter(target):
    return {"content_type_id": target.content_type_id, "object_pk": str(target.pk)}


def visible_comments(target, user=None):
    """A thread in display order, each with `like_count`; a member also sees their pending ones.

    One query however long the thread is.
    """
    visible = Q(is_public=True)
    if user is not None and user.is_authenticated:
        visible |= Q(user=user)
    return (
        DiscussionComment.objects.filter(**thread_filter(target), is_removed=False)
        .filter(visible)
        .select_related("user__member_profile")
        .annotate(like_count=Count("flags", filter=Q(flags__flag=LIKEDIT_FLAG)))
        .order_by("thread_id", "order")
    )


def can_post(user):
    """Logged-in members with a verified e-mail address who are not suspended, and staff."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    if suspended_until(user) is not None:
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


def suspended_until(user, now=None):
    """When the member's suspension ends, or None when they are not suspended."""
    if not user.is_authenticated or user.is_staff:
        return None
    profile = getattr(user, "member_profile", None)
    if profile is None or not profile.is_suspended(now):
        return None
    return profile.suspended_until


def check_not_suspended(user):
    """Refuse a post from a suspended member, saying until when."""
    from django.utils.formats import date_format
    from django.utils.timezone import localtime
    from django.utils.translation import gettext as _

    until = suspended_until(user)
    if until is not None:
        raise DiscussionError(
            _("Your account is suspended until %(until)s: you can read but not post.")
            % {"until": date_format(localtime(until), "DATETIME_FORMAT")},
            403,
        )


def needs_moderation(user):
    """A new member's first posts wait for a moderator, and all of them while a moderator
    keeps them at that level; members past it, trusted members and staff post at once (see
    network.trust)."""
    from network.models import TrustLevel

    if user.is_staff:
        return False
    profile = profile_for(user)
    if profile.trust_level >= TrustLevel.MEMBER:
        return False
    if profile.trust_level_pinned:
        return True  # a moderator keeps this member's posts under review
    approved = DiscussionComment.objects.filter(user=user, is_public=True, is_removed=False)
    return approved.count() < settings.COMMUNITY_FIRST_COMMENTS_MODERATED


def check_rate_limit(user, now=None):
    """Refuse a post beyond the member's rate (one query). The refusal says how long to wait:
    until enough of the recent posts have left the window for one more to fit."""
    from django.utils.translation import gettext as _

    from network.ratelimit import describe_wait

    now = now or timezone.now()
    limit, seconds = settings.COMMUNITY_COMMENT_RATE
    window = datetime.timedelta(seconds=seconds)
    # The `limit` most recent posts in the window: once the oldest of them leaves it, there
    # is room for one more.
    recent = list(
        DiscussionComment.objects.filter(user=user, submit_date__gte=now - window)
        .order_by("-submit_date")
        .values_list("submit_date", flat=True)[:limit]
    )
    if len(recent) >= limit:
        frees_at = recent[-1] + window
        retry_after = max(math.ceil((frees_at - now).total_seconds()), 1)
        raise DiscussionError(
            _("You have posted a lot in a short time. Please wait %(wait)s.")
            % {"wait": describe_wait(retry_after)},
            status=429,
            retry_after=retry_after,
        )


def clean_text(text):
    from django.utils.translation import gettext as _

    text = (text or "").strip()
    if not text:
        raise DiscussionError(_("Write something before you post."))
    if len(text) > settings.COMMENT_MAX_LENGTH:
        raise DiscussionError(
            _("A comment can be at most %(max)d characters long.")
            % {"max": settings.COMMENT_MAX_LENGTH}
        )
    return text


@dataclass
class PostResult:
    comment: DiscussionComment
    published: bool


def post_comment(user, page, text, parent_id=None, language=None):
    """Post a comment on `page`'s thread, or a reply to `parent_id` in that thread."""
    from django.utils.translation import gettext as _

    check_not_suspended(user)
    if not can_post(user):
        raise DiscussionError(_("Only members with a confirmed e-mail address can post."), 403)
    # A thread is shared by every translation: a view restriction on any of them closes it.
    if not is_commentable(page) or not page.live or private_in_any_language(page):
        raise DiscussionError(_("This page cannot be discussed."), 404)
    if (
        isinstance(page, TopicPage)
        and TopicPage.objects.filter(pk=page.pk, thread_locked=True).exists()
    ):
        raise DiscussionError(_("This topic is locked: it takes no new comments."), 403)
    text = clean_text(text)
    target = thread_target(page)
    parent = None
    if parent_id:
        parent = DiscussionComment.objects.filter(
            pk=parent_id, is_public=True, is_removed=False, **thread_filter(target)
        ).first()
        if parent is None:
            raise DiscussionError(_("The comment you reply to is not in this thread."))
        if parent.level >= settings.COMMENTS_XTD_MAX_THREAD_LEVEL:
            raise DiscussionError(_("Replies cannot be nested any deeper."))
    check_rate_limit(user)
    profile = profile_for(user)
    published = not needs_moderation(user)
    with transaction.atomic():
        comment = DiscussionComment(
            content_type=ContentType.objects.get_for_id(target.content_type_id),
            object_pk=str(target.pk),
            site_id=settings.SITE_ID,
            user=user,
            user_name=profile.display_name[:50],
            user_email=user.email,
            comment=text,
            submit_date=timezone.now(),
            is_public=published,
            parent_id=parent.pk if parent else 0,
            followup=True,
            language=(language or get_language() or settings.LANGUAGE_CODE).split("-")[0],
        )
        comment.save()
        ThreadFollow.objects.get_or_create(user=user, page_id=target.pk)
        if published:
            comment_published(comment)
        else:
            from network import moderation

            transaction.on_commit(moderation.alert_moderators, robust=True)
    return PostResult(comment=comment, published=published)


def comment_published(comment):
    """What follows once a comment is public: topic activity, then notifications."""
    from network import notifications, trust
    from network.comment_counts import comment_counts_changed

    TopicPage.objects.filter(pk=int(comment.object_pk)).update(
        comment_count=F("comment_count") + 1, last_activity_at=comment.submit_date
    )
    comment_counts_changed()  # the topic moves up its list
    if comment.user_id is not None:
        trust.update_trust_level(comment.user)
    # Robust: the comment is published whatever happens to its e-mails; a failure is logged.
    transaction.on_commit(lambda: notifications.notify_new_comment(comment.pk), robust=True)


def approve_comment(comment):
    if comment.is_public or comment.is_removed:
        return False
    comment.is_public = True
    comment.save(update_fields=["is_public"])
    comment_published(comment)
    return True


def remove_comment(comment):
    """Hide a comment; its replies stay, under a "removed" placeholder."""
    from network.comment_counts import comment_counts_changed

    was_public = comment.is_public and not comment.is_removed
    comment.is_removed = True
    comment.save(update_fields=["is_removed"])
    if was_public:
        TopicPage.objects.filter(pk=int(comment.object_pk), comment_count__gt=0).update(
            comment_count=F("comment_count") - 1
        )
        comment_counts_changed()
    CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).delete()


def mark_trusted(user):
    """Trust a member and publish what they have waiting."""
    from network import trust
    from network.models import TrustLevel

    trust.set_trust_level(user, TrustLevel.TRUSTED)
    pending = DiscussionComment.objects.filter(user=user, is_public=False, is_removed=False)
    for comment in pending:
        approve_comment(comment)


def can_edit(user, comment, now=None):
    if not user.is_authenticated or comment.user_id != user.pk or comment.is_removed:
        return False
    age = (now or timezone.now()) - comment.submit_date
    return age.total_seconds() <= settings.COMMUNITY_EDIT_WINDOW_SECONDS


def edit_comment(user, comment, text):
    from django.utils.translation import gettext as _

    check_not_suspended(user)
    if not can_edit(user, comment):
        raise DiscussionError(_("You can no longer edit this comment."), 403)
    comment.comment = clean_text(text)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["comment", "edited_at"])
    return comment


def toggle_like(user, comment):
    """Like a comment, or take the like back; returns whether it is liked now."""
    flag, created = CommentFlag.objects.get_or_create(user=user, comment=comment, flag=LIKEDIT_FLAG)
    if not created:
        flag.delete()
    return created


def flag_comment(user, comment, reason=None, text=""):
    """Report a comment to the moderators, with a reason (and words of their own for
    "other"); reporting again replaces the reason. Returns the report."""
    from django.utils.translation import gettext as _

    from network import moderation
    from network.models import CommentReport, FlagReason

    text = (text or "").strip()
    if reason is None:  # a report without a form (older links): "other", no words needed
        reason = FlagReason.OTHER
    elif reason not in FlagReason.values:
        raise DiscussionError(_("Choose why you report this comment."))
    elif reason == FlagReason.OTHER and not text:
        raise DiscussionError(_("Tell the moderators what is wrong with this comment."))
    if len(text) > 500:
        raise DiscussionError(
            _("An explanation can be at most %(max)d characters long.") % {"max": 500}
        )
    with transaction.atomic():
        CommentFlag.objects.get_or_create(
            user=user, comment=comment, flag=CommentFlag.SUGGEST_REMOVAL
        )
        report, _created = CommentReport.objects.update_or_create(
            user=user, comment=comment, defaults={"reason": reason, "text": text}
        )
        transaction.on_commit(moderation.alert_moderators, robust=True)
    return report


def follow(user, page):
    ThreadFollow.objects.get_or_create(user=user, page_id=thread_target(page).pk)


def unfollow(user, page):
    ThreadFollow.objects.filter(user=user, page_id=thread_target(page).pk).delete()


def moderation_counts():
    pending = DiscussionComment.objects.filter(is_public=False, is_removed=False).count()
    flagged = (
        DiscussionComment.objects.filter(is_removed=False, flags__flag=CommentFlag.SUGGEST_REMOVAL)
        .distinct()
        .count()
    )
    return pending, flagged
