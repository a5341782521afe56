"""Site search: one query over every page type and the tender clauses, in the reader's language.

Works the same on every search backend (Wagtail's database backend on SQLite or PostgreSQL,
Elasticsearch, OpenSearch). On the database backends (home/search_backends) the reader index
that each process holds (home/search_index.py) gives every match, best first, with its page
type, and the matching tender clauses, without a query; the type counts, the type filter and
paging come from that list, and the theme counts and the theme filter from the themes of
every page, read once per content change (page_theme_keys). On a search engine the engine
ranks and counts per page type, and theme counts and the theme filter cover the best
`FACET_WINDOW` hits. Query words match their stems in the reader's language
(home/text_analysis.py). Snippets are highlighted here, in Python, so every backend shows the
same marks.
"""

import difflib
import functools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import EmptyPage, Paginator
from django.db.models import F, Lookup, Q
from django.db.models.lookups import In
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from home.navigation import cached, cached_readonly, language_codes
from home.privacy import is_private
from home.search_index import public_pages, reader_index_or_none, topics_left_out
from home.text_analysis import stemmed_query, word_forms

PAGE_SIZE = 10
FACET_WINDOW = 500
MAX_QUERY_LENGTH = 200
SNIPPET_LENGTH = 240
SNIPPET_FIELDS = ("summary", "intro", "search_description", "description")
WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """Words only, lower case, at most MAX_QUERY_LENGTH characters.

    Operators and quotes of the search engines (", *, -, AND, OR, NEAR, parentheses) are
    dropped, so no input can break a backend's query parser.
    """
    words = WORD.findall((raw or "")[: MAX_QUERY_LENGTH * 2].lower())
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


@functools.lru_cache(maxsize=256)
def term_pattern(terms):
    """The words that start with one of `terms` (a tuple), longest term first."""
    return re.compile(
        r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE | re.UNICODE,
    )


def highlight(text, terms):
    """Escape `text` and wrap the words that start with a query term in <mark>."""
    text = text or ""
    if not terms:
        return escape(text)
    parts, last = [], 0
    for match in term_pattern(tuple(terms)).finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def snippet(text, terms, length=SNIPPET_LENGTH):
    """A window of `text` around the first matching term, highlighted."""
    text = " ".join((text or "").split())
    if len(text) > length:
        lowered = text.lower()
        positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
        start = max(0, min(positions) - length // 3) if positions else 0
        end = start + length
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    return highlight(text, terms)


def stem_terms(query, language_code=""):
    """Term prefixes used for highlighting: each word's stem in the language, and the word
    less its last letters, so that 'hergebruik' also marks 'hergebruikt' and 'meubels'
    marks 'meubel'."""
    terms = set()
    for word in query.split():
        forms = {word[:-2] if len(word) >= 6 else word}
        if language_code:
            forms |= word_forms(word, language_code)
        terms.update(form for form in forms if len(form) >= 2)
    return sorted(terms)


@dataclass
class Hit:
    page: object
    title: object
    snippet: object
    kind: str
    url: str = ""
    language: str = ""
    is_clause: bool = False


def clause_index_url(locale):
    """URL of the knowledge index whose clauses a locale's search links to, or "" (cached)."""
    from knowledge.models import KnowledgeIndexPage

    def compute():
        index = KnowledgeIndexPage.objects.live().filter(locale=locale).first()
        return index.url if index else ""

    return cached(f"clause-base-url:{locale.pk}", compute)


# What a clause hit and its "add to my selection" button read of a clause.
CLAUSE_HIT_FIELDS = ("title", "slug", "text", "reference", "translation_key")


def clause_hit(clause, terms, locale, length=SNIPPET_LENGTH):
    from knowledge.models import KnowledgeIndexPage

    base = clause_index_url(locale)
    return Hit(
        page=clause,
        title=highlight(clause.title, terms),
        snippet=snippet(clause.text, terms, length),
        kind=str(clause._meta.verbose_name),
        url=KnowledgeIndexPage.clause_url(clause.slug, base) if base else "",
        is_clause=True,
    )


class RankedObjects:
    """Ranked primary keys that load their objects, in order, when sliced (for paging).

    Has the count() and slicing of search results, so the clause list pages the same way on
    every backend.
    """

    def __init__(self, queryset, pks):
        self.queryset = queryset
        self.pks = pks

    def count(self):
        return len(self.pks)

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, key):
        pks = self.pks[key]
        objects = self.queryset.order_by().in_bulk(pks)
        return [objects[pk] for pk in pks if pk in objects]


