"""The Wagtail admin's moderation queue: pending and flagged comments, draft topics, and the
moderation log.

Each comment shows the page or topic it is on, with a link, and the reasons it was reported.
Moderators approve, keep, remove (with a reason the author is told, or silently for spam),
publish or reject topics, mark a member trusted (which publishes what they have waiting) or
suspend them. The rules live in network.moderation, which logs every decision. The menu item
shows how many items wait.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_comments.models import CommentFlag
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from network import discussions, moderation
from network.converters import get_by_id_or_404
from network.models import (
    CommentReport,
    DiscussionComment,
    ModerationAction,
    ModerationActionKind,
    TopicPage,
    TrustLevel,
)

MODERATE_PERMISSION = "django_comments.can_moderate"


def can_moderate(user):
    return user.is_active and (user.is_superuser or user.has_perm(MODERATE_PERMISSION))


def queue():
    pending = (
        DiscussionComment.objects.filter(is_public=False, is_removed=False)
        .select_related("user__member_profile", "content_type")
        .order_by("submit_date")
    )
    flagged = (
        DiscussionComment.objects.filter(is_removed=False)
        .annotate(flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL)))
        .filter(flag_count__gt=0)
        .select_related("user__member_profile", "content_type")
        .prefetch_related(
            Prefetch("reports", queryset=CommentReport.objects.select_related("user"))
        )
        .order_by("-flag_count", "submit_date")
    )
    draft_topics = (
        TopicPage.objects.filter(live=False, author__isnull=False)
        .select_related("author__member_profile", "locale")
        .order_by("first_published_at", "pk")
    )
    return pending, flagged, draft_topics


def moderation_queue(request):
    if not can_moderate(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return moderation_action(request)
    pending, flagged, draft_topics = queue()
    pending, flagged = list(pending), list(flagged)
    with_pages(pending + flagged, request)
    return render(
        request,
        "network/admin/moderation_queue.html",
        {
            "pending": pending,
            "flagged": flagged,
            "draft_topics": draft_topics,
            "suspension_days": SUSPENSION_DAYS,
        },
    )


SUSPENSION_DAYS = (1, 7, 30, 365)


def with_pages(comments, request):
    """Give each comment `thread_page` (the page or topic it is on) and `thread_url`: one
    query for all of them."""
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in={int(c.object_pk) for c in comments}).only(
            "title", "url_path", "path", "depth", "locale_id", "live"
        )
    }
    for comment in comments:
        page = pages.get(int(comment.object_pk))
        comment.thread_page = page
        url = page.get_url(request) if page is not None and page.live else None
        comment.thread_url = f"{url}#comment-{comment.pk}" if url else None


def moderation_action(request):
    """Carry out one decision from the queue; a refusal (no reason given) is shown and
    nothing changes."""
    try:
        done = take_action(request, request.POST.get("action"))
    except moderation.ModerationError as error:
        messages.error(request, str(error))
    else:
        if done:
            messages.success(request, done)
        else:
            messages.error(request, _("Unknown action."))
    return redirect("network_moderation")


def take_action(request, action):
    moderator, reason = request.user, request.POST.get("reason", "")
    if action in ("publish_topic", "reject_topic"):
        topic = get_by_id_or_404(TopicPage, request.POST.get("topic"), live=False)
        if action == "publish_topic":
            moderation.publish_topic(moderator, topic)
            return _("The topic has been published.")
        moderation.reject_topic(moderator, topic, reason)
        return _("The topic has been rejected; its author is told why.")
    comment = get_by_id_or_404(DiscussionComment, request.POST.get("comment"))
    if action == "approve":
        if not moderation.approve_comment(moderator, comment):
            moderation.keep_comment(moderator, comment)
        return _("The comment has been published.")
    if action == "remove":
        if reason.strip():
            moderation.reject_comment(moderator, comment, reason)
            return _("The comment has been removed; its author is told why.")
        discussions.remove_comment(comment)
        moderation.log(
            moderator,
            ModerationActionKind.REMOVE_COMMENT,
            member=comment.user,
            comment=comment,
            page=moderation.page_of(comment),
            summary=comment.comment[:200],
        )
        return _("The comment has been removed.")
    if comment.user is None:
        return None
    if action == "trust":
        moderation.change_trust_level(moderator, comment.user, TrustLevel.TRUSTED, reason=reason)
        return _("The member is trusted now; their waiting comments are published.")
    if action == "suspend":
        until = moderation.suspend(moderator, comment.user, request.POST.get("days"), reason)
        return _("The member is suspended until %(until)s.") % {
            "until": date_format(localtime(until), "DATETIME_FORMAT")
        }
    return None


def moderation_log(request):
    """The audit log of every moderation decision, newest first, 50 a page."""
    if not can_moderate(request.user):
        raise PermissionDenied
    actions = ModerationAction.objects.select_related("moderator", "member__member_profile", "page")
    page_obj = Paginator(actions, 50).get_page(request.GET.get("p"))
    return render(request, "network/admin/moderation_log.html", {"page_obj": page_obj})


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        pending, flagged = discussions.moderation_counts()
        waiting = pending + flagged
        self.label = (
            _("Moderation (%(count)d)") % {"count": waiting} if waiting else _("Moderation")
        )
        return super().render_component(request)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("community/moderation/", moderation_queue, name="network_moderation"),
        path("community/moderation/log/", moderation_log, name="network_moderation_log"),
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        gettext_lazy("Moderation"),
        reverse("network_moderation"),
        icon_name="comment",
        name="moderation",
        order=310,
    )
