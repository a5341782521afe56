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


@pytest.fixture
def forum(knowledge_tree, discussions_page):
    """The Discussions page in nl, fr and en, as wagtail-localize makes them."""
    pages = {"nl": discussions_page}
    for code, slug in (("fr", "discussions"), ("en", "discussions")):
        pages[code] = knowledge_tree.translate(discussions_page, code, slug=slug, title=slug)
    return pages


def listed(client, url):
    """(title, language attribute, link, language label) of each topic on a listing page."""
    from bs4 import BeautifulSoup

    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            item.h2.get_text(strip=True),
            item.h2["lang"],
            item.h2.a["href"],
            item.select_one(".topic-language").get_text(strip=True),
        )
        for item in soup.select(".topic-list > li")
    ]


def test_a_topic_started_in_any_language_is_listed_in_every_language(client, forum):
    writer = member(trusted=True)
    french = start_topic(forum["fr"], writer, "Réemploi des chaises", "Des exemples ?")
    dutch = start_topic(forum["nl"], writer, "Terugname van laptops", "Wie heeft ervaring?")
    on_nl = listed(client, forum["nl"].url)
    assert on_nl == [
        ("Terugname van laptops", "nl", dutch.url, "Nederlands"),
        ("Réemploi des chaises", "fr", french.url, "Frans"),
    ]
    on_fr = listed(client, forum["fr"].url)
    assert [(title, lang, label) for title, lang, _url, label in on_fr] == [
        ("Terugname van laptops", "nl", "Néerlandais"),
        ("Réemploi des chaises", "fr", "Français"),
    ]
    on_en = listed(client, forum["en"].url)
    assert [(title, href) for title, _lang, href, _label in on_en] == [
        ("Terugname van laptops", "/nl/discussies/terugname-van-laptops/"),
        ("Réemploi des chaises", "/fr/discussions/reemploi-des-chaises/"),
    ]
    assert [label for *_rest, label in on_en] == ["Dutch", "French"]


def test_a_translated_topic_is_listed_once_in_the_readers_language(client, forum, knowledge_tree):
    topic = start_topic(forum["nl"], member(trusted=True), "Tweedehands meubilair", "Tekst")
    knowledge_tree.translate(topic, "fr", title="Mobilier d'occasion", slug="mobilier")
    assert [row[:2] for row in listed(client, forum["fr"].url)] == [("Mobilier d'occasion", "fr")]
    assert [row[:2] for row in listed(client, forum["nl"].url)] == [("Tweedehands meubilair", "nl")]
    # No English translation: the original, once.
    assert [row[:2] for row in listed(client, forum["en"].url)] == [("Tweedehands meubilair", "nl")]


def test_the_theme_filter_finds_topics_of_every_language(client, forum, knowledge_tree):
    writer = member(trusted=True)
    furniture_fr = knowledge_tree.themes["furniture"]["fr"]
    start_topic(forum["fr"], writer, "Chaises", "Texte", theme=furniture_fr)
    start_topic(forum["nl"], writer, "Laptops", "Tekst", theme=knowledge_tree.themes["ict"]["nl"])
    response = client.get(forum["en"].url + "?theme=furniture")
    assert [topic.title for topic in response.context["topics"]] == ["Chaises"]
    assert response.context["topics"][0].theme_label == "Furniture"


