"""The discussion thread under a page: a fixed number of queries however long it is."""

import hashlib

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG

from home.navigation import cached
from network import discussions, thread_pages, trust
from network.comment_counts import VERSION_KEY
from network.markup import render_comment
from network.models import FlagReason, ThreadFollow

register = template.Library()


def author_name(comment):
    if comment.user_id is None:
        return _("Former member")
    profile = getattr(comment.user, "member_profile", None)
    return profile.display_name if profile else comment.user_name


def author_handle(comment):
    profile = getattr(comment.user, "member_profile", None) if comment.user_id else None
    return profile.handle if profile else None


def thread_items(comments, user):
    liked = set()
    if user.is_authenticated and comments:
        liked = set(
            CommentFlag.objects.filter(
                user=user, flag=LIKEDIT_FLAG, comment_id__in=[c.pk for c in comments]
            ).values_list("comment_id", flat=True)
        )
    return [
        {
            "comment": comment,
            "html": render_comment(
                comment.comment, follow_links=trust.links_followed(comment.user)
            ),
            "handle": author_handle(comment),
            "author": author_name(comment),
            "author_profile_id": getattr(getattr(comment.user, "member_profile", None), "pk", None),
            "language": comment.language,
            "liked": comment.pk in liked,
            "pending": not comment.is_public,
            "can_reply": comment.is_public
            and comment.level < settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
            "can_edit": discussions.can_edit(user, comment),
        }
        for comment in comments
    ]


def public_thread(target, user, number=None):
    """One page of a thread as every anonymous reader sees it: its items, the published
    comment count of the whole thread and the Paginator page.

    Kept in the cache under the comment-count token, which a comment, a like or report, a
    member's new display name or a deleted account replaces (network/signals.py).
    """

    def compute():
        page_obj, comments, _conversations = thread_pages.thread_page(target, user, number)
        # The Paginator holds a queryset; the cache keeps what the template needs.
        pages = {
            "number": page_obj.number,
            "num_pages": page_obj.paginator.num_pages,
        }
        return thread_items(comments, user), thread_pages.published_count(target), pages

    key = f"thread:{target.pk}:{number or 1}"
    return cached(key, compute, versions=[VERSION_KEY])


THREAD_TEMPLATE = "network/includes/thread.html"


@register.simple_tag(takes_context=True)
def discussion_thread(context, page):
    """The thread under `page`, rendered with network/includes/thread.html.

    An anonymous reader's thread is the same for every anonymous reader of that page, thread
    page and language: its markup is kept under the same tokens as `public_thread`'s items,
    so it is retired by exactly what retires them.
    """
    request = context["request"]
    if not discussions.is_commentable(page) or not discussions.thread_visible_to(request, page):
        return ""
    template = context.template.engine.get_template(THREAD_TEMPLATE)
    if request.user.is_authenticated or getattr(request, "is_preview", False):
        return template.render(context.new(thread_context(context, page)))
    target = discussions.thread_target(page)
    number = _page_number(request.GET.get("page"))
    site = getattr(request, "_wagtail_site", None)
    # What the markup shows besides the thread: the lock, and the path the login link returns to.
    shown = repr(
        (
            page.pk,
            getattr(page, "thread_locked", False),
            getattr(page, "lock_reason", ""),
            request.path,
            site.pk if site else None,
            get_language(),
            get_current_timezone_name(),
        )
    )
    digest = hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()
    html = cached(
        f"thread-html:{target.pk}:{number}:{digest}",
        lambda: str(template.render(context.new(thread_context(context, page, target, number)))),
        versions=[VERSION_KEY],
    )
    return mark_safe(html)  # noqa: S308 - the thread template's own output, escaped when rendered


def thread_context(context, page, target=None, number=None):
    """What network/includes/thread.html shows of `page`'s thread to the request's reader."""
    request = context["request"]
    user = request.user
    target = target or discussions.thread_target(page)
    authenticated = user.is_authenticated
    number = number or _page_number(request.GET.get("page"))
    unread = None
    if authenticated:
        page_obj, comments, conversations = thread_pages.thread_page(target, user, number)
        pages = {"number": page_obj.number, "num_pages": page_obj.paginator.num_pages}
        items = thread_items(comments, user)
        comment_count = thread_pages.published_count(target)
        unread = thread_pages.track_reading(user, target, comments, conversations)
    else:
        items, comment_count, pages = public_thread(target, user, number)
    # A topic a moderator locked takes no new comments; readers are told why.
    locked = getattr(page, "thread_locked", False)
    return {
        "enabled": True,
        "request": request,
        "page": page,
        "items": items,
        "comment_count": comment_count,
        "pages": pages,
        "previous_page": pages["number"] - 1 if pages["number"] > 1 else None,
        "next_page": pages["number"] + 1 if pages["number"] < pages["num_pages"] else None,
        "unread": unread,
        "locked": locked,
        "lock_reason": getattr(page, "lock_reason", ""),
        "user": user,
        "can_post": authenticated and not locked and discussions.can_post(user),
        "suspended_until": discussions.suspended_until(user) if authenticated else None,
        "flag_reasons": FlagReason.choices,
        "following": authenticated
        and ThreadFollow.objects.filter(user=user, page_id=target.pk).exists(),
        "max_length": settings.COMMENT_MAX_LENGTH,
        "csrf_token": context.get("csrf_token"),
    }


def _page_number(value):
    """A thread page number from the query string: a small positive number, else 1 (the
    paginator then brings a number past the end back to the last page)."""
    try:
        return min(max(int(value), 1), 10_000)
    except (TypeError, ValueError):
        return 1


@register.filter
def comment_markup(text, author=None):
    """Markdown-light text (a comment or a topic's body) as safe HTML; links are followed
    by search engines only when `author` is trusted."""
    return render_comment(text or "", follow_links=trust.links_followed(author))
