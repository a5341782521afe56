"""Site search on both backends: locale, facets, highlighting, autocomplete, live updates,
visibility rules and bad input."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Locale, PageViewRestriction

from tests.knowledge.factories import (
    LessonPageFactory,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text().split())


def result_titles(response):
    return [text(a) for a in soup(response).select(".search-results h3 a")]


def test_results_come_in_the_readers_language_with_highlights(client, corpus):
    response = client.get("/nl/search/", {"q": "meubilair hergebruik"})
    assert response.status_code == 200
    titles = result_titles(response)
    assert set(titles) == {
        "Hergebruik van meubilair in het stadhuis",
        "Utrecht huurt kantoormeubilair als dienst",
    }
    marks = [m.get_text() for m in soup(response).select(".search-results mark")]
    assert "meubilair" in [m.lower() for m in marks]
    assert "Réemploi" not in text(soup(response).select_one(".search-results"))


def test_french_reader_gets_french_results(client, corpus):
    response = client.get("/fr/search/", {"q": "mobilier"})
    assert result_titles(response) == ["Réemploi du mobilier à l'hôtel de ville"]


def test_type_and_theme_facets_count_and_filter(client, corpus):
    response = client.get("/nl/search/", {"q": "meubilair"})
    page = soup(response)
    facets = {text(a): a["href"] for a in page.select(".facet-list a")}
    counts = page.select_one(".filters").get_text(" ", strip=True)
    assert "Lessen (1)" in counts
    assert "Praktijkvoorbeelden (1)" in counts
    assert "Bestekclausules (1)" in counts
    assert "Meubilair (2)" in counts
    assert "type=knowledge.lessonpage" in facets["Lessen"]

    only_lessons = client.get("/nl/search/", {"q": "meubilair", "type": "knowledge.lessonpage"})
    assert result_titles(only_lessons) == ["Hergebruik van meubilair in het stadhuis"]
    clauses = client.get("/nl/search/", {"q": "meubilair", "type": "clause"})
    assert result_titles(clauses) == ["Terugname van meubilair"]
    by_theme = client.get("/nl/search/", {"q": "laptops", "theme": "meubilair"})
    assert result_titles(by_theme) == []


def test_clause_results_link_to_the_clause_page(client, corpus):
    response = client.get("/nl/search/", {"q": "terugname"})
    link = soup(response).select_one(".search-clauses a")
    assert link["href"] == "/nl/kennisbank/clauses/terugname-meubilair/"


def test_autocomplete_suggests_titles_of_the_locale(client, corpus):
    response = client.get("/nl/search/autocomplete/", {"q": "lapt"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["results"]]
    assert "Laptops met een tweede leven" in titles
    fr = client.get("/fr/search/autocomplete/", {"q": "lapt"}).json()["results"]
    assert fr == []


def test_publish_unpublish_and_delete_keep_the_index_right(
    client, corpus, search_backend, knowledge_tree
):
    new = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Textiel uit gerecycleerde vezels"
    )
    search_backend.refresh()
    assert result_titles(client.get("/nl/search/", {"q": "textiel"})) == [new.title]

    new.unpublish()
    search_backend.refresh()
    assert result_titles(client.get("/nl/search/", {"q": "textiel"})) == []

    new.save_revision().publish()
    search_backend.refresh()
    assert result_titles(client.get("/nl/search/", {"q": "textiel"})) == [new.title]

    new.delete()
    search_backend.refresh()
    assert result_titles(client.get("/nl/search/", {"q": "textiel"})) == []


def test_drafts_and_private_pages_never_appear(client, corpus, search_backend, knowledge_tree):
    LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Geheim concept", live=False)
    private = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Geheim voor leden")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    search_backend.rebuild()
    assert result_titles(client.get("/nl/search/", {"q": "geheim"})) == []
    assert client.get("/nl/search/autocomplete/", {"q": "geheim"}).json()["results"] == []


def test_public_pages_are_wagtails_public_pages(corpus, knowledge_tree):
    from wagtail.models import Page

    from home.search_index import public_pages

    def wagtails():
        return set(Page.objects.live().public().filter(depth__gt=1))

    assert set(public_pages()) == wagtails()
    section = PageViewRestriction.objects.create(
        page=knowledge_tree.indexes["nl"], restriction_type="login"
    )
    LessonPageFactory(parent=knowledge_tree.indexes["fr"], title="Réservé aux membres")
    PageViewRestriction.objects.create(
        page=LessonPageFactory(parent=knowledge_tree.indexes["fr"], title="Réservé"),
        restriction_type="password",
        password="geheim",
    )
    public = set(public_pages())
    assert public == wagtails()
    assert not any(page.path.startswith(section.page.path) for page in public)
    # The Dutch section's restriction covers its French translation too (home/privacy.py).
    assert "Réservé aux membres" not in {page.title for page in public}
    assert "Réservé aux membres" in {page.title for page in Page.objects.live()}


def test_other_languages_are_offered_when_few_results(client, corpus):
    response = client.get("/en/search/", {"q": "meubilair"})
    assert result_titles(response) == []
    other = soup(response).select(".other-languages li")
    languages = {li["lang"] for li in other}
    assert "nl" in languages
    assert any("Nederlands" in li.get_text() for li in other)


def test_did_you_mean_on_a_typo(client, corpus):
    response = client.get("/nl/search/", {"q": "meubliair"})
    assert result_titles(response) == []
    suggestion = soup(response).select_one(".empty-state a")
    assert suggestion.get_text() == "meubilair"
    assert suggestion["href"] == "?q=meubilair"
    assert result_titles(client.get("/nl/search/" + suggestion["href"]))


def test_queries_are_recorded_for_editors(client, corpus):
    from home.models import SearchTermStat

    client.get("/nl/search/", {"q": "meubilair"})
    client.get("/nl/search/", {"q": "zonnepanelen"})
    client.get("/nl/search/", {"q": "zonnepanelen"})
    client.get("/fr/search/", {"q": "zonnepanelen"})
    stat = SearchTermStat.objects.get(query="zonnepanelen", locale__language_code="nl")
    assert stat.searches == 2 and stat.searches_without_results == 2
    assert stat.last_result_count == 0
    french = SearchTermStat.objects.get(query="zonnepanelen", locale__language_code="fr")
    assert french.searches == 1
    meubilair = SearchTermStat.objects.get(query="meubilair")
    assert meubilair.searches == 1 and meubilair.searches_without_results == 0
    assert meubilair.last_result_count > 0
    # The editors' report of popular queries counts per day, all languages together.
    daily = QueryDailyHits.objects.get(query__query_string="zonnepanelen")
    assert daily.hits == 3 and daily.date == timezone.now().date()


def test_recording_a_known_query_takes_two_statements(corpus):
    from home.models import SearchTermStat
    from home.search import record_search

    nl = Locale.objects.get(language_code="nl")
    record_search("circulair", nl, 4)
    with CaptureQueriesContext(connection) as captured:
        record_search("circulair", nl, 5)
    assert len(captured) == 2
    assert Query.get("circulair").hits == 2
    stat = SearchTermStat.objects.get(query="circulair")
    assert (stat.searches, stat.last_result_count) == (2, 5)
    # Wagtail's report counts the query as Query.get normalises it.
    record_search("Circulair", nl, 5)
    assert Query.get("circulair").hits == 3
    assert Query.objects.filter(query_string__iexact="circulair").count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 2000,
        "!!! ??? ...",
        '"meubilair',
        "meubilair*",
        "meubilair AND",
        "-meubilair",
        "(meubilair",
        "NEAR(a b)",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
    ],
)
def test_bad_queries_give_a_normal_page(client, corpus, query):
    response = client.get(
        "/nl/search/", {"q": query, "type": "bogus", "theme": "nope", "page": "abc"}
    )
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert client.get("/nl/search/", {"q": query, "page": "9999"}).status_code == 200
    assert client.get("/nl/search/autocomplete/", {"q": query}).status_code == 200


def test_promoted_results_show_for_their_query_until_removed(client, corpus):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    def recommended(query):
        return [
            text(a) for a in soup(client.get("/nl/search/", {"q": query})).select(".promotions a")
        ]

    assert recommended("meubilair") == []
    promotion = SearchPromotion.objects.create(
        query=Query.get("meubilair"),
        external_link_url="https://example.org/gids",
        external_link_text="Gids circulair meubilair",
        sort_order=0,
    )
    assert recommended("meubilair") == ["Gids circulair meubilair"]
    assert recommended("meubilair hergebruik") == []
    promotion.delete()
    assert recommended("meubilair") == []


@pytest.fixture
def forum_topics(knowledge_tree, search_backend):
    """A topic started in French, one in Dutch translated into French, on both backends."""
    from network.models import DiscussionIndexPage
    from network.topics import start_topic
    from tests.network.factories import member

    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=index)
    index.save_revision().publish()
    indexes = {"nl": index}
    for code in ("fr", "en"):
        indexes[code] = knowledge_tree.translate(index, code, slug="discussions")
    writer = member(trusted=True)
    french = start_topic(indexes["fr"], writer, "Chaises de bureau réemployées", "Des exemples ?")
    dutch = start_topic(indexes["nl"], writer, "Zonnepanelen tweedehands", "Wie heeft ervaring?")
    dutch_fr = knowledge_tree.translate(
        dutch, "fr", title="Zonnepanelen d'occasion", slug="zonnepanelen"
    )
    search_backend.rebuild()
    return {"french": french, "dutch": dutch, "dutch_fr": dutch_fr}


def test_topics_of_every_language_are_found_from_every_language(client, forum_topics):
    french = forum_topics["french"]
    for language in ("nl", "en", "fr"):
        response = client.get(f"/{language}/search/", {"q": "chaises"})
        hits = soup(response).select(".search-results .search-result")
        assert [text(hit.h3) for hit in hits] == [french.title], language
        link = hits[0].h3.a
        assert link["href"] == french.url
        if language == "fr":
            assert not hits[0].h3.has_attr("lang")
        else:
            assert hits[0].h3["lang"] == "fr"
            assert text(hits[0].select_one(".tag")) == {"nl": "Frans", "en": "French"}[language]
    # Not again under "In other languages".
    other = soup(client.get("/nl/search/", {"q": "chaises"})).select(".other-languages a")
    assert other == []


def test_a_translated_topic_is_found_once_in_the_readers_language(client, forum_topics):
    titles = {
        language: result_titles(client.get(f"/{language}/search/", {"q": "zonnepanelen"}))
        for language in ("nl", "fr", "en")
    }
    assert titles == {
        "nl": ["Zonnepanelen tweedehands"],
        "fr": ["Zonnepanelen d'occasion"],
        "en": ["Zonnepanelen tweedehands"],
    }
