"""The Wagtail admin's moderation queue: pending and flagged comments, draft topics.

Moderators approve, remove, or mark a member trusted (which publishes what they have
waiting). The menu item shows how many items wait.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_comments.models import CommentFlag
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network import discussions, topics
from network.converters import get_by_id_or_404
from network.models import DiscussionComment, TopicPage

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
        .order_by("-flag_count", "submit_date")
    )
    draft_topics = (
        TopicPage.objects.filter(live=False, author__isnull=False)
        .select_related("author__member_profile")
        .order_by("first_published_at", "pk")
    )
    return pending, flagged, draft_topics


def moderation_queue(request):
    if not can_moderate(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return moderation_action(request)
    pending, flagged, draft_topics = queue()
    return render(
        request,
        "network/admin/moderation_queue.html",
        {"pending": pending, "flagged": flagged, "draft_topics": draft_topics},
    )


def moderation_action(request):
    action = request.POST.get("action")
    if action == "publish_topic":
        topic = get_by_id_or_404(TopicPage, request.POST.get("topic"), live=False)
        topics.approve_topic(topic, request.user)
        messages.success(request, _("The topic has been published."))
        return redirect("network_moderation")
    comment = get_by_id_or_404(DiscussionComment, request.POST.get("comment"))
    if action == "approve":
        discussions.approve_comment(comment)
        CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).delete()
        messages.success(request, _("The comment has been published."))
    elif action == "remove":
        discussions.remove_comment(comment)
        messages.success(request, _("The comment has been removed."))
    elif action == "trust" and comment.user is not None:
        discussions.mark_trusted(comment.user)
        messages.success(
            request, _("The member is trusted now; their waiting comments are published.")
        )
    else:
        messages.error(request, _("Unknown action."))
    return redirect("network_moderation")


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
    return [path("community/moderation/", moderation_queue, name="network_moderation")]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        gettext_lazy("Moderation"),
        reverse("network_moderation"),
        icon_name="comment",
        name="moderation",
        order=310,
    )