def clause_search(query, locale):
    """The tender clauses of a locale that match any query word, best first: on the database
    backends the ranked list (one query), loaded as needed; on a search engine the results."""
    from knowledge.models import TenderClause

    clauses = TenderClause.objects.filter(locale=locale, live=True)
    results = get_search_backend().search(stemmed_query(query, locale.language_code, "or"), clauses)
    matches = ranked_matches(results)
    return results if matches is None else RankedObjects(clauses, [pk for pk, _ in matches])


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    query: str
    total: int = 0
    page_obj: object = None
    hits: list = field(default_factory=list)
    type_facets: list = field(default_factory=list)
    theme_facets: list = field(default_factory=list)
    clauses: list = field(default_factory=list)
    clause_total: int = 0
    promotions: list = field(default_factory=list)
    suggestion: str = ""
    other_languages: list = field(default_factory=list)
    selected_type: str = ""
    selected_theme: object = None


def searchable_pages(locale, pages=None):
    """Every live, public page of one locale except the tree root (among `pages`, from
    public_pages(), if given)."""
    return (public_pages() if pages is None else pages).filter(locale=locale)


def shared_topic_scope(locale):
    """The condition that adds the forum's topics of every language to a locale's search.

    The network has one forum (network.models.shared_topics): a topic is found in every
    language, once per translation group. The topics of other languages that are left out
    (topics_left_out) are few. Expressed with filter fields only (content type, id), so every
    search backend applies it.
    """
    from network.models import TopicPage

    topics = Q(content_type=ContentType.objects.get_for_model(TopicPage))
    left_out = topics_left_out(locale.pk)
    return topics & ~Q(id__in=left_out) if left_out else topics


def reader_pages(locale, pages):
    """What a reader's search covers: the locale's pages (among `pages`, from public_pages())
    and the forum's topics of every language."""
    return pages.filter(Q(locale=locale) | shared_topic_scope(locale))


def content_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def page_kind(page):
    meta = page.specific_class._meta if page.specific_class else page._meta
    return str(meta.verbose_name)


def page_search(queryset, query, language_code, operator):
    """Ranked results for `query`, each word matching itself or its stem in the language."""
    return queryset.search(stemmed_query(query, language_code, operator))


def ranked_matches(results):
    """Every match as (primary key, content type id), best first, in one query, on the
    database backends of home/search_backends; None on a search engine."""
    ranked = getattr(results, "ranked_matches", None)
    return ranked() if ranked is not None else None


def run_page_search(queryset, query, language_code):
    """All terms first; if nothing matches every term, any term.

    Returns the ranked results, their counts per content type, the operator that found them
    and every match as (primary key, content type id), best first, on the database backends
    (one query per operator), or None on a search engine (which counts with a facet query).
    """
    for operator in ("and", "or"):
        results = page_search(queryset, query, language_code, operator)
        matches = ranked_matches(results)
        if matches is None:
            type_counts = results.facet("content_type_id")
        else:
            type_counts = Counter(map(itemgetter(1), matches))
        if type_counts or len(query.split()) == 1:
            break
    return results, type_counts, operator, matches


def best_matches(results, limit):
    """(primary key, content type id or None) of the first `limit` results; the database
    backends load no pages."""
    results = results[:limit]
    matches = ranked_matches(results)
    if matches is not None:
        return matches
    return [(page.pk, None) for page in results]


def best_pks(results, limit):
    """Primary keys of the first `limit` results; the database backends load no pages."""
    return [pk for pk, _ in best_matches(results, limit)]


# What a hit reads of a page besides its snippet field: its URL comes from `url_path`.
HIT_PAGE_FIELDS = ("title", "url_path", "locale_id", "content_type_id")


@functools.cache
def hit_fields(model):
    """The fields of `model` that build_hits reads, or None if a snippet attribute of the
    model is not a plain field (then the whole page is loaded)."""
    names = list(HIT_PAGE_FIELDS)
    for name in SNIPPET_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            if hasattr(model, name):
                return None
            continue
        if not field.concrete or field.is_relation:
            return None
        names.append(field.attname)
    return tuple(names)


