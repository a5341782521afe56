"""The knowledge index: filters, sorting, pagination, locale, bad input and query counts."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.listing import PAGE_SIZE
from network.comment_counts import invalidate_comment_counts
from tests.knowledge.factories import (
    LessonPageFactory,
    OrganisationFactory,
    PilotCasePageFactory,
    PolicyRecommendationPageFactory,
    PracticeExamplePageFactory,
)
from tests.network.factories import comment_on


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".results .card h3 a")]


def result_count(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(".results__title").get_text(strip=True)


@pytest.fixture
def mixed_pages(knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    themes = knowledge_tree.themes
    gent = OrganisationFactory(name="Stad Gent", slug="stad-gent")
    pages = {
        "chairs": LessonPageFactory(
            parent=nl,
            title="Stoelen huren in plaats van kopen",
            themes=[themes["furniture"]["nl"]],
            organisations=[gent],
            phase="tender",
            publication_date=datetime.date(2019, 3, 1),
        ),
        "laptops": LessonPageFactory(
            parent=nl,
            title="Laptops met een tweede leven",
            themes=[themes["ict"]["nl"]],
            phase="market_consultation",
            publication_date=datetime.date(2021, 6, 1),
        ),
        "utrecht": PracticeExamplePageFactory(
            parent=nl,
            title="Utrecht hergebruikt kantoormeubilair",
            themes=[themes["furniture"]["nl"]],
            organisations=[gent],
            publication_date=datetime.date(2021, 9, 1),
        ),
        "school": PilotCasePageFactory(
            parent=nl,
            title="Een oude school wordt buurthuis",
            publication_date=datetime.date(2018, 11, 1),
        ),
        "advice": PolicyRecommendationPageFactory(
            parent=nl,
            title="Maak ruimte voor marktconsultatie",
            publication_date=datetime.date(2019, 5, 1),
        ),
    }
    LessonPageFactory(parent=nl, title="Concept over textiel", live=False)
    return pages


def test_index_lists_live_pages_newest_first(client, mixed_pages):
    response = client.get("/nl/kennisbank/")
    assert response.status_code == 200
    assert titles(response) == [
        "Utrecht hergebruikt kantoormeubilair",
        "Laptops met een tweede leven",
        "Maak ruimte voor marktconsultatie",
        "Stoelen huren in plaats van kopen",
        "Een oude school wordt buurthuis",
    ]
    assert result_count(response) == "5 resultaten"


def test_sort_by_title(client, mixed_pages):
    response = client.get("/nl/kennisbank/?sort=title")
    assert titles(response) == sorted(titles(response))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=lesson", {"Stoelen huren in plaats van kopen", "Laptops met een tweede leven"}),
        (
            "type=lesson&type=example",
            {
                "Stoelen huren in plaats van kopen",
                "Laptops met een tweede leven",
                "Utrecht hergebruikt kantoormeubilair",
            },
        ),
        (
            "theme=meubilair",
            {"Stoelen huren in plaats van kopen", "Utrecht hergebruikt kantoormeubilair"},
        ),
        ("theme=meubilair&type=example", {"Utrecht hergebruikt kantoormeubilair"}),
        ("phase=market_consultation", {"Laptops met een tweede leven"}),
        (
            "organisation=stad-gent",
            {"Stoelen huren in plaats van kopen", "Utrecht hergebruikt kantoormeubilair"},
        ),
        ("year=2021", {"Laptops met een tweede leven", "Utrecht hergebruikt kantoormeubilair"}),
        ("year=2021&theme=ict&type=lesson", {"Laptops met een tweede leven"}),
        ("year=2030", set()),
    ],
)
def test_filters_combine(client, mixed_pages, query, expected):
    response = client.get(f"/nl/kennisbank/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "theme=bestaat-niet",
        "type=bogus",
        "phase=%3Cscript%3E",
        "organisation=onbekend",
        "year=abc",
        "year=99999999999999999999",
        "sort=DROP%20TABLE",
        "page=abc",
        "page=-3",
        "page=0",
        "type=lesson&type=lesson",
    ],
)
def test_bad_filter_values_are_ignored(client, mixed_pages, query):
    response = client.get(f"/nl/kennisbank/?{query}")
    assert response.status_code == 200
    assert len(titles(response)) >= 2


def test_page_past_the_end_is_404(client, mixed_pages):
    assert client.get("/nl/kennisbank/?page=99").status_code == 404


def test_pagination_keeps_the_filters(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    theme = knowledge_tree.themes["ict"]["nl"]
    for _ in range(PAGE_SIZE + 2):
        LessonPageFactory(parent=nl, themes=[theme])
    response = client.get("/nl/kennisbank/?theme=ict&type=lesson")
    soup = BeautifulSoup(response.content, "html.parser")
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "theme=ict" in next_link and "type=lesson" in next_link and "page=2" in next_link
    second = client.get("/nl/kennisbank/" + next_link)
    assert len(titles(second)) == 2


def test_filter_form_works_without_javascript(client, mixed_pages):
    soup = BeautifulSoup(client.get("/nl/kennisbank/").content, "html.parser")
    form = soup.select_one("form.filters")
    assert form["method"] == "get"
    names = {field["name"] for field in form.select("select, input")}
    assert {"type", "theme", "phase", "organisation", "year", "sort"} <= names
    for select in form.select("select"):
        assert soup.find("label", attrs={"for": select["id"]}) is not None


def test_translated_listing_shows_only_translated_pages(client, knowledge_tree, mixed_pages):
    knowledge_tree.translate(
        mixed_pages["laptops"], "fr", title="Des portables qui revivent", slug="portables"
    )
    response = client.get("/fr/base-de-connaissances/")
    assert response.status_code == 200
    assert titles(response) == ["Des portables qui revivent"]
    assert response.context["page_obj"].paginator.count == 1


def test_theme_filter_uses_the_readers_language(client, knowledge_tree, mixed_pages):
    knowledge_tree.translate(
        mixed_pages["chairs"], "fr", title="Louer des chaises", slug="louer-des-chaises"
    )
    knowledge_tree.translate(mixed_pages["laptops"], "fr", title="Portables", slug="portables")
    response = client.get("/fr/base-de-connaissances/?theme=mobilier")
    assert titles(response) == ["Louer des chaises"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".card .tag").get_text(strip=True) == "Mobilier"


def count_queries(client, url, fresh_comment_counts=False):
    client.get(url)  # warm the site root and content type caches
    if fresh_comment_counts:
        invalidate_comment_counts()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


LISTING_URLS = [
    "/nl/kennisbank/",
    "/nl/kennisbank/?theme=meubilair&sort=title&type=lesson&type=example",
    "/nl/kennisbank/themes/meubilair/",
]


def test_query_count_does_not_grow_with_items(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    themes = [knowledge_tree.themes["furniture"]["nl"], knowledge_tree.themes["ict"]["nl"]]
    factories = [LessonPageFactory, PracticeExamplePageFactory, PolicyRecommendationPageFactory]

    def add(count, offset):
        for i in range(count):
            organisation = OrganisationFactory()
            page = factories[(i + offset) % 3](
                parent=nl,
                themes=themes,
                organisations=[organisation],
                publication_date=datetime.date(2018 + (i % 8), 1, 1),
            )
            comment_on(page)

    def measure():
        warm = [count_queries(client, url) for url in LISTING_URLS]
        fresh = [count_queries(client, url, fresh_comment_counts=True) for url in LISTING_URLS]
        return warm, fresh

    add(10, 0)
    few = measure()
    add(190, 10)
    many = measure()
    assert few == many
    warm, fresh = many
    # Warm, the listing's markup comes from the cache; after a comment change it is built
    # again with its listing, themes and counts queries, still a fixed number.
    assert max(fresh) <= 15
    assert all(w < f for w, f in zip(warm, fresh, strict=True))


def test_a_warm_listing_runs_no_listing_query(client, knowledge_tree, mixed_pages):
    for url in LISTING_URLS:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert not [q for q in captured if "knowledge_knowledgepage" in q["sql"]], url


def results_heading(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.select_one("#results-title").get_text().split())


def test_cached_totals_follow_publishing_and_unpublishing(client, knowledge_tree, mixed_pages):
    url = "/nl/kennisbank/?theme=meubilair"
    assert results_heading(client.get(url)) == "2 resultaten"
    assert results_heading(client.get(url)) == "2 resultaten"  # now from the cache
    new = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Bureaus uit hergebruikt hout",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
        live=False,
    )
    assert results_heading(client.get(url)) == "2 resultaten"
    new.save_revision().publish()  # as an editor publishes
    assert results_heading(client.get(url)) == "3 resultaten"
    new.refresh_from_db()
    new.unpublish()
    assert results_heading(client.get(url)) == "2 resultaten"
    theme_page = client.get("/nl/kennisbank/themes/meubilair/")
    assert (
        "2 pagina"
        in BeautifulSoup(theme_page.content, "html.parser").select_one("#theme-pages").get_text()
    )
