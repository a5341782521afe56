"""The Wagtail database search backend, with ranking that stays fast on a large site.

SQLite (sqlite.py): `modelsearch`'s SQLite backend orders results by a correlated subquery
that runs the full-text match once per matching row: a word found in 10,000 pages costs
10,000 × 10,000 index probes (over a minute). Here the ranked result ids come from one query
over the full-text index, joined to the filtered queryset, sorted and limited in SQL; the
objects are then loaded by primary key. The score is FTS5's bm25() over the whole match with
words in the title weighted above the body (the library multiplies per-term scores, which
inverts the order of strong matches).

PostgreSQL (postgres.py): the library's score and order, with each query term's tsquery
computed once per statement instead of once per term, row and vector, and each matching row's
vectors read from storage once.

On both, `results.ranked_matches()` returns every match, best first, with its content type,
in one query. Every write to the index of a page or a tender clause that changes its text
(saved or deleted, by a web process or a task worker; update_index) tells the processes to
build their reader index again (home/search_index.py), which the site search reads on these
backends; a draft's save, indexed again with the live text, leaves it be. Everything else
(indexing, counts, facets, negation, explicit ordering) is the library's own code.

Configure with `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search_backends"}}`.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as LibrarySearchBackend

from home.search_index import in_reader_index, search_index_changed, stored_texts


class AnnouncingIndexMixin:
    """Announces every write to the search backend's index of what the reader index holds
    (pages and tender clauses, home.search_index); comments, images and the like are
    searched elsewhere and leave it alone."""

    def add_items(self, model, objs):
        if not in_reader_index(model):
            return super().add_items(model, objs)
        # Wagtail indexes a page again on every save, a draft's included, with the text of
        # its live version: the processes rebuild their index only when that text changed.
        before = stored_texts(model, objs)
        super().add_items(model, objs)
        if stored_texts(model, objs) != before:
            search_index_changed()

    def delete_item(self, item):
        super().delete_item(item)
        if in_reader_index(type(item)):
            search_index_changed()

    def reset(self):
        super().reset()
        search_index_changed()


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The library's choice of database backend, with the fast ranking where we have one."""
    backend = LibrarySearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import RankedSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return RankedSQLiteSearchBackend(params)
    elif connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        from .postgres import RankedPostgresSearchBackend

        if isinstance(backend, PostgresSearchBackend):
            return RankedPostgresSearchBackend(params)
    return backend
