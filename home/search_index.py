"""What readers can find, as a full-text index that each process holds in memory.

On the database search backends the site search reads this index instead of querying the
database: the database must score every match of a query (with a common word, a thousand
pages and more) and check each against the reader's language, status and privacy, while this
index holds only what readers may see, with its language and scope, and answers a search with
every match, best first, in under a millisecond at ten thousand pages.

- **What it holds**: every live, public page except the tree root, with its type, its language
  and the languages whose readers find it (its own; for a forum topic, every language whose
  search lists it, as `topics_left_out` decides), and every live tender clause with
  its language. The text is the search backend's own (the title and body it indexed, stems
  included, see home/text_analysis.py), so both find the same pages.
- **Words**: split on anything but letters and digits, lower case, without accents, as SQLite's
  full-text index does; a query word matches itself or its stem in the reader's language.
- **Score**: BM25, with words in the title counting four times those in the body, as the
  SQLite backend ranks; ties in the order of the database backends (newer first).
- **One truth**: each process builds the index from the database when it first searches under a
  navigation token and a search-index token (home.navigation.held_in_process). Publishing,
  unpublishing, moving, privacy and clause changes renew the first; every write to the search
  backend's index (a page or clause saved, by a web process or a task worker; update_index;
  a deletion) renews the second (home.search_backends). Building takes about half a second at
  ten thousand pages; a process whose shared cache is unreachable builds it for each search.

Used only on the database backends of home/search_backends; Elasticsearch and OpenSearch are
search engines already and are queried directly.
"""

import ctypes
import ctypes.util
import functools
import logging

import tantivy
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from modelsearch.utils import get_content_type_pk
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home.navigation import cached, held_in_process, new_version, now_and_on_commit
from home.privacy import public
from home.text_analysis import fold, word_forms

logger = logging.getLogger(__name__)

INDEX_VERSION_KEY = "search-index:version"
TITLE_BOOST = 4.0
PAGE, CLAUSE = 0, 1
WRITER_HEAP = 20_000_000


def analyzer():
    """Words as SQLite's full-text index splits them: letters and digits, lower case, no
    accents; words over 40 characters are left out."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def schema():
    builder = tantivy.SchemaBuilder()
    for name in ("title", "body"):
        builder.add_text_field(name, tokenizer_name="words", index_option="freq")
    builder.add_integer_field("pk", fast=True)
    builder.add_integer_field("content_type", fast=True, indexed=True)
    builder.add_integer_field("kind", indexed=True)
    builder.add_integer_field("locale", indexed=True)
    builder.add_integer_field("reader", indexed=True)  # one value per reader's language
    return builder.build()


class ReaderIndex:
    """The index of one content version; see the module docstring."""

    def __init__(self, documents):
        """`documents`: (kind, primary key, content type id, locale id, reader locale ids,
        title, body) tuples, newest first among each kind: among equal scores tantivy lists
        the document added first, and the database backends the newest."""
        self.schema = schema()
        self.index = tantivy.Index(self.schema)
        self.analyzer = analyzer()
        self.index.register_tokenizer("words", self.analyzer)
        writer = self.index.writer(WRITER_HEAP, 1)
        for kind, pk, content_type, locale, readers, title, body in documents:
            document = tantivy.Document(
                title=title or "",
                body=body or "",
                pk=pk,
                content_type=content_type,
                kind=kind,
                locale=locale,
            )
            for reader in readers:
                document.add_integer("reader", reader)
            writer.add_document(document)
        writer.commit()
        writer.wait_merging_threads()
        del writer
        self.index.reload()
        self.searcher = self.index.searcher()
        release_free_memory()

    def _filter(self, field, value):
        return tantivy.Query.const_score_query(
            tantivy.Query.term_query(self.schema, field, value), 0.0
        )

    def _word_query(self, word, language_code):
        """The word or one of its forms, in the title (weighted) or the body."""
        forms = {word} | word_forms(word, language_code)
        tokens = {tuple(token for token in self.analyzer.analyze(fold(form))) for form in forms}
        alternatives = []
        for token_list in sorted(token for token in tokens if token):
            for field, boost in (("title", TITLE_BOOST), ("body", 1.0)):
                terms = [tantivy.Query.term_query(self.schema, field, t) for t in token_list]
                query = (
                    terms[0]
                    if len(terms) == 1
                    else tantivy.Query.boolean_query([(tantivy.Occur.Must, t) for t in terms])
                )
                if boost != 1.0:
                    query = tantivy.Query.boost_query(query, boost)
                alternatives.append((tantivy.Occur.Should, query))
        return tantivy.Query.boolean_query(alternatives) if alternatives else None

    def _search(self, query, language_code, operator, filters, exclude=()):
        words = [self._word_query(word, language_code) for word in query.split()]
        words = [word for word in words if word is not None]
        if not words:
            return []
        occur = tantivy.Occur.Must if operator == "and" else tantivy.Occur.Should
        text = tantivy.Query.boolean_query([(occur, word) for word in words])
        clauses = [(tantivy.Occur.Must, text)]
        clauses += [(tantivy.Occur.Must, self._filter(field, value)) for field, value in filters]
        clauses += [(tantivy.Occur.MustNot, self._filter(field, value)) for field, value in exclude]
        whole = tantivy.Query.boolean_query(clauses)
        found = self.searcher.search(whole, limit=max(self.searcher.num_docs, 1), count=False)
        addresses = [address for _score, address in found.hits]
        return list(
            zip(
                self.searcher.fast_field_values("pk", addresses),
                self.searcher.fast_field_values("content_type", addresses),
                strict=True,
            )
        )

    def pages(self, query, language_code, operator="and", reader=None, locale=None, exclude=()):
        """Every page that matches, best first, as (primary key, content type id).

        `reader`: the pages a reader of that locale finds (their language's and the forum's
        shared topics); `locale`: the pages of that locale only; `exclude`: content type ids
        left out. Words are joined by `operator` ("and" or "or")."""
        filters = [("kind", PAGE)]
        if reader is not None:
            filters.append(("reader", reader))
        if locale is not None:
            filters.append(("locale", locale))
        excluded = [("content_type", content_type) for content_type in exclude]
        return self._search(query, language_code, operator, filters, excluded)

    def clauses(self, query, language_code, locale, operator="or"):
        """Primary keys of the live tender clauses of a locale that match, best first."""
        filters = [("kind", CLAUSE), ("locale", locale)]
        return [pk for pk, _ in self._search(query, language_code, operator, filters)]


def public_pages():
    """Every live, public page except the tree root, in every locale: Wagtail's `.public()`,
    with the private sections read from the cache."""
    return public(Page.objects.live().filter(depth__gt=1))


def topics_left_out(locale_id):
    """Ids of the forum's topics of other languages that a locale's search leaves out:
    translated into its language, or not their translation group's first page (cached until
    the next change to the page tree). See home.search.shared_topic_scope."""
    from network.models import TopicPage, shared_topics

    def compute():
        listed = shared_topics(locale_id).values("pk")
        return sorted(
            TopicPage.objects.live()
            .exclude(locale_id=locale_id)
            .exclude(pk__in=listed)
            .values_list("pk", flat=True)
        )

    return cached(f"search-topics-left-out:{locale_id}", compute)


def in_reader_index(model):
    """Whether the reader index holds objects of `model` (pages and tender clauses)."""
    from knowledge.models import TenderClause

    return issubclass(model, (Page, TenderClause))


def uses_reader_index():
    """Whether the site's search backend is one of the database backends this index serves
    (home/search_backends marks them)."""
    return getattr(get_search_backend(), "announces_index_writes", False)


@functools.cache
def _libc():
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


def release_free_memory():
    """Give the memory that building freed back to the system (glibc keeps it otherwise, and a
    process that builds the index after each content change would grow by tens of MB)."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def _text_fields():
    """The columns of an index entry that hold its title and body as text."""
    return ("title", "body") if connection.vendor == "sqlite" else ("title_text", "body_text")


