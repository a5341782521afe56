"""Site search: one query over every page type and the tender clauses, in the reader's language.

Works the same on every search backend (Wagtail's database backend on SQLite or PostgreSQL,
Elasticsearch, OpenSearch): the backend ranks and counts per page type. Theme counts and the
theme filter run in SQL over every match on the database backends, and over the best
`FACET_WINDOW` hits on a search engine. Query words match their stems in the reader's
language (home/text_analysis.py). Snippets are highlighted here, in Python, so every backend
shows the same marks.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home.navigation import cached
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


def highlight(text, terms):
    """Escape `text` and wrap the words that start with a query term in <mark>."""
    text = text or ""
    if not terms:
        return escape(text)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE | re.UNICODE,
    )
    parts, last = [], 0
    for match in pattern.finditer(text):
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


def clause_index_url(locale):
    """URL of the tender clause library of a locale, or "" (cached)."""
    from knowledge.models import KnowledgeIndexPage

    def compute():
        index = KnowledgeIndexPage.objects.live().filter(locale=locale).first()
        return index.url + index.reverse_subpage("clauses_route") if index else ""

    return cached(f"clause-index-url:{locale.pk}", compute)


def clause_hit(clause, terms, locale, length=SNIPPET_LENGTH):
    base = clause_index_url(locale)
    return Hit(
        page=clause,
        title=highlight(clause.title, terms),
        snippet=snippet(clause.text, terms, length),
        kind=str(clause._meta.verbose_name),
        url=f"{base}{clause.slug}/" if base else "",
    )


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


def searchable_pages(locale):
    """Every live, public page of one locale except the tree root."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


def content_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def page_kind(page):
    meta = page.specific_class._meta if page.specific_class else page._meta
    return str(meta.verbose_name)


def page_search(queryset, query, language_code, operator):
    """Ranked results for `query`, each word matching itself or its stem in the language."""
    return queryset.search(stemmed_query(query, language_code, operator))


def run_page_search(queryset, query, language_code):
    """All terms first; if nothing matches every term, any term.

    Returns the ranked results, their counts per content type (one facet query each) and the
    operator that found them.
    """
    operator = "and"
    results = page_search(queryset, query, language_code, operator)
    type_counts = results.facet("content_type_id")
    if not type_counts and len(query.split()) > 1:
        operator = "or"
        results = page_search(queryset, query, language_code, operator)
        type_counts = results.facet("content_type_id")
    return results, type_counts, operator


def matching_queryset(queryset, query, language_code, operator):
    """All matches as an unranked queryset, on the database backends; None on a search engine.

    Lets theme counts and the theme filter run in SQL over every match instead of over a
    window of ranked hits.
    """
    results = queryset.search(
        stemmed_query(query, language_code, operator), order_by_relevance=False
    )
    if not hasattr(results, "get_queryset"):
        return None
    return results.get_queryset()


def build_hits(pages, terms, language=""):
    specific = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[p.pk for p in pages])
        .defer_streamfields()
        .specific()
    }
    hits = []
    for page in pages:
        page = specific.get(page.pk, page)
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


class CountedResults:
    """Search results whose size is already known, for the paginator."""

    def __init__(self, results, total):
        self.results = results
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        return self.results[key]


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


def theme_facets(page_pks, locale, selected_theme):
    """Counts per theme (in the reader's language) over the given pages (one query).

    `page_pks` is a list of primary keys or a subquery of them.
    """
    from knowledge.listing import themes_by_key
    from knowledge.models import KnowledgePage

    through = KnowledgePage.themes.through
    counts = {
        row["theme__translation_key"]: row["count"]
        for row in through.objects.filter(knowledgepage_id__in=page_pks)
        .values("theme__translation_key")
        .annotate(count=Count("knowledgepage_id", distinct=True))
    }
    themes = themes_by_key(locale.pk)
    facets = [
        Facet(
            key=theme.slug,
            label=theme.name,
            count=counts[key],
            selected=selected_theme is not None and theme.pk == selected_theme.pk,
        )
        for key, theme in themes.items()
        if counts.get(key)
    ]
    return sorted(facets, key=lambda f: (-f.count, f.label))


