"""Topics: the Discussions page per language, starting a topic, its thread, the page tree."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from network import discussions
from network.models import DiscussionIndexPage, TopicPage
from network.topics import start_topic
from tests.network.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussions_page(knowledge_tree):
    home = knowledge_tree.site_tree.homes["nl"]
    index = DiscussionIndexPage(
        title="Discussies", slug="discussies", intro="Vraag het het netwerk."
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


def test_page_tree_rules():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(DiscussionIndexPage, {HomePage})
    case.assertAllowedSubpageTypes(DiscussionIndexPage, {TopicPage})
    case.assertAllowedParentPageTypes(TopicPage, {DiscussionIndexPage})
    case.assertAllowedSubpageTypes(TopicPage, set())


def test_a_member_starts_a_topic_with_the_form(client, discussions_page, knowledge_tree):
    writer = member(trusted=True)
    client.force_login(writer)
    form_url = discussions_page.url + "new/"
    assert client.get(form_url).status_code == 200
    theme = knowledge_tree.themes["furniture"]["nl"]
    response = client.post(
        form_url,
        {
            "title": "Hoe formuleerde je de terugnameclausule?",
            "theme": theme.pk,
            "body": "Graag voorbeelden.",
        },
    )
    topic = TopicPage.objects.get()
    assert response.status_code == 302
    assert response.url == topic.url
    assert topic.live and topic.author == writer and topic.theme == theme
    page = client.get(topic.url).content.decode()
    assert "Graag voorbeelden." in page
    assert 'id="discussion"' in page


def test_the_form_needs_a_title_and_a_body_and_a_login(client, discussions_page):
    form_url = discussions_page.url + "new/"
    assert client.get(form_url).status_code == 302
    client.force_login(member(trusted=True))
    response = client.post(form_url, {"title": "", "body": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "body"}
    assert not TopicPage.objects.exists()


def test_a_new_members_topic_waits_for_a_moderator(discussions_page):
    topic = start_topic(discussions_page, member(), "Vraag", "Tekst")
    assert not topic.live


def test_topics_are_listed_by_latest_activity_with_their_comment_count(client, discussions_page):
    writer = member(trusted=True)
    old = start_topic(discussions_page, writer, "Oud onderwerp", "Tekst")
    new = start_topic(discussions_page, writer, "Nieuw onderwerp", "Tekst")
    discussions.post_comment(writer, old, "Een antwoord")
    response = client.get(discussions_page.url)
    topics = list(response.context["topics"])
    assert topics == [old, new]
    assert topics[0].comment_count == 1
    assert "1 reactie" in response.content.decode()


def test_topic_listing_query_count_does_not_grow(
    client, discussions_page, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    writer = member(trusted=True)

    def count():
        client.get(discussions_page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(discussions_page.url).status_code == 200
        return len(captured)

    for number in range(2):
        start_topic(discussions_page, writer, f"Onderwerp {number}", "Tekst")
    few = count()
    for number in range(2, 15):
        start_topic(discussions_page, writer, f"Onderwerp {number}", "Tekst")
    assert count() == few
