"""Topics: the Discussions page per language, starting a topic, its thread, the page tree."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from network import discussions
from network.models import DiscussionComment, DiscussionIndexPage, TopicPage
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


def seed_topics(topics, comments=None):
    options = {"comments": comments} if comments else {}
    call_command("seed_scale", topics=topics, stdout=StringIO(), stderr=StringIO(), **options)


def listing_queries(client, url):
    client.get(url)  # warm the site, locale and theme caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


LISTING_URLS = ["", "?page=2", "?theme=meubilair", "?page=abc"]


def test_topic_listing_query_count_does_not_grow(client, discussions_page, settings):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cached copy
    seed_topics(10, comments=30)
    few = [listing_queries(client, discussions_page.url + query) for query in LISTING_URLS]
    seed_topics(190, comments=600)
    many = [listing_queries(client, discussions_page.url + query) for query in LISTING_URLS]
    assert TopicPage.objects.count() == 200
    assert few == many
    assert max(many) <= 15


def test_topic_listing_pages_through_every_topic_by_latest_activity(client, discussions_page):
    seed_topics(45, comments=60)
    seen = []
    for number in (1, 2, 3):
        response = client.get(f"{discussions_page.url}?page={number}")
        assert response.status_code == 200
        seen += list(response.context["topics"])
    assert len(seen) == len(set(seen)) == 45
    activity = [(topic.last_activity_at, topic.pk) for topic in seen]
    assert activity == sorted(activity, reverse=True)
    assert (
        sum(topic.comment_count for topic in seen)
        == DiscussionComment.objects.filter(object_pk__in=[str(topic.pk) for topic in seen]).count()
    )
    last = client.get(f"{discussions_page.url}?page=999")
    assert list(last.context["topics"]) == seen[40:]
    assert list(client.get(f"{discussions_page.url}?page=abc").context["topics"]) == seen[:20]
