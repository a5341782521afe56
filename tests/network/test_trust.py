"""Trust levels: they grow by themselves with approved comments over time, moderators raise,
lower or pin them, and only trusted members' links lose rel="nofollow"."""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from network import discussions, moderation, trust
from network.models import DiscussionComment, ModerationAction, ModerationActionKind, TrustLevel
from tests.network.factories import comment_on, member

pytestmark = pytest.mark.django_db


def level(user):
    user.member_profile.refresh_from_db()
    return user.member_profile.trust_level


def approved_comments(page, user, count, days_ago=0):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    for number in range(count):
        comment_on(page, f"Reactie {number}", user=user, submit_date=when)


def test_a_new_member_becomes_a_member_when_their_first_comments_are_approved(lesson, settings):
    settings.COMMUNITY_FIRST_COMMENTS_MODERATED = 2
    newcomer = member()
    assert level(newcomer) == TrustLevel.NEW
    first = discussions.post_comment(newcomer, lesson, "Een").comment
    second = discussions.post_comment(newcomer, lesson, "Twee").comment
    discussions.approve_comment(first)
    assert level(newcomer) == TrustLevel.NEW
    discussions.approve_comment(second)
    assert level(newcomer) == TrustLevel.MEMBER
    assert discussions.post_comment(newcomer, lesson, "Drie").published


def test_trust_comes_with_enough_approved_comments_over_enough_days(lesson, settings):
    settings.COMMUNITY_TRUSTED_AFTER = (5, 14)
    regular = member()
    approved_comments(lesson, regular, 5)  # many comments, but all of today
    assert trust.update_trust_level(regular) == TrustLevel.MEMBER
    DiscussionComment.objects.filter(user=regular).update(
        submit_date=timezone.now() - datetime.timedelta(days=15)
    )
    assert trust.update_trust_level(regular) == TrustLevel.TRUSTED
    patient = member()
    approved_comments(lesson, patient, 4, days_ago=30)  # long ago, but too few
    assert trust.update_trust_level(patient) == TrustLevel.MEMBER


def test_the_command_raises_everyone_who_earned_it_and_nobody_else(lesson, settings):
    settings.COMMUNITY_TRUSTED_AFTER = (3, 7)
    earned = member()
    approved_comments(lesson, earned, 3, days_ago=10)
    pinned = member()
    approved_comments(lesson, pinned, 3, days_ago=10)
    pinned.member_profile.trust_level_pinned = True
    pinned.member_profile.save()
    quiet = member()
    removed = member()
    approved_comments(lesson, removed, 3, days_ago=10)
    DiscussionComment.objects.filter(user=removed).update(is_removed=True)
    out = StringIO()
    call_command("update_trust_levels", stdout=out)
    assert "1 member" in out.getvalue()
    assert [level(u) for u in (earned, pinned, quiet, removed)] == [
        TrustLevel.TRUSTED,
        TrustLevel.NEW,
        TrustLevel.NEW,
        TrustLevel.NEW,
    ]


def test_levels_never_fall_by_themselves(lesson):
    veteran = member(trusted=True)
    assert trust.update_trust_level(veteran) == TrustLevel.TRUSTED
    assert trust.update_all_trust_levels() == 0
    assert level(veteran) == TrustLevel.TRUSTED


def test_moderators_lower_and_pin_a_level_and_it_is_logged(lesson, moderator):
    spammer = member(trusted=True)
    assert moderation.change_trust_level(
        moderator, spammer, TrustLevel.NEW, pinned=True, reason="Reclame"
    )
    assert level(spammer) == TrustLevel.NEW
    assert not spammer.member_profile.trusted
    approved_comments(lesson, spammer, 20, days_ago=60)
    assert trust.update_trust_level(spammer) == TrustLevel.NEW  # pinned: stays
    assert not discussions.post_comment(spammer, lesson, "Koop nu").published
    entry = ModerationAction.objects.get(action=ModerationActionKind.TRUST_LEVEL)
    assert (entry.moderator, entry.member, entry.reason) == (moderator, spammer, "Reclame")
    assert "→" in entry.summary
    # The same choice again changes nothing and logs nothing.
    assert not moderation.change_trust_level(moderator, spammer, TrustLevel.NEW, pinned=True)
    assert ModerationAction.objects.count() == 1


def test_raising_a_new_member_publishes_what_they_have_waiting(lesson, moderator):
    newcomer = member()
    waiting = discussions.post_comment(newcomer, lesson, "Wacht").comment
    moderation.change_trust_level(moderator, newcomer, TrustLevel.MEMBER)
    waiting.refresh_from_db()
    assert waiting.is_public


def test_the_admin_changes_levels_and_suspensions_and_logs_them(client, moderator):
    from django.contrib.auth.models import Permission

    moderator.is_superuser = True
    moderator.save()
    target = member(display_name="Doel Lid")
    profile = target.member_profile
    client.force_login(moderator)
    url = f"/admin/snippets/network/memberprofile/edit/{profile.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "display_name": "Doel Lid",
            "organisation": "",
            "role": "",
            "bio": "",
            "trust_level": str(TrustLevel.TRUSTED),
            "trust_level_pinned": "on",
            "suspended_until": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert (profile.trust_level, profile.trust_level_pinned, profile.trusted) == (
        TrustLevel.TRUSTED,
        True,
        True,
    )
    (entry,) = ModerationAction.objects.all()
    assert (entry.action, entry.moderator, entry.member) == (
        ModerationActionKind.TRUST_LEVEL,
        moderator,
        target,
    )
    assert Permission.objects.exists()

    # A suspension set here is logged and told to the member, as one from the queue.
    response = client.post(
        url,
        {
            "display_name": "Doel Lid",
            "trust_level": str(TrustLevel.TRUSTED),
            "trust_level_pinned": "on",
            "suspended_until": "2099-01-31 12:00",
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.suspended_until.year == 2099
    assert list(ModerationAction.objects.values_list("action", flat=True).order_by("pk")) == [
        ModerationActionKind.TRUST_LEVEL,
        ModerationActionKind.SUSPEND,
    ]
    from network.models import Notification

    (told,) = Notification.objects.filter(recipient=target)
    assert told.decision == "suspended" and told.until == profile.suspended_until


def test_new_members_links_carry_nofollow_and_trusted_members_links_do_not(client, lesson):
    newcomer = member(display_name="Nieuw Lid")
    for number in range(2):
        discussions.approve_comment(
            discussions.post_comment(newcomer, lesson, f"Eerst {number}").comment
        )
    assert level(newcomer) == TrustLevel.MEMBER
    discussions.post_comment(newcomer, lesson, "[nieuw](https://nieuw.example/)")
    discussions.post_comment(member(trusted=True), lesson, "[vast](https://vast.example/)")
    soup = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    rels = {a["href"]: a["rel"] for a in soup.select(".comment__body a")}
    assert rels["https://nieuw.example/"] == ["nofollow", "ugc", "noopener"]
    assert rels["https://vast.example/"] == ["ugc", "noopener"]


def test_a_topic_body_follows_its_authors_trust(client, discussions_index):
    from network.topics import start_topic

    trusted_topic = start_topic(
        discussions_index, member(trusted=True), "Vraag", "Zie [dit](https://vast.example/)"
    )
    soup = BeautifulSoup(client.get(trusted_topic.url).content, "html.parser")
    assert soup.select_one(".topic .comment__body a")["rel"] == ["ugc", "noopener"]
