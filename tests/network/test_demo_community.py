"""The community demo content loads, links members to organisations and loads again unchanged."""

from agenda import demo as agenda_demo
from knowledge.demo import ensure_organisations
from network import demo_community
from network.models import (
    DiscussionComment,
    DiscussionIndexPage,
    MemberProfile,
    ThreadFollow,
    TopicPage,
)


def test_community_demo_loads_and_is_idempotent(db):
    agenda_demo.load()
    ensure_organisations()
    demo_community.load()
    assert MemberProfile.objects.count() == 10
    assert MemberProfile.objects.filter(organisation__isnull=True).count() == 0
    assert DiscussionIndexPage.objects.live().count() == 3
    assert TopicPage.objects.live().count() == 4
    assert all(topic.comment_count >= 1 for topic in TopicPage.objects.all())
    replies = DiscussionComment.objects.filter(level=1)
    assert replies.exists()
    counts = (
        DiscussionComment.objects.count(),
        TopicPage.objects.count(),
        ThreadFollow.objects.count(),
        MemberProfile.objects.count(),
    )
    demo_community.load()
    assert (
        DiscussionComment.objects.count(),
        TopicPage.objects.count(),
        ThreadFollow.objects.count(),
        MemberProfile.objects.count(),
    ) == counts
