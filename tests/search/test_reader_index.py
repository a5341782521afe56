"""The reader index (home/search_index.py): the same matches as the database backend, and
never older than the search backend's own index."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.index import insert_or_update_object, remove_object
from wagtail.models import Locale, Page, PageViewRestriction

from home import navigation, search_index
from home.search import (
    clause_search,
    page_search,
    ranked_matches,
    reader_pages,
    search_site,
)
from home.search_index import ReaderIndex, build_reader_index, public_pages, reader_index
from knowledge.models import TenderClause
from network.models import TopicPage
from tests.knowledge.factories import LessonPageFactory
from tests.search.conftest import SearchBackend

# Words of the demo content in each language; the Dutch words asked in French and English
# find the forum's Dutch topics, which every language's search lists.
QUERIES = {
    "nl": ["meubilair", "hergebruik meubilair", "laptops gegevenswissing", "circulair bouwen"],
    "fr": ["mobilier", "réemploi mobilier", "achats circulaires", "verlichting", "bouwmaterialen"],
    "en": ["furniture", "reuse furniture", "circular procurement", "terugnameclausule meubilair"],
}


@pytest.fixture
def search_backend():
    """The reader index serves the database backends only."""
    return SearchBackend("database")


def titles(outcome):
    return [hit.page.title for hit in outcome.hits]


def test_it_finds_what_the_database_backend_finds_in_every_language(db):
    """Over the demo content: exactly what the database backend finds, on SQLite and on
    PostgreSQL (every page type is indexed with the stems of its language)."""
    call_command("load_demo", verbosity=0)
    call_command("update_index", verbosity=0)
    nl = Locale.objects.get(language_code="nl")
    best = build_reader_index().pages("meubilair", "nl", reader=nl.pk)[0][0]
    private = Page.objects.get(pk=best)  # the best match, made private
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    index = build_reader_index()
    topics = set(TopicPage.objects.live().values_list("pk", flat=True))
    compared = found_topics = 0
    for locale in Locale.objects.all():
        scope = reader_pages(locale, public_pages())
        for query in QUERIES[locale.language_code]:
            for operator in ("and", "or"):
                database = ranked_matches(page_search(scope, query, locale.language_code, operator))
                ours = index.pages(query, locale.language_code, operator, reader=locale.pk)
                assert set(ours) == set(database), (locale.language_code, query, operator)
                assert len(ours) == len(set(ours))  # each page once
                assert private.pk not in {pk for pk, _ in ours}
                compared += len(ours)
                if locale.language_code != "nl":
                    found_topics += sum(pk in topics for pk, _ in ours)
            clauses = clause_search(query, locale)
            assert set(index.clauses(query, locale.language_code, locale.pk)) == {
                clause.pk for clause in clauses[: clauses.count()]
            }
    assert compared > 50
    assert found_topics >= 4


def test_a_page_the_search_backend_indexes_anew_is_found_by_its_new_words(client, corpus):
    """A write to the search backend's index alone (as a task worker or update_index makes
    it, with no publish) retires the reader index of every process."""
    page = corpus["laptops"]
    assert search_site("tablets", page.locale, record=False).total == 0
    Page.objects.filter(pk=page.pk).update(title="Tablets met een tweede leven")
    page.refresh_from_db()
    insert_or_update_object(page)
    assert titles(search_site("tablets", page.locale, record=False)) == [page.title]
    remove_object(page)
    assert search_site("tablets", page.locale, record=False).total == 0


def test_a_draft_leaves_the_index_of_every_process_as_it_is(corpus):
    """Wagtail indexes a page again when a draft of it is saved, with its live text: the
    processes keep their index; the text's change, published, renews it."""
    page = corpus["laptops"]
    kept = reader_index()
    page.title = "Tablets met een tweede leven"
    page.save_revision()
    assert reader_index() is kept
    assert search_site("tablets", page.locale, record=False).total == 0
    page.get_latest_revision().publish()
    assert reader_index() is not kept
    assert titles(search_site("tablets", page.locale, record=False)) == [page.title]


def test_each_process_keeps_one_index_until_the_content_changes(corpus, knowledge_tree):
    nl = Locale.objects.get(language_code="nl")
    first = reader_index()
    assert reader_index() is first
    # Another process changed the content: the next search builds the index anew.
    cache.set(navigation.NAV_VERSION_KEY, "set-by-another-process", None)
    second = reader_index()
    assert second is not first
    new = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Textiel uit vezels")
    new.save_revision().publish()
    assert reader_index() is not second
    assert titles(search_site("textiel", nl, record=False)) == [new.title]


def test_without_the_shared_cache_each_search_reads_the_database(monkeypatch, corpus):
    nl = Locale.objects.get(language_code="nl")
    kept = reader_index()
    found = titles(search_site("meubilair", nl, record=False))
    monkeypatch.setattr(navigation, "navigation_version", lambda: None)
    assert reader_index() is not kept
    assert titles(search_site("meubilair", nl, record=False)) == found
    assert len(found) == 2


def test_equal_scores_list_the_newest_page_first(db):
    documents = [
        (0, pk, 1, 1, [1], "Hergebruik van meubilair", "Stoelen en tafels.") for pk in (30, 20, 10)
    ]
    index = ReaderIndex(documents)
    assert [pk for pk, _ in index.pages("meubilair", "nl", reader=1)] == [30, 20, 10]


def test_a_clause_unpublished_leaves_the_search(client, corpus):
    nl = Locale.objects.get(language_code="nl")
    assert search_site("terugname", nl, record=False).clause_total == 1
    clause = TenderClause.objects.get(slug="terugname-meubilair")
    clause.unpublish()
    assert search_site("terugname", nl, record=False).clause_total == 0


def test_a_failing_index_library_leaves_the_search_to_the_database(monkeypatch, caplog, corpus):
    nl = Locale.objects.get(language_code="nl")
    found = titles(search_site("meubilair hergebruik", nl, record=False))

    def broken(documents):
        raise ValueError("An error occurred in a thread")

    monkeypatch.setattr(search_index, "ReaderIndex", broken)
    cache.set(navigation.NAV_VERSION_KEY, "set-by-another-process", None)
    with CaptureQueriesContext(connection) as captured:
        outcome = search_site("meubilair hergebruik", nl, record=False)
    assert titles(outcome) == found != []
    assert any("wagtailsearch_indexentry" in query["sql"] for query in captured)
    assert "could not be built" in caplog.text
