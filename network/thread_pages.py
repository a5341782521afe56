"""Long threads in pages, and where each member stopped reading.

A thread is paged by its conversations: each page holds `THREADS_PER_PAGE` top-level
comments with all their replies, so a conversation is never cut in two. For a member, the
newest comment they have seen is kept per thread (`TopicReadState`); the thread then offers
a link to the first comment published since, on whichever page it is. A fixed number of
queries whatever the length of the thread.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from network import discussions
from network.models import DiscussionComment, TopicReadState

THREADS_PER_PAGE = 20


def _visible(target, user):
    visible = Q(is_public=True)
    if user is not None and user.is_authenticated:
        visible |= Q(user=user)
    return DiscussionComment.objects.filter(
        **discussions.thread_filter(target), is_removed=False
    ).filter(visible)


def conversation_ids(target, user):
    """The ids of the thread's conversations (its top-level comments' `thread_id`), in order."""
    return (
        _visible(target, user).order_by("thread_id").values_list("thread_id", flat=True).distinct()
    )


def thread_page(target, user, number):
    """One page of the thread: the Paginator page of conversation ids, its comments in
    display order (each with `like_count`), and the ids of every conversation (a list of
    numbers, read in one query; it tells on which page a comment is). "?page=abc" or a
    number past the end gives a valid page."""
    conversations = list(conversation_ids(target, user))
    page_obj = Paginator(conversations, THREADS_PER_PAGE).get_page(number)
    comments = list(
        discussions.visible_comments(target, user).filter(thread_id__in=list(page_obj.object_list))
    )
    return page_obj, comments, conversations


def published_count(target):
    """How many published comments the whole thread has."""
    return DiscussionComment.objects.filter(
        **discussions.thread_filter(target), is_public=True, is_removed=False
    ).count()


@dataclass
class Unread:
    """The first comment a member has not seen yet, the thread page it is on, and how many
    comments they have not seen."""

    comment_id: int
    page_number: int
    count: int


def track_reading(user, target, comments, conversations):
    """What the member has not read yet in the thread (None when nothing, or on their first
    visit: then everything is new and the thread starts at the top), then `comments`, the
    page they are shown, counted as read.

    The mark kept is the newest comment up to which the member has seen every comment: a
    page further on in the thread, read first, does not count what comes between as read.
    Their own comments never count as unread. Two or three queries whatever the length.
    """
    state = TopicReadState.objects.filter(user=user, page_id=target.pk).first()
    mark = state.last_read_comment_id if state is not None else 0
    unread = list(
        DiscussionComment.objects.filter(
            **discussions.thread_filter(target), is_public=True, is_removed=False, pk__gt=mark
        )
        .exclude(user=user)
        .order_by("thread_id", "order")
        .values_list("pk", "thread_id")
    )
    found = None
    if unread and state is not None:
        comment_id, thread_id = unread[0]
        before = sum(1 for conversation in conversations if conversation < thread_id)
        found = Unread(
            comment_id=comment_id,
            page_number=before // THREADS_PER_PAGE + 1,
            count=len(unread),
        )
    shown = {comment.pk for comment in comments}
    new_mark = mark
    for pk in sorted(pk for pk, _thread in unread):
        if pk not in shown:
            break
        new_mark = pk
    if not unread:
        # Only the member's own comments (or nothing) since the mark: all read.
        new_mark = max([mark, *(comment.pk for comment in comments if comment.is_public)])
    now = timezone.now()
    if state is None:
        TopicReadState.objects.create(
            user=user, page_id=target.pk, last_read_comment_id=new_mark, read_at=now
        )
    elif new_mark > mark:
        TopicReadState.objects.filter(pk=state.pk, last_read_comment_id__lt=new_mark).update(
            last_read_comment_id=new_mark, read_at=now
        )
    return found
