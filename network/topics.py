"""Topics: members start a discussion under the Discussions page of their language."""

from django.db import transaction
from django.utils import timezone

from network import discussions
from network.models import TopicPage
from network.slugs import unique_child_slug


@transaction.atomic
def start_topic(index_page, user, title, body, theme=None, website=""):
    """Create a topic page; a member whose posts are moderated gets it as a draft."""
    discussions.check_not_suspended(user)
    discussions.check_rate_limit(user)
    body = discussions.clean_text(body)
    now = timezone.now()
    topic = TopicPage(
        title=title.strip(),
        slug=unique_child_slug(index_page, title, "topic", max_length=60),
        theme=theme,
        body=body,
        author=user,
        owner=user,
        last_activity_at=now,
        locale_id=index_page.locale_id,
        live=False,
    )
    index_page.add_child(instance=topic)
    revision = topic.save_revision(user=user)
    if not discussions.needs_moderation(user):
        revision.publish(user=user, skip_permission_checks=True)
        topic.refresh_from_db()
        topic_published(topic)
    else:
        from network import moderation

        transaction.on_commit(moderation.alert_moderators, robust=True)
    return topic


def approve_topic(topic, user=None):
    revision = topic.get_latest_revision() or topic.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)
    topic_published(topic)


def topic_published(topic):
    """Once a topic is public (and committed), the members it mentions hear of it."""
    from network import notifications

    topic_id = topic.pk
    transaction.on_commit(lambda: notifications.notify_topic_mentions(topic_id), robust=True)


def may_moderate(user):
    """Moderators of the discussions: those who may moderate comments."""
    return user.is_authenticated and user.has_perm("django_comments.can_moderate")


@transaction.atomic
def set_topic_state(topic, pinned, locked, lock_reason="", moderator=None):
    """Pin or lock a topic, with the reason readers see for a lock.

    Every translation of the topic follows: the forum is one for all languages, so a topic
    pinned or locked in one language is so in all. A change goes into the moderation log
    with who made it. Returns the reason kept.
    """
    from django.conf import settings
    from django.utils.translation import gettext as _

    from network.cache_invalidation import content_changed, purge_pages_later
    from network.comment_counts import comment_counts_changed
    from network.models import ModerationActionKind
    from network.moderation import log

    lock_reason = " ".join((lock_reason or "").split())[:300] if locked else ""
    pages = list(TopicPage.objects.filter(translation_key=topic.translation_key))
    before = {(page.pinned, page.thread_locked, page.lock_reason) for page in pages}
    if before == {(pinned, locked, lock_reason)}:
        return lock_reason
    TopicPage.objects.filter(pk__in=[page.pk for page in pages]).update(
        pinned=pinned, thread_locked=locked, lock_reason=lock_reason
    )
    state = ", ".join(
        [_("pinned") if pinned else _("not pinned"), _("locked") if locked else _("open")]
    )
    log(
        moderator,
        ModerationActionKind.TOPIC_STATE,
        member=topic.author,
        page=topic,
        summary=f"{topic.title} ({state})",
        reason=lock_reason,
    )
    content_changed()
    comment_counts_changed()  # the topic list's order follows pins
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_later(pages)
    return lock_reason
