"""Search results kept per query until the content changes; every search still counted."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.index import insert_or_update_object
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from home.models import SearchTermStat
from tests.knowledge.factories import LessonPageFactory
from tests.search.conftest import SearchBackend

QUERY = {"q": "meubilair hergebruik"}


@pytest.fixture
def search_backend():
    """The cache sits above the backend: the database backend is enough here."""
    return SearchBackend("database")


@pytest.fixture(autouse=True)
def results_cache(settings):
    settings.SEARCH_RESULTS_CACHE = True


def titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in soup.select(".search-results h3 a")]


def search_queries(client, params):
    """The response and the statements that loaded a page of hits: a computed search runs
    one (matches come from the reader index), a search answered from the cache none."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/nl/search/", params)
    return response, [q["sql"] for q in captured if '"wagtailcore_page"."url_path"' in q["sql"]]


def test_a_repeated_search_is_answered_from_the_cache_and_still_counted(client, corpus):
    first, searched = search_queries(client, QUERY)
    assert searched
    second, searched_again = search_queries(client, QUERY)

    assert searched_again == []
    assert titles(second) == titles(first) != []
    assert SearchTermStat.objects.get(query="meubilair hergebruik").searches == 2
    assert Query.get("meubilair hergebruik").hits == 2


def test_other_filters_and_languages_are_searched_on_their_own(client, corpus):
    client.get("/nl/search/", QUERY)
    _, searched = search_queries(client, {**QUERY, "type": "knowledge.lessonpage"})
    assert searched
    french = client.get("/fr/search/", {"q": "mobilier"})
    assert titles(french) == ["Réemploi du mobilier à l'hôtel de ville"]


def test_published_and_unpublished_pages_show_in_the_next_search(client, corpus, knowledge_tree):
    assert titles(client.get("/nl/search/", {"q": "textiel"})) == []
    new = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Textiel uit gerecycleerde vezels", live=False
    )
    new.save_revision().publish()
    assert titles(client.get("/nl/search/", {"q": "textiel"})) == [new.title]
    new.refresh_from_db()
    new.unpublish()
    assert titles(client.get("/nl/search/", {"q": "textiel"})) == []


def test_a_page_the_search_backend_indexes_anew_shows_in_the_next_search(client, corpus):
    """A write to the search backend's index alone (a task worker's, update_index's) retires
    the kept results too."""
    page = corpus["laptops"]
    assert titles(client.get("/nl/search/", {"q": "tablets"})) == []
    Page.objects.filter(pk=page.pk).update(title="Tablets met een tweede leven")
    insert_or_update_object(Page.objects.get(pk=page.pk).specific)
    assert titles(client.get("/nl/search/", {"q": "tablets"})) == ["Tablets met een tweede leven"]


def test_a_new_promotion_shows_in_the_next_search(client, corpus):
    client.get("/nl/search/", QUERY)
    SearchPromotion.objects.create(
        query=Query.get("meubilair hergebruik"),
        page=corpus["utrecht"],
        sort_order=0,
        description="Het voorbeeld van Utrecht",
    )
    soup = BeautifulSoup(client.get("/nl/search/", QUERY).content, "html.parser")
    assert "Het voorbeeld van Utrecht" in soup.get_text()


def test_a_cached_second_page_keeps_its_place_in_the_results(client, corpus, knowledge_tree):
    for number in range(13):
        page = LessonPageFactory(
            parent=knowledge_tree.indexes["nl"], title=f"Textiel {number}", live=False
        )
        page.save_revision().publish()
    for _ in range(2):  # computed, then from the cache
        response = client.get("/nl/search/", {"q": "textiel", "page": "2"})
        assert len(titles(response)) == 3
        pagination = BeautifulSoup(response.content, "html.parser").select_one(".pagination")
        assert "2" in pagination.select_one("[aria-current=page]").get_text()
        assert pagination.select_one("a[rel=prev]") is not None
        assert pagination.select_one("a[rel=next]") is None


def test_a_page_made_private_leaves_the_next_search(client, corpus):
    from wagtail.models import PageViewRestriction

    title = " ".join(corpus["utrecht"].title.split())
    assert title in titles(client.get("/nl/search/", QUERY))
    restriction = PageViewRestriction.objects.create(
        page=corpus["utrecht"], restriction_type=PageViewRestriction.LOGIN
    )
    assert title not in titles(client.get("/nl/search/", QUERY))
    restriction.delete()
    assert title in titles(client.get("/nl/search/", QUERY))