def pages_with_theme(page_pks, theme):
    """Primary keys among `page_pks` (a list or a subquery) of pages on `theme`, as a queryset."""
    from knowledge.models import KnowledgePage

    return KnowledgePage.themes.through.objects.filter(
        knowledgepage_id__in=page_pks, theme__translation_key=theme.translation_key
    ).values_list("knowledgepage_id", flat=True)


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


def promotions_for(query, locale):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promoted = []
    for promotion in (
        SearchPromotion.objects.filter(query__query_string=query)
        .select_related("page")
        .order_by("sort_order")
    ):
        if promotion.page_id:
            page = promotion.page.get_translation_or_none(locale) or promotion.page
            if page.live and page.locale_id == locale.pk:
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

    base = searchable_pages(locale)
    language = locale.language_code
    results, type_counts, operator = run_page_search(base, query, language)
    content_types = [ContentType.objects.get_for_id(pk) for pk in type_counts if pk]
    types = {content_type_key(ct): ct for ct in content_types}
    clause_results = get_search_backend().search(
        stemmed_query(query, language, "or"), TenderClause.objects.filter(locale=locale)
    )
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

    scope = base
    if outcome.selected_type:
        scope = base.filter(content_type=types[outcome.selected_type])
        results = page_search(scope, query, language, operator)
    matches = matching_queryset(scope, query, language, operator)
    if matches is not None:
        # Database backends: theme counts and the theme filter over every match, in SQL.
        # The total is known from the facet counts, so paging runs no count query.
        match_pks = matches.values("pk")
        outcome.theme_facets = theme_facets(match_pks, locale, outcome.selected_theme)
        if outcome.selected_theme is not None:
            themed = pages_with_theme(match_pks, outcome.selected_theme)
            results = page_search(scope.filter(pk__in=themed), query, language, operator)
            total = next((f.count for f in outcome.theme_facets if f.selected), 0)
        elif outcome.selected_type:
            total = type_counts[types[outcome.selected_type].pk]
        else:
            total = sum(type_counts.values())
        outcome.page_obj = paginate(CountedResults(results, total), page_number)
    else:
        # Search engines: theme counts and the theme filter over the best FACET_WINDOW hits.
        window = list(results[:FACET_WINDOW])
        window_pks = [page.pk for page in window]
        outcome.theme_facets = theme_facets(window_pks, locale, outcome.selected_theme)
        if outcome.selected_theme is not None:
            keep = set(pages_with_theme(window_pks, outcome.selected_theme))
            window = [page for page in window if page.pk in keep]
        outcome.page_obj = paginate(window, page_number)
    outcome.total = outcome.page_obj.paginator.count
    outcome.hits = build_hits(list(outcome.page_obj.object_list), terms)
    if not outcome.selected_type and outcome.page_obj.number == 1:
        outcome.clauses = [clause_hit(clause, terms, locale, 160) for clause in clause_results[:3]]
        outcome.promotions = promotions_for(query, locale)

    if outcome.total + outcome.clause_total == 0:
        outcome.suggestion = suggest(query, locale)
    if outcome.total < 3 and not outcome.selected_type and outcome.selected_theme is None:
        outcome.other_languages = other_language_hits(query, locale, terms)
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


def other_language_hits(query, locale, terms, limit=5):
    """Matches in the other site languages, for a reader whose language has few results."""
    hits = []
    for other in Locale.objects.exclude(pk=locale.pk).order_by("language_code"):
        scope, language = searchable_pages(other), other.language_code
        pages = list(page_search(scope, query, language, "and")[:limit])
        if not pages and len(query.split()) > 1:
            pages = list(page_search(scope, query, language, "or")[:limit])
        hits.extend(build_hits(pages, terms, language=other.language_code))
    return hits


def record_search(query, locale, result_count):
    """Count the search for the editors' reports (popular and fruitless queries)."""
    from wagtail.contrib.search_promotions.models import Query

    from home.models import SearchTermStat

    Query.get(query).add_hit()
    SearchTermStat.record(query, locale, result_count)


def autocomplete(raw_query, locale, limit=8):
    """Titles that start like what the reader is typing, in their language."""
    query = clean_query(raw_query)
    if len(query) < 2:
        return []
    pages = searchable_pages(locale).autocomplete(query)[:limit]
    return [{"title": page.title, "url": page.url} for page in pages]
