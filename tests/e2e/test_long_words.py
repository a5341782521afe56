"""A word of 3,000 characters in a topic or comment never makes a phone's page wider."""

import pytest

from network.models import DiscussionIndexPage
from network.topics import start_topic
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.network.factories import comment_on, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_WORD = "circulair" * 334  # 3,006 characters, no space to break at
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def long_topic(knowledge_tree):  # noqa: F811
    forum = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=forum)
    forum.save_revision().publish()
    author = member(trusted=True, display_name="Naam" + LONG_WORD[:90])
    topic = start_topic(forum, author, "Titel " + LONG_WORD[:190], "Tekst " + LONG_WORD[:2990])
    comment_on(topic, "Reactie " + LONG_WORD, user=author, user_name="Lid")
    return topic


@pytest.mark.parametrize("where", ["topic", "discussions"])
def test_a_3000_character_word_does_not_widen_the_page_on_a_phone(
    live_server, new_page, long_topic, where
):
    page = new_page()
    page.set_viewport_size(PHONE)
    url = long_topic.get_url() if where == "topic" else long_topic.get_parent().get_url()
    page.goto(live_server.url + url)
    assert page.get_by_text(LONG_WORD[:40], exact=False).first.is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