def test_the_shared_listing_runs_a_fixed_number_of_queries(
    client, forum, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cached copy
    writer = member(trusted=True)

    def count():
        url = forum["en"].url
        client.get(url)  # warm the site, locale and theme caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for code in ("nl", "fr"):
        start_topic(forum[code], writer, f"Onderwerp {code}", "Tekst")
    few = count()
    for number in range(3):
        for code in ("nl", "fr", "en"):
            start_topic(forum[code], writer, f"Topic {code} {number}", "Tekst")
    client.get(forum["en"].url)  # publishing retired the caches: warm them again
    with django_assert_num_queries(few):
        assert client.get(forum["en"].url).status_code == 200
    assert len(listed(client, forum["en"].url)) == 11


def test_a_warm_listing_reads_no_topic_from_the_database(client, forum, settings):
    settings.PAGE_CACHE_ENABLED = False  # count what rendering costs, not a cached copy
    start_topic(forum["nl"], member(trusted=True), "Onderwerp", "Tekst")
    url = forum["fr"].url
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert "Onderwerp" in response.content.decode()
    assert [q["sql"] for q in captured if "network_topicpage" in q["sql"]] == []


def test_cached_cards_show_a_new_comment_pin_and_lock_at_the_next_read_in_every_language(
    client, forum, settings
):
    from bs4 import BeautifulSoup

    from network.topics import set_topic_state

    settings.PAGE_CACHE_ENABLED = False  # read the cards, not a cached page

    def cards(code):
        soup = BeautifulSoup(client.get(forum[code].url).content, "html.parser")
        return [
            (
                item.h2.get_text(strip=True),
                " ".join(item.select_one(".comment__meta").get_text().split()),
            )
            for item in soup.select(".topic-list > li")
        ]

    writer = member(trusted=True)
    old = start_topic(forum["nl"], writer, "Oud onderwerp", "Tekst")
    start_topic(forum["nl"], writer, "Nieuw onderwerp", "Tekst")
    for code in ("nl", "en"):  # both languages' cards are in the cache now
        assert [title for title, _ in cards(code)] == ["Nieuw onderwerp", "Oud onderwerp"]

    discussions.post_comment(writer, old, "Een antwoord")
    [(first, meta_nl), _] = cards("nl")
    assert first == "Oud onderwerp" and "1 reactie" in meta_nl
    [(first, meta_en), _] = cards("en")
    assert first == "Oud onderwerp" and "1 comment" in meta_en

    newer = TopicPage.objects.get(title="Nieuw onderwerp")
    waiting = discussions.post_comment(member(), newer, "Een eerste bericht")
    assert not waiting.published
    assert cards("nl")[0][0] == "Oud onderwerp"
    discussions.approve_comment(waiting.comment)  # a moderator approves it: newer activity
    assert cards("en")[0][0] == "Nieuw onderwerp"

    set_topic_state(newer, pinned=True, locked=True)
    [(first, meta_nl), _] = cards("nl")
    assert first == "Nieuw onderwerp" and "Vastgezet" in meta_nl and "Gesloten" in meta_nl


def test_the_listed_topics_follow_every_change_after_the_listing_was_read(
    client, forum, knowledge_tree
):
    """Which topics are listed is kept between requests: each change shows at the next read."""
    writer = member(trusted=True)
    chairs = start_topic(forum["nl"], writer, "Stoelen", "Tekst")
    assert [row[0] for row in listed(client, forum["fr"].url)] == ["Stoelen"]
    laptops = start_topic(forum["nl"], writer, "Laptops", "Tekst")
    assert [row[0] for row in listed(client, forum["fr"].url)] == ["Laptops", "Stoelen"]
    knowledge_tree.translate(chairs, "fr", title="Chaises", slug="chaises")
    assert [row[0] for row in listed(client, forum["fr"].url)] == ["Laptops", "Chaises"]
    laptops.unpublish()
    assert [row[0] for row in listed(client, forum["fr"].url)] == ["Chaises"]
    assert [row[0] for row in listed(client, forum["nl"].url)] == ["Stoelen"]


def test_the_topics_are_read_only_when_their_cached_cards_are_missing(client, forum, settings):
    from django.utils.functional import empty

    settings.PAGE_CACHE_ENABLED = False  # render the page, not a cached copy
    start_topic(forum["nl"], member(trusted=True), "Onderwerp", "Tekst")
    url = forum["nl"].url
    cold = client.get(url)
    assert cold.context["topics"]._wrapped is not empty  # rendered the cards from the topics
    assert "Onderwerp" in cold.content.decode()
    warm = client.get(url)
    assert warm.context["topics"]._wrapped is empty  # the cached cards, no topic read
    assert "Onderwerp" in warm.content.decode()
