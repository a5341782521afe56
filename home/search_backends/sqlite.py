"""SQLite: ranked ids from one query over the FTS5 index (see the package docstring)."""

from django.db.models import Exists, FloatField, Func, OuterRef
from modelsearch.backends.database.sqlite.query import MatchExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from . import AnnouncingIndexMixin


class WeightedBM25(Func):
    """FTS5's bm25() with a weight per column of the index (autocomplete, body, title).

    Lower is better. The library multiplies one bm25() per query term, which changes sign
    for strong matches (bm25 is negative); the whole match is scored once here instead, with
    words in the title counting more than words in the body.
    """

    output_field = FloatField()

    def __init__(self, weights):
        super().__init__()
        self.weights = weights

    def as_sql(self, compiler, connection, function=None, template=None):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, {', '.join(str(float(w)) for w in self.weights)})", []


class RankedIdsMixin:
    """Adds `ranked_ids` to the library's search and autocomplete query compilers."""

    BM25_WEIGHTS = (0.0, 1.0, 4.0)  # autocomplete, body, title

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25(self.BM25_WEIGHTS)

    def ranked_entries(self, config):
        """The full-text rows of every match, best first, as a queryset, or None when not
        applicable.

        None (the library's path then applies) for negated or match-all queries and when the
        results are not ordered by relevance.
        """
        if not self.order_by_relevance or isinstance(self.query, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(self.query, config=config)
        if isinstance(search_query, (MatchAll, Not)) or search_query is None:
            return None
        model = self.queryset.model
        content_types = get_descendants_content_types_pks(model)
        # Each match is looked up in the queryset by primary key (a correlated EXISTS): an
        # `IN (subquery)` would first list every row of the queryset, e.g. all pages of a
        # language, however few pages match.
        in_queryset = Exists(self.queryset.filter(pk=OuterRef("index_entry__object_id")))
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        return (
            SQLiteFTSIndexEntry.objects.filter(
                match, in_queryset, index_entry__content_type__in=content_types
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
        )

    def ranked_ids(self, config, start, stop):
        """(primary key, score) of the best matches, best first, or None when not applicable."""
        rows = self.ranked_entries(config)
        if rows is None:
            return None
        rows = rows.values_list("index_entry__object_id", "score")
        rows = rows[start:stop] if stop is not None else rows[start:]
        to_python = self.queryset.model._meta.pk.to_python
        return [(to_python(object_id), score) for object_id, score in rows]


class RankedSQLiteQueryCompiler(RankedIdsMixin, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(RankedIdsMixin, SQLiteAutocompleteQueryCompiler):
    BM25_WEIGHTS = (1.0, 0.0, 0.0)


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def ranked_matches(self):
        """(primary key, content type id) of every match, best first, in one query."""
        compiler = self.query_compiler
        rows = compiler.ranked_entries(compiler.get_config(self.backend))
        if rows is None:
            return list(self.get_queryset().values_list("pk", "index_entries__content_type_id"))
        rows = rows.values_list("index_entry__object_id", "index_entry__content_type_id")
        rows = rows[self.start : self.stop] if self.stop is not None else rows[self.start :]
        to_python = compiler.queryset.model._meta.pk.to_python
        return [(to_python(object_id), content_type) for object_id, content_type in rows]

    def _do_search(self):
        compiler = self.query_compiler
        ranked = compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
        if ranked is None:
            return super()._do_search()
        objects = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=[pk for pk, _ in ranked])}
        results = []
        for pk, score in ranked:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results


class AnnouncingSQLiteIndex(AnnouncingIndexMixin, SQLiteIndex):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    announces_index_writes = True  # see AnnouncingIndexMixin
    index_class = AnnouncingSQLiteIndex
    query_compiler_class = RankedSQLiteQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
