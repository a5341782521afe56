"""Type and theme counts, filters and paging over a few pages more than one page of results,
on every backend; on the database backends, all of it from one ranked list of matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.search import search_site, searchable_pages, theme_facets
from home.text_analysis import stemmed_query
from knowledge.models import LessonPage
from tests.knowledge.factories import LessonPageFactory, PracticeExamplePageFactory


@pytest.fixture
def many(corpus, knowledge_tree, search_backend):
    """17 Dutch pages on "meubilair": 14 lessons and 3 practice examples; 11 on the furniture
    theme, 9 on ICT."""
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    ict = knowledge_tree.themes["ict"]["nl"]
    themes = ([furniture, ict], [furniture], [ict])
    for number in range(13):
        LessonPageFactory(
            parent=nl,
            title=f"Meubilair in school {number}",
            summary="Tafels en kasten uit een oude school krijgen een nieuwe plek.",
            themes=themes[number % 3],
        )
    for number in range(2):
        PracticeExamplePageFactory(
            parent=nl,
            title=f"Meubilair delen tussen diensten {number}",
            summary="Een interne marktplaats voor bureaus en kasten.",
        )
    search_backend.rebuild()
    return corpus


def counts(facets):
    return {facet.label: facet.count for facet in facets}


def titles(outcome):
    return [str(hit.page.title) for hit in outcome.hits]


def every_title(nl, **filters):
    """Titles of all result pages, in order."""
    first = search_site("meubilair", nl, record=False, **filters)
    found = titles(first)
    for number in range(2, first.page_obj.paginator.num_pages + 1):
        found += titles(search_site("meubilair", nl, page_number=number, record=False, **filters))
    return first, found


def test_counts_filters_and_pages_over_every_match(many):
    nl = Locale.objects.get(language_code="nl")
    outcome, ranked = every_title(nl)
    assert outcome.total == 17 and len(ranked) == 17 and len(set(ranked)) == 17
    assert counts(outcome.type_facets) == {
        "Lessen": 14,
        "Praktijkvoorbeelden": 3,
        "Bestekclausules": 1,
    }
    assert counts(outcome.theme_facets) == {"Meubilair": 11, "ICT": 9}

    lessons, lesson_titles = every_title(nl, type_key="knowledge.lessonpage")
    assert lessons.total == 14
    assert counts(lessons.type_facets)["Lessen"] == 14  # type counts cover every type
    assert counts(lessons.theme_facets) == {"Meubilair": 10, "ICT": 9}
    assert lesson_titles == [title for title in ranked if title in set(lesson_titles)]

    on_ict, ict_titles = every_title(nl, type_key="knowledge.lessonpage", theme_slug="ict")
    assert on_ict.total == 9 and len(ict_titles) == 9
    assert ict_titles == [title for title in lesson_titles if title in set(ict_titles)]

    furniture, furniture_titles = every_title(nl, theme_slug="meubilair")
    assert furniture.total == 11 and len(furniture_titles) == 11
    assert furniture_titles == [title for title in ranked if title in set(furniture_titles)]
    assert "Utrecht huurt kantoormeubilair als dienst" in furniture_titles


def test_theme_counts_over_more_pages_than_sqlite_takes_parameters(many):
    """Thousands of matches are counted in one query on SQLite as on PostgreSQL."""
    nl = Locale.objects.get(language_code="nl")
    pks = list(searchable_pages(nl).values_list("pk", flat=True))
    missing = list(range(10**6, 10**6 + 40_000))
    assert counts(theme_facets(missing + pks, nl, None)) == {"Meubilair": 11, "ICT": 10}


def database_only(search_backend):
    if search_backend.name != "database":
        pytest.skip("ranked lists of matches are a feature of the database backends")


def test_ranked_matches_are_the_ranked_results_with_their_types(many, search_backend):
    database_only(search_backend)
    nl = Locale.objects.get(language_code="nl")
    for query in ("meubilair", "meubilair school", "kasten", "laptops"):
        results = searchable_pages(nl).search(stemmed_query(query, "nl"))
        pages = list(results)
        assert pages
        assert results.ranked_matches() == [(page.pk, page.content_type_id) for page in pages]
        assert results[:3].ranked_matches() == results.ranked_matches()[:3]


def test_postgresql_ranking_is_the_librarys(many, search_backend):
    database_only(search_backend)
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    nl = Locale.objects.get(language_code="nl")
    library = PostgresSearchBackend({})
    for query in ("meubilair", "meubilair school", "kasten", "tafels kasten"):
        search_query = stemmed_query(query, "nl")
        ours = searchable_pages(nl).search(search_query)
        theirs = library.search(search_query, searchable_pages(nl))
        assert [pk for pk, _ in ours.ranked_matches()] == [page.pk for page in theirs]


def statements(client, params):
    """The SQL statements of one search page, savepoints aside."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/nl/search/", params)
    assert response.status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    return response, [s for s in sql if not s.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


def test_a_search_page_runs_few_queries(client, many, search_backend):
    database_only(search_backend)
    first, _ = statements(client, {"q": "meubilair"})  # records the query the first time
    page_types = len({type(hit.page) for hit in first.context["outcome"].hits})
    # The page of hits (one query per page type: the reader index gave each page's type),
    # the three best clauses, and two to record the search for the editors' reports. The
    # matching pages and clauses come from the reader index that this process built on the
    # first search (home/search_index.py); the locale, the private sections, the pages'
    # themes, the promoted queries and the reusable components on offer from the cache.
    _, sql = statements(client, {"q": "meubilair"})
    assert len(sql) == 3 + page_types, "\n".join(sql)
    assert not any("wagtailsearch_indexentry" in s for s in sql)
    # The last page of one theme (a single page): the page of hits, and no clause rows,
    # promotions or recording. The first such request also caches the theme slugs of the
    # other languages, for the language switcher's links.
    statements(client, {"q": "meubilair", "theme": "meubilair", "page": "2"})
    _, sql = statements(client, {"q": "meubilair", "theme": "meubilair", "page": "2"})
    assert len(sql) == 1, "\n".join(sql)


def test_theme_counts_follow_a_published_change_of_themes(client, many, knowledge_tree):
    """The pages' themes are read once per content change: publishing a page with other
    themes changes the counts and the theme filter at once, in every language's search."""
    nl = Locale.objects.get(language_code="nl")
    assert counts(search_site("meubilair", nl, record=False).theme_facets) == {
        "Meubilair": 11,
        "ICT": 9,
    }
    page = LessonPage.objects.get(title="Meubilair in school 2")
    assert {theme.slug for theme in page.themes.all()} == {"ict"}
    page.themes.set([knowledge_tree.themes["furniture"]["nl"]])
    page.save_revision().publish()

    outcome = search_site("meubilair", nl, record=False)
    assert counts(outcome.theme_facets) == {"Meubilair": 12, "ICT": 8}
    on_furniture, furniture_titles = every_title(nl, theme_slug="meubilair")
    assert on_furniture.total == 12 and "Meubilair in school 2" in furniture_titles
    on_ict, ict_titles = every_title(nl, theme_slug="ict")
    assert on_ict.total == 8 and "Meubilair in school 2" not in ict_titles