def load_pages(pks, content_types=None):
    """The specific pages with these primary keys, by primary key.

    With `content_types` (primary key → content type id, as the database backends rank
    them), one query per page type reads only the fields a hit shows; otherwise Wagtail's
    `.specific()`, one query more and every field.
    """
    if not pks:
        return {}
    by_type = {}
    for pk in pks:
        content_type = (content_types or {}).get(pk)
        model = ContentType.objects.get_for_id(content_type).model_class() if content_type else None
        fields = hit_fields(model) if model is not None and issubclass(model, Page) else None
        if fields is None:
            by_type = None
            break
        by_type.setdefault((model, fields), []).append(pk)
    if by_type is None:
        pages = Page.objects.filter(pk__in=pks).defer_streamfields().specific()
        return {page.pk: page for page in pages}
    return {
        page.pk: page
        for (model, fields), model_pks in by_type.items()
        for page in model.objects.filter(pk__in=model_pks).only(*fields).order_by()
    }


def build_hits(pks, terms, language="", content_types=None, pages=None):
    """Hits for the pages with these primary keys, in this order (pages gone are skipped).

    `content_types` (primary key → content type id) lets load_pages read less; `pages`, the
    pages already loaded by primary key.
    """
    specific = load_pages(pks, content_types) if pages is None else pages
    # Every page's URL from one reading of the sites' root paths (Wagtail keeps them on the
    # page it is given, else reads the cache for each page).
    site_root_paths = Site.get_site_root_paths() if specific else []
    hits = []
    for pk in pks:
        page = specific.get(pk)
        if page is None:
            continue
        page._wagtail_cached_site_root_paths = site_root_paths
        text = next(
            (getattr(page, name, "") for name in SNIPPET_FIELDS if getattr(page, name, "")), ""
        )
        hits.append(
            Hit(
                page=page,
                title=highlight(page.title, terms),
                snippet=snippet(text, terms),
                kind=page_kind(page),
                url=page.url,
                language=language,
            )
        )
    return hits


