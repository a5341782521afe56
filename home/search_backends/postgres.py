"""PostgreSQL: the library's score and order, computed with less work per matching row.

The library scores a match with one `ts_rank()` per query term and vector (title, body), so a
two-word query with stems calls it six times per row, and passes each call
`to_tsquery(...)`. Without a text search configuration in the settings that function is only
STABLE, so PostgreSQL parses the same query text again for every call on every row; and each
call on the body vector reads it again from TOAST storage and decompresses it. Here:

- each term's tsquery is a scalar subquery, which PostgreSQL computes once per statement (an
  InitPlan) and reuses for every row;
- `ranked_matches()` reads each matching row's vectors once, decompressed, in a subquery, and
  scores and sorts in the outer query with the library's own rank expression. It gives every
  match of a search, best first, with its content type, so the site search counts types and
  themes and pages through the results without searching again.

Scores and order are the library's (tested); matching, counting, facets and the other kinds of
query are the library's code.
"""

from django.contrib.postgres.search import (
    SearchQueryField,
    SearchRank,
    SearchVectorField,
)
from django.db import connections
from django.db.models import F, FloatField, Func
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not, Phrase, PlainText

from . import AnnouncingIndexMixin


class OncePerStatement(Func):
    """A tsquery as a scalar subquery: PostgreSQL computes it once per statement."""

    template = "(SELECT %(expressions)s)"
    output_field = SearchQueryField()


class Decompressed(Func):
    """A tsvector as an in-memory value, read from storage once however often it is used."""

    template = "(%(expressions)s || ''::tsvector)"
    output_field = SearchVectorField()


class OnceParsedTsqueryMixin:
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = SearchRank(
                vector,
                OncePerStatement(self.build_tsquery(query, config=config)),
                weights=self.sql_weights,
            )
            return rank * boost if boost != 1.0 else rank
        # Boost, And, Or: the library's combination, which calls back here for each term.
        return super().build_tsrank(vector, query, config=config, boost=boost)


class RankedPostgresQueryCompiler(OnceParsedTsqueryMixin, PostgresSearchQueryCompiler):
    pass


class RankedPostgresAutocompleteQueryCompiler(
    OnceParsedTsqueryMixin, PostgresAutocompleteQueryCompiler
):
    pass


def column(name, output_field):
    """A column of the subquery of matches, by its (fixed) name."""
    return RawSQL(f'"{name}"', [], output_field=output_field)  # noqa: S611 - our own names


class RankedPostgresSearchResults(PostgresSearchResults):
    def ranked_matches(self):
        """(primary key, content type id) of every match, best first, in one query.

        The rows that match, with their vectors decompressed, come from a subquery; the outer
        query scores them with the library's rank expression over those columns and sorts.
        Queries the library handles without ranking (match-all, negation, fuzzy, unordered,
        explicit fields) take the library's path.
        """
        compiler = self.query_compiler
        if (
            not compiler.order_by_relevance
            or compiler.fields is not None
            or isinstance(compiler.query, (MatchAll, Not, Fuzzy))
        ):
            return list(self.get_queryset().values_list("pk", "index_entries__content_type_id"))
        config = compiler.get_config(self.backend)
        search_query = compiler.build_tsquery(compiler.query, config=config)
        vectors = compiler.get_search_vectors(search_query)
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)

        columns = {"_pk": F("pk"), "_content_type": F("index_entries__content_type_id")}
        scored = []
        for number, (vector, boost) in enumerate(vectors):
            columns[f"_vector{number}"] = Decompressed(vector)
            if hasattr(boost, "resolve_expression"):
                columns[f"_boost{number}"] = boost
                boost = column(f"_boost{number}", FloatField())
            scored.append((column(f"_vector{number}", SearchVectorField()), boost))
        matches = (
            compiler.queryset.annotate(_vector_=combined)
            .filter(_vector_=search_query)
            .annotate(**columns)
            .values_list(*columns)
            .order_by()
        )
        db = connections[matches.db]
        matches_sql, params = matches.query.sql_with_params()
        outer = matches.query.get_compiler(connection=db)
        rank = compiler._build_rank_expression(scored, config).resolve_expression(matches.query)
        rank_sql, rank_params = outer.compile(rank)
        sql = (
            f'SELECT "_pk", "_content_type" FROM ({matches_sql} OFFSET 0) AS "matches" '  # noqa: S608 - compiled SQL
            f'ORDER BY {rank_sql} DESC, "_pk" DESC'
        )
        if self.stop is not None:
            sql += f" LIMIT {int(self.stop) - int(self.start)}"
        if self.start:
            sql += f" OFFSET {int(self.start)}"
        to_python = compiler.queryset.model._meta.pk.to_python
        with db.cursor() as cursor:
            cursor.execute(sql, [*params, *rank_params])
            return [(to_python(pk), content_type) for pk, content_type in cursor.fetchall()]


class AnnouncingPostgresIndex(AnnouncingIndexMixin, PostgresIndex):
    pass


class RankedPostgresSearchBackend(PostgresSearchBackend):
    announces_index_writes = True  # see AnnouncingIndexMixin
    index_class = AnnouncingPostgresIndex
    query_compiler_class = RankedPostgresQueryCompiler
    autocomplete_query_compiler_class = RankedPostgresAutocompleteQueryCompiler
    results_class = RankedPostgresSearchResults
