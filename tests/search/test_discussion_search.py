"""Search within the discussions, on the database backend and on OpenSearch: topics found by
their words or by a comment in their thread, in the reader's language, never what a
moderator has not published."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from network import discussions
from network.discussion_search import search_discussions
from network.models import DiscussionIndexPage
from network.topics import start_topic
from tests.network.factories import member


def text(element):
    return " ".join(element.get_text().split())


def result_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [text(a) for a in page.select(".discussion-results h3 a")]


@pytest.fixture
def forum(knowledge_tree, search_backend):
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=index)
    index.save_revision().publish()
    knowledge_tree.translate(index, "fr", slug="discussions", title="Discussions")
    author = member(trusted=True, display_name="An")
    chairs = start_topic(index, author, "Stoelen hergebruiken", "Wie heeft ervaring met stoelen?")
    knowledge_tree.translate(chairs, "fr", title="Réemployer des chaises", slug="chaises")
    lamps = start_topic(index, author, "Verlichting als dienst", "Wie huurt er lampen?")
    discussions.post_comment(author, lamps, "Wij huren armaturen met terugnamegarantie.")
    newcomer = member(display_name="Nieuw")
    waiting = discussions.post_comment(newcomer, chairs, "Geheim woord kwartsglas.")
    assert not waiting.published
    removed = discussions.post_comment(author, chairs, "Verboden woord zeepbel.").comment
    discussions.remove_comment(removed)
    search_backend.rebuild()
    cache.clear()
    return {"index": index, "chairs": chairs, "lamps": lamps}


@pytest.mark.django_db
def test_a_topic_is_found_by_its_own_words(client, forum):
    response = client.get("/nl/discussies/", {"q": "stoelen"})
    assert response.status_code == 200
    assert result_titles(response) == ["Stoelen hergebruiken"]
    assert "<mark>" in response.content.decode()
    # Result pages stay out of search engines; the discussions page itself does not.
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "noindex" not in client.get("/nl/discussies/").content.decode()


@pytest.mark.django_db
def test_a_topic_is_found_by_a_comment_in_its_thread_with_a_link_to_it(client, forum):
    response = client.get("/nl/discussies/", {"q": "armaturen"})
    assert result_titles(response) == ["Verlichting als dienst"]
    page = BeautifulSoup(response.content, "html.parser")
    [link] = page.select(".discussion-results__comments a")
    assert link["href"].startswith(forum["lamps"].url + "#comment-")
    assert "terugnamegarantie" in text(page.select_one(".discussion-results__comments"))


@pytest.mark.django_db
def test_a_french_reader_finds_the_french_topic(client, forum):
    response = client.get("/fr/discussions/", {"q": "chaises"})
    assert result_titles(response) == ["Réemployer des chaises"]
    # A Dutch word finds the topic too, listed in French.
    response = client.get("/fr/discussions/", {"q": "ervaring"})
    assert result_titles(response) == ["Réemployer des chaises"]


@pytest.mark.django_db
def test_pending_and_removed_comments_are_never_found(client, forum):
    for word in ("kwartsglas", "zeepbel"):
        response = client.get("/nl/discussies/", {"q": word})
        assert response.status_code == 200
        assert result_titles(response) == []
        results = BeautifulSoup(response.content, "html.parser").select_one(".discussion-results")
        assert word not in results.get_text().replace(f"“{word}”", "")
        assert not results.select("mark")


@pytest.mark.django_db
def test_search_words_match_their_stem(forum):
    outcome = search_discussions("hergebruikte stoel", Locale.objects.get(language_code="nl"))
    assert [hit.topic.title for hit in outcome.page_obj] == ["Stoelen hergebruiken"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "   ", '"*(-)', "a" * 5000])
def test_odd_queries_never_fail(client, forum, query):
    response = client.get("/nl/discussies/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_search_runs_a_fixed_number_of_queries(client, forum, search_backend, settings):
    settings.COMMUNITY_COMMENT_RATE = (1000, 60)
    author = member(trusted=True)
    for number in range(6):
        topic = start_topic(forum["index"], author, f"Armaturen {number}", "Over armaturen.")
        discussions.post_comment(author, topic, f"Nog meer armaturen {number}.")
    search_backend.rebuild()
    client.get("/nl/discussies/", {"q": "armaturen"})  # warm the caches every reader shares
    with CaptureQueriesContext(connection) as few:
        client.get("/nl/discussies/", {"q": "armaturen"})
    for number in range(6, 12):
        topic = start_topic(forum["index"], author, f"Armaturen {number}", "Over armaturen.")
        discussions.post_comment(author, topic, f"Nog meer armaturen {number}.")
    search_backend.rebuild()
    client.get("/nl/discussies/", {"q": "armaturen"})
    with CaptureQueriesContext(connection) as many:
        response = client.get("/nl/discussies/", {"q": "armaturen"})
    assert len(result_titles(response)) == 13
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
