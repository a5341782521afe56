"""E-mails about discussions: new comments in followed threads and @mentions.

Each e-mail is written in the recipient's preferred language and links to the page in that
language where it exists. Follow-up e-mails carry a signed link to stop following.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from network.base_url import absolute_url, page_url
from network.headers import header_value
from network.markup import mentioned_handles
from network.models import DiscussionComment, ThreadFollow

UNFOLLOW_SALT = "network.unfollow"

logger = logging.getLogger(__name__)


def unfollow_token(user_id, page_id):
    return signing.dumps({"u": user_id, "p": page_id}, salt=UNFOLLOW_SALT)


def read_unfollow_token(token):
    """(user id, page id) from a token, or None when it is not one of ours."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
        return int(data["u"]), int(data["p"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def page_in_language(page, language):
    translated = (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=language)
        .live()
        .first()
    )
    return (translated or page).specific_deferred


def send(user, subject_template, body_template, context, headers=None, mailing_list=None):
    """Render and send one e-mail to `user` in their language.

    `mailing_list` makes it bulk mail: a list name of `network.bulk_mail`, or (list name,
    page id) for a thread; the e-mail then carries the one-click unsubscribe headers and
    its text gets `unsubscribe_url`.
    """
    from network.bulk_mail import bulk_mail
    from network.models import profile_for

    language = profile_for(user).preferred_language
    with translation.override(language):
        context = {**context, "recipient": user, "language": language}
        if mailing_list is not None:
            list_name, page_id = (
                mailing_list if isinstance(mailing_list, tuple) else (mailing_list, None)
            )
            bulk = bulk_mail(list_name, user.pk, language, page_id=page_id)
            headers = {**(headers or {}), **bulk["headers"]}
            context["unsubscribe_url"] = bulk["url"]
        page = context.get("target")
        if page is not None:
            local = page_in_language(page, language)
            context["page_title"] = local.title
            context["page_url"] = page_url(local)
        subject = header_value(render_to_string(subject_template, context))
        body = render_to_string(body_template, context)
        message = EmailMultiAlternatives(subject, body, to=[user.email], headers=headers)
        message.send()


def send_each(user, *args, **kwargs):
    """send(), logged instead of raised on failure, so one recipient never stops the others."""
    try:
        send(user, *args, **kwargs)
    except Exception:
        logger.exception("Could not send a discussion e-mail to user %s", user.pk)


def notify_new_comment(comment_id):
    """Tell the members mentioned, the topic's author and the thread's followers, once each,
    never the comment's author: a notification on the site for each, and an e-mail for
    those who chose it for that kind."""
    from network import discussions, inbox
    from network.handles import mentioned_users
    from network.models import NotificationKind

    comment = DiscussionComment.objects.select_related("user").filter(pk=comment_id).first()
    if comment is None or not comment.is_public or comment.is_removed:
        return
    target = Page.objects.get(pk=int(comment.object_pk))
    author_id = comment.user_id
    mentioned = mentioned_users(mentioned_handles(comment.comment), exclude_id=author_id)
    notified = set()
    # Who got a notification on the site: one per member and comment, the most specific.
    on_site = set()
    for user in mentioned:
        inbox.notify(
            user, NotificationKind.MENTION, actor=comment.user, page=target, comment=comment
        )
        on_site.add(user.pk)
        profile = getattr(user, "member_profile", None)
        if profile is not None and not profile.notify_mentions:
            continue
        notified.add(user.pk)
        send_each(
            user,
            "network/emails/mention_subject.txt",
            "network/emails/mention.txt",
            {"comment": comment, "target": target},
            mailing_list="mentions",
        )
    # The topic's author, or the proposer of a theme proposal, hears of every answer.
    topic_author = (
        get_user_model()
        .objects.filter(discussions.thread_author_filter(target), is_active=True)
        .exclude(pk=author_id)
        .select_related("member_profile")
        .first()
    )
    if topic_author is not None and topic_author.pk not in on_site:
        inbox.notify(
            topic_author,
            NotificationKind.TOPIC_ANSWER,
            actor=comment.user,
            page=target,
            comment=comment,
        )
        on_site.add(topic_author.pk)
        profile = getattr(topic_author, "member_profile", None)
        if profile is None or profile.notify_topic_answers:
            notified.add(topic_author.pk)
            templates = (
                ("intake/emails/proposal_comment_subject.txt", "intake/emails/proposal_comment.txt")
                if discussions.is_proposal_thread(target)
                else ("network/emails/topic_answer_subject.txt", "network/emails/topic_answer.txt")
            )
            send_each(
                topic_author,
                *templates,
                {"comment": comment, "target": target},
                mailing_list=("thread", target.pk),
            )
    followers = (
        ThreadFollow.objects.filter(page=target, user__is_active=True)
        .exclude(user_id=author_id)
        .exclude(user_id__in=notified)
        .select_related("user__member_profile")
    )
    for follow in followers:
        if follow.user_id not in on_site:
            inbox.notify(
                follow.user,
                NotificationKind.REPLY,
                actor=comment.user,
                page=target,
                comment=comment,
            )
        profile = getattr(follow.user, "member_profile", None)
        if profile is not None and not profile.notify_replies:
            continue
        # The link opens the unfollow page in the recipient's language, not the poster's.
        language = profile.preferred_language if profile is not None else settings.LANGUAGE_CODE
        with translation.override(language):
            path = reverse("thread_unfollow", args=[unfollow_token(follow.user_id, target.pk)])
        send_each(
            follow.user,
            "network/emails/followup_subject.txt",
            "network/emails/followup.txt",
            {
                "comment": comment,
                "target": target,
                "unfollow_path": path,
                "unfollow_url": absolute_url(path),
            },
            mailing_list=("thread", target.pk),
        )


def notify_topic_mentions(topic_id):
    """Tell the members a newly published topic mentions: a notification each, and an
    e-mail for those who chose e-mails about mentions."""
    from network import inbox
    from network.handles import mentioned_users
    from network.models import NotificationKind, TopicPage

    topic = TopicPage.objects.select_related("author__member_profile").filter(pk=topic_id).first()
    if topic is None or not topic.live:
        return
    author = topic.author
    words = mentioned_handles(topic.body)
    for user in mentioned_users(words, exclude_id=author.pk if author else None):
        inbox.notify(user, NotificationKind.MENTION, actor=author, page=topic)
        profile = getattr(user, "member_profile", None)
        if profile is not None and not profile.notify_mentions:
            continue
        send_each(
            user,
            "network/emails/topic_mention_subject.txt",
            "network/emails/topic_mention.txt",
            {"topic": topic, "author_name": author.first_name if author else "", "target": topic},
            mailing_list="mentions",
        )