def paginate(items, number):
    paginator = Paginator(items, PAGE_SIZE)
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    try:
        return paginator.page(number)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class InList(Lookup):
    """`field IN (values)`, with all values in one query parameter on PostgreSQL (an array)
    and SQLite (a JSON list), so that thousands of values cost little to send and to parse
    and stay under SQLite's limit on the number of parameters. Used as `filter(InList(F(...),
    values))`."""

    lookup_name = "in_list"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        return compiler.compile(In(self.lhs, list(self.rhs)))

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        array_type = f"{self.lhs.output_field.db_type(connection)}[]"
        values = list(self.rhs)
        if all(type(value) is int for value in values):
            # Integers (primary keys) go as one array literal: psycopg would inspect each
            # element of a list, which costs more than the query for thousands of them.
            values = "{" + ",".join(map(str, values)) + "}"
        return f"{lhs} = ANY(%s::{array_type})", [*params, values]

    def as_sqlite(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        sql = f"{lhs} IN (SELECT value FROM json_each(%s))"  # noqa: S608 - a compiled column
        return sql, [*params, json.dumps(list(self.rhs))]


def page_theme_keys():
    """The themes of every knowledge page, as translation keys in text (a UUID hashes in
    Python, a string in C), by page primary key.

    Read once per content change in each process (home.navigation.cached_readonly), so that
    counting themes over a thousand matches costs no query.
    """
    from knowledge.models import KnowledgePage

    def compute():
        keys, themes_of = {}, {}
        rows = KnowledgePage.themes.through.objects.order_by().values_list(
            "knowledgepage_id", "theme__translation_key"
        )
        for page_pk, key in rows.iterator():
            themes_of.setdefault(page_pk, set()).add(keys.setdefault(key, str(key)))
        return {page_pk: tuple(page_keys) for page_pk, page_keys in themes_of.items()}

    return cached_readonly("search-page-theme-keys", compute)


def theme_facets(page_pks, locale, selected_theme):
    """Counts per theme (in the reader's language) over the pages with these primary keys."""
    from knowledge.listing import themes_by_key

    themes_of = page_theme_keys()
    counts = Counter(chain.from_iterable(map(themes_of.get, page_pks, repeat(()))))
    themes = themes_by_key(locale.pk)
    facets = [
        Facet(
            key=theme.slug,
            label=theme.name,
            count=counts[str(key)],
            selected=selected_theme is not None and theme.pk == selected_theme.pk,
        )
        for key, theme in themes.items()
        if counts.get(str(key))
    ]
    return sorted(facets, key=lambda f: (-f.count, f.label))


def with_theme(page_pks, theme):
    """The primary keys among `page_pks` of pages on `theme`, in the same order."""
    themes_of = page_theme_keys()
    key = str(theme.translation_key)
    return [pk for pk in page_pks if key in themes_of.get(pk, ())]


def vocabulary(locale):
    """Words of the locale's page titles and theme names, for "did you mean" (cached)."""

    def compute():
        words = set()
        for title in searchable_pages(locale).values_list("title", flat=True).iterator():
            words.update(w for w in WORD.findall(title.lower()) if len(w) > 3)
        return sorted(words)

    return cached(f"search-vocabulary:{locale.pk}", compute)


def suggest(query, locale):
    words = query.split()
    vocab = vocabulary(locale)
    suggested = []
    for word in words:
        if word in vocab:
            suggested.append(word)
            continue
        close = difflib.get_close_matches(word, vocab, n=1, cutoff=0.75)
        suggested.append(close[0] if close else word)
    suggestion = " ".join(suggested)
    return suggestion if suggestion != query else ""


def promotion_scope(locale):
    """The promotions that may show to a reader of `locale`: those of a page in that language
    (an editor writes a promotion's description in the language of the page it promotes),
    and external links, which belong to no language."""
    return Q(page__locale_id=locale.pk) | Q(page__isnull=True)


def promoted_queries(locale):
    """The queries that editors promoted results for in a language (cached until promotions
    change)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    def compute():
        return set(
            SearchPromotion.objects.filter(promotion_scope(locale)).values_list(
                "query__query_string", flat=True
            )
        )

    return cached(f"search-promoted-queries:{locale.pk}", compute)


def promotions_for(query, locale):
    """The promotions of `query` for a reader of `locale`: a promoted page shows only in its
    own language, with the description its editor wrote, and only while live and public."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promoted = []
    if query not in promoted_queries(locale):
        return promoted
    for promotion in (
        SearchPromotion.objects.filter(promotion_scope(locale), query__query_string=query)
        .select_related("page")
        .order_by("sort_order")
    ):
        if promotion.page_id:
            page = promotion.page
            if page.live and not is_private(page):
                promoted.append(
                    {"title": page.title, "url": page.url, "description": promotion.description}
                )
        elif promotion.external_link_url:
            promoted.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return promoted


def search_site(raw_query, locale, type_key="", theme_slug="", page_number=1, record=True):
    """Run the site search for one reader; returns everything the results page shows."""
    from knowledge.listing import theme_by_slug, themes_by_key
    from knowledge.models import TenderClause

    query = clean_query(raw_query)
    outcome = SearchOutcome(query=query)
    if not query:
        return outcome
    terms = stem_terms(query, locale.language_code)

    language = locale.language_code
    index = reader_index_or_none()
    if index is not None:
        # Database backends: every match from the reader index, best first.
        public = base = results = None
        for operator in ("and", "or"):
            matches = index.pages(query, language, operator, reader=locale.pk)
            if matches or len(query.split()) == 1:
                break
        type_counts = Counter(map(itemgetter(1), matches))
        clause_results = RankedObjects(
            TenderClause.objects.filter(locale=locale, live=True).only(*CLAUSE_HIT_FIELDS),
            index.clauses(query, language, locale.pk),
        )
    else:
        public = public_pages()
        base = reader_pages(locale, public)
        results, type_counts, operator, matches = run_page_search(base, query, language)
        clause_results = clause_search(query, locale)
    content_types = [ContentType.objects.get_for_id(pk) for pk in type_counts if pk]
    types = {content_type_key(ct): ct for ct in content_types}
    outcome.clause_total = clause_results.count()

    outcome.selected_type = type_key if type_key in types or type_key == "clause" else ""
    outcome.selected_theme = theme_by_slug(themes_by_key(locale.pk), theme_slug)
    outcome.type_facets = type_facets(types, type_counts, outcome.selected_type)
    if outcome.clause_total:
        outcome.type_facets.append(
            Facet(
                key="clause",
                label=str(TenderClause._meta.verbose_name_plural).capitalize(),
                count=outcome.clause_total,
                selected=outcome.selected_type == "clause",
            )
        )

    if outcome.selected_type == "clause":
        outcome.page_obj = paginate(clause_results, page_number)
        outcome.total = outcome.clause_total
        outcome.hits = [
            clause_hit(clause, terms, locale) for clause in outcome.page_obj.object_list
        ]
        return outcome

    if matches is not None:
        # Database backends: every match is known, best first (a score depends on the page
        # and the query only, so a filtered list keeps its order). Theme counts and the theme
        # filter cover every match of the selected type; a page of hits loads ten pages.
        if outcome.selected_type:
            content_type_id = types[outcome.selected_type].pk
            matches = [match for match in matches if match[1] == content_type_id]
        pks = [pk for pk, _ in matches]
        content_types = dict(matches)
    else:
        content_types = None
        # Search engines: theme counts and the theme filter over the best FACET_WINDOW hits.
        if outcome.selected_type:
            scope = base.filter(content_type=types[outcome.selected_type])
            results = page_search(scope, query, language, operator)
        pks = [page.pk for page in results[:FACET_WINDOW]]
    outcome.theme_facets = theme_facets(pks, locale, outcome.selected_theme)
    if outcome.selected_theme is not None:
        pks = with_theme(pks, outcome.selected_theme)
    outcome.page_obj = paginate(pks, page_number)
    outcome.total = outcome.page_obj.paginator.count
    outcome.hits = build_hits(
        list(outcome.page_obj.object_list), terms, content_types=content_types
    )
    codes = language_codes()
    for hit in outcome.hits:
        # A topic of another language: named with its language, read in it.
        if hit.page.locale_id != locale.pk:
            hit.language = codes.get(hit.page.locale_id, "")
    if not outcome.selected_type and outcome.page_obj.number == 1:
        outcome.clauses = [clause_hit(clause, terms, locale, 160) for clause in clause_results[:3]]
        outcome.promotions = promotions_for(query, locale)

    if outcome.total + outcome.clause_total == 0:
        outcome.suggestion = suggest(query, locale)
    if outcome.total < 3 and not outcome.selected_type and outcome.selected_theme is None:
        outcome.other_languages = other_language_hits(query, locale, terms, public, index=index)
    if record:
        record_search(query, locale, outcome.total + outcome.clause_total)
    return outcome


def type_facets(types, type_counts, selected_type):
    """One facet per content type that has matches, most matches first."""
    return [
        Facet(
            key=key,
            label=str(ct.model_class()._meta.verbose_name_plural).capitalize()
            if ct.model_class()
            else ct.model,
            count=type_counts[ct.pk],
            selected=selected_type == key,
        )
        for key, ct in sorted(types.items(), key=lambda item: -type_counts[item[1].pk])
    ]


def other_language_hits(query, locale, terms, public=None, limit=5, index=None):
    """Matches in the other site languages, for a reader whose language has few results.

    `public` is public_pages(), if already at hand; `index`, the reader index
    (home/search_index.py) on the database backends."""
    from network.models import TopicPage

    hits, content_types = [], {}
    # Topics of every language are among the reader's own results already.
    topic_type = ContentType.objects.get_for_model(TopicPage)
    found = []
    for other in Locale.objects.exclude(pk=locale.pk).order_by("language_code"):
        language = other.language_code
        operators = ("and", "or") if len(query.split()) > 1 else ("and",)
        for operator in operators:
            if index is not None:
                matches = index.pages(
                    query, language, operator, locale=other.pk, exclude=[topic_type.pk]
                )[:limit]
            else:
                public = public_pages() if public is None else public
                scope = searchable_pages(other, public).exclude(content_type=topic_type)
                matches = best_matches(page_search(scope, query, language, operator), limit)
            if matches:
                break
        found.append((language, [pk for pk, _ in matches]))
        content_types.update(matches)
    # The pages of every language in one go.
    pages = load_pages([pk for _, pks in found for pk in pks], content_types)
    for language, pks in found:
        hits.extend(build_hits(pks, terms, language=language, pages=pages))
    return hits


def record_search(query, locale, result_count):
    """Count the search for the editors' reports (popular and fruitless queries).

    Two statements once a query has been searched that day: add a hit to its day (found by
    the query's text, as Wagtail's `Query.get` stores it), count it for the language.
    """
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    from home.models import SearchTermStat

    today = timezone.now().date()  # the day as Wagtail counts it
    day = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=today
    )
    if not day.update(hits=F("hits") + 1):
        Query.get(query).add_hit(today)  # the day's first search of it
    SearchTermStat.record(query, locale, result_count)


def autocomplete(raw_query, locale, limit=8):
    """Titles that start like what the reader is typing, in their language."""
    query = clean_query(raw_query)
    if len(query) < 2:
        return []
    pages = searchable_pages(locale).autocomplete(query)[:limit]
    return [{"title": page.title, "url": page.url} for page in pages]
