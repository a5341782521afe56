"""The weekly digest: what is new on the themes a member follows, in their language.

`send_digests` can run any number of times in a week: a DigestLog row per member and ISO
week makes sure each member gets one digest at most.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from home.privacy import public
from network.models import DigestLog, MemberProfile, TopicPage

logger = logging.getLogger(__name__)


def iso_week(moment):
    year, week, _weekday = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def _in_language(pages, language):
    """One page per translation group, in `language` where it exists."""
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return list(chosen.values())


def followed_theme_names(profile):
    """Names of the themes a member follows, in their own language, whatever the language
    they were chosen in (a theme not translated into it keeps its own name)."""
    from knowledge.models import Theme

    followed = list(profile.themes.all())
    local = {
        theme.translation_key: theme
        for theme in Theme.objects.filter(
            translation_key__in=[theme.translation_key for theme in followed],
            locale__language_code=profile.preferred_language,
        )
    }
    return sorted(local.get(theme.translation_key, theme).name for theme in followed)


def digest_for(profile, since, until, theme_keys=None):
    """New knowledge pages, upcoming work sessions and topics on the member's themes, in their
    language."""
    from agenda.models import EventPage
    from knowledge.models import KnowledgePage

    keys = (
        theme_keys
        if theme_keys is not None
        else [theme.translation_key for theme in profile.themes.all()]
    )
    if not keys:
        return {}
    window = {"first_published_at__gte": since, "first_published_at__lt": until}
    knowledge = (
        public(KnowledgePage.objects.live())
        .filter(themes__translation_key__in=keys, **window)
        .select_related("locale")
        .distinct()
    )
    # Only events still to come: a work session published after it took place (to share its
    # outcomes) is not news to sign up for.
    events = (
        public(EventPage.objects.live())
        .filter(worksessionpage__theme__translation_key__in=keys, start__gt=until, **window)
        .select_related("locale")
        .order_by("start", "pk")
        .distinct()
    )
    topics = (
        public(TopicPage.objects.live())
        .filter(theme__translation_key__in=keys, **window)
        .select_related("locale")
    )
    language = profile.preferred_language
    content = {
        "knowledge": _in_language(knowledge, language),
        "events": _in_language(events, language),
        "topics": _in_language(topics, language),
    }
    return content if any(content.values()) else {}


def send_digests(now=None):
    """Send this week's digest to every member who opted in; returns how many were sent."""
    from django.urls import reverse

    from network.base_url import absolute_url
    from network.notifications import send

    now = now or timezone.now()
    week = iso_week(now)
    since = now - datetime.timedelta(days=7)
    profiles = (
        MemberProfile.objects.filter(weekly_digest=True, user__is_active=True)
        .exclude(user__digests__week=week)
        .select_related("user")
        .prefetch_related("themes")
    )
    sent = 0
    for profile in profiles:
        content = digest_for(profile, since, now)
        if not content:
            continue
        try:
            with transaction.atomic():
                DigestLog.objects.create(user=profile.user, week=week)
                with translation.override(profile.preferred_language):
                    send(
                        profile.user,
                        "network/emails/digest_subject.txt",
                        "network/emails/digest.txt",
                        {
                            "week": week,
                            "profile": profile,
                            "themes": followed_theme_names(profile),
                            "profile_url": absolute_url(reverse("member_profile_edit")),
                            **content,
                        },
                        mailing_list="digest",
                    )
        except IntegrityError:
            continue  # another run sent it in the meantime
        except Exception:
            # Its DigestLog row is rolled back, so the next run tries this member again.
            logger.exception("Could not send the digest to user %s", profile.user_id)
            continue
        sent += 1
    return sent
