"""axe-core (WCAG 2.1 A and AA) on what makes the discussions scale and on the pages that
respect people's data and inboxes: search results, a locked topic with the moderator's
controls and a paged thread, the unsubscribe page and the account deletion page."""

import pytest
from django.contrib.auth.models import Permission

from network.bulk_mail import unsubscribe_path, unsubscribe_token
from network.models import DiscussionIndexPage
from network.thread_pages import THREADS_PER_PAGE
from network.topics import set_topic_state, start_topic
from tests.e2e.members import log_in
from tests.e2e.test_accessibility import assert_no_violations
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.network.factories import comment_on, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def locked_topic(knowledge_tree):  # noqa: F811
    forum = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=forum)
    forum.save_revision().publish()
    author = member(trusted=True, display_name="An Peeters")
    topic = start_topic(forum, author, "Stoelen hergebruiken", "Wie heeft ervaring met stoelen?")
    for number in range(THREADS_PER_PAGE + 2):
        comment_on(topic, f"Stoelen, gesprek {number}", user=author, user_name="An Peeters")
    set_topic_state(topic, pinned=True, locked=True, lock_reason="Beantwoord in de les.")
    topic.refresh_from_db()
    return topic


def test_discussion_pages_have_no_wcag_violations(new_page, live_server, locked_topic):
    base = live_server.url
    visitor = new_page()
    assert_no_violations(visitor, f"{base}/nl/discussies/")
    assert_no_violations(visitor, f"{base}/nl/discussies/?q=stoelen")
    assert visitor.locator(".discussion-results h3").count() == 1
    assert_no_violations(visitor, base + locked_topic.url + "?page=2")
    assert visitor.get_by_text("Beantwoord in de les.").is_visible()

    moderator = member(display_name="Moderator")
    moderator.user_permissions.add(
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments")
    )
    page = new_page()
    log_in(page, base, moderator.email)
    page.goto(base + locked_topic.url)
    page.get_by_text("Dit onderwerp modereren").click()
    assert_no_violations(page, base + locked_topic.url)
    assert_no_violations(page, f"{base}/nl/members/me/delete/")


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_unsubscribe_page_has_no_wcag_violations(new_page, live_server, site_tree, language):
    reader = member(weekly_digest=True)
    path = unsubscribe_path(unsubscribe_token("digest", reader.pk), language)
    page = new_page()
    assert_no_violations(page, live_server.url + path)
    page.get_by_role("button").last.click()
    page.wait_for_selector("[role=status]")
    reader.member_profile.refresh_from_db()
    assert not reader.member_profile.weekly_digest