def stored_texts(model, objs):
    """{object id: (title, body)} of these objects' entries in the search backend's index."""
    from wagtail.search.models import IndexEntry

    return {
        object_id: texts
        for object_id, *texts in IndexEntry.objects.filter(
            content_type_id=get_content_type_pk(model),  # as the backend writes them
            object_id__in=[str(obj.pk) for obj in objs],
        ).values_list("object_id", *_text_fields())
    }


def indexed_texts(content_types):
    """(primary key, content type id, title, body) of the search backend's index entries of
    these content types, as it stored their text, newest object first (read in chunks)."""
    from wagtail.search.models import IndexEntry

    rows = (
        IndexEntry.objects.filter(content_type_id__in=content_types)
        .order_by(Cast("object_id", BigIntegerField()).desc())
        .values_list("object_id", "content_type_id", *_text_fields())
    )
    for object_id, content_type, title, body in rows.iterator(chunk_size=2000):
        yield int(object_id), content_type, title, body


def build_reader_index():
    """The index of what readers may find now, read from the database."""
    from knowledge.models import TenderClause
    from network.models import TopicPage

    topic_type = ContentType.objects.get_for_model(TopicPage).pk
    locales = list(Locale.objects.values_list("pk", flat=True))
    left_out = {locale: set(topics_left_out(locale)) for locale in locales}
    page_locales = dict(public_pages().values_list("pk", "locale_id"))
    page_types = set(Page.objects.order_by().values_list("content_type_id", flat=True).distinct())
    clause_type = ContentType.objects.get_for_model(TenderClause).pk
    clauses = dict(TenderClause.objects.filter(live=True).values_list("pk", "locale_id"))

    def documents():
        for pk, content_type, title, body in indexed_texts(page_types):
            locale = page_locales.get(pk)
            if locale is None:  # not live, or not public
                continue
            readers = {locale}
            if content_type == topic_type:
                readers |= {reader for reader in locales if pk not in left_out[reader]}
            yield PAGE, pk, content_type, locale, sorted(readers), title, body
        for pk, content_type, title, body in indexed_texts([clause_type]):
            if pk in clauses:
                yield CLAUSE, pk, content_type, clauses[pk], (), title, body

    return ReaderIndex(documents())


def reader_index_or_none():
    """The reader index if the site's search backend is one it serves and it could be built;
    otherwise None, and the search asks the backend itself. A failure of the index library
    is logged: the search answers, slower, from the database."""
    if not uses_reader_index():
        return None
    try:
        return reader_index()
    except (ValueError, OSError, RuntimeError):
        logger.exception("The search reader index could not be built; searching the database")
        return None


def reader_index():
    """The index for the current content version, built by this process when first needed."""
    return held_in_process("search-reader-index", build_reader_index, versions=[INDEX_VERSION_KEY])


def retire_reader_index():
    new_version(INDEX_VERSION_KEY)


def search_index_changed():
    """Every process builds its index again (now, and once more on commit)."""
    now_and_on_commit(retire_reader_index)
