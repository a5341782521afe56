"""Assemble an inspiration book for reading: chapters with their pages in the book's language.

A book stores the pages its editors chose (usually Dutch originals, kept in sync across the
book's translations). At render time each chosen page becomes its live, public translation in
the book's language or, failing that, the chosen page itself in its own language, with a note
saying so. Drafts, unpublished and private pages never appear. Everything here runs a fixed
number of queries, whatever the number of chapters and pages.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language_info
from wagtail.models import Page

from home.privacy import public
from knowledge import listing
from knowledge.models.base import KnowledgePage
from knowledge.models.pages import PilotCasePage
from knowledge.models.taxonomy import TenderClause


@dataclass
class ChapterOutline:
    """What a table of contents or a chapter navigation needs; read without queries."""

    number: int
    title: str
    url: str
    anchor: str


@dataclass
class BookItem:
    """One chosen page as it appears in a book."""

    page: KnowledgePage
    anchor: str
    fallback_language: str = ""  # language code of the page when it is not the book's

    @property
    def kind(self):
        return self.page._meta.model_name

    @property
    def facts_template(self):
        return f"knowledge/book/sections/{self.kind}_facts.html"

    @property
    def sections_template(self):
        return f"knowledge/book/sections/{self.kind}.html"

    @property
    def fallback_language_name(self):
        """The page's language, named in the active (the book's) language."""
        if not self.fallback_language:
            return ""
        return get_language_info(self.fallback_language)["name_translated"]


@dataclass
class Chapter:
    number: int
    title: str
    introduction: str
    anchor: str
    url: str
    items: list = field(default_factory=list)
    clauses: list = field(default_factory=list)


def _list_ids(raw_list):
    """Ids in a ListBlock's raw value (new format: dicts with "value"; old: bare values)."""
    ids = []
    for entry in raw_list or []:
        value = entry.get("value") if isinstance(entry, dict) else entry
        if value:
            ids.append(int(value))
    return ids


def chapter_specs(book):
    """The chapters' raw data: title, introduction, chosen page ids and clause ids."""
    specs = []
    for block in book.chapters.raw_data:
        if block.get("type") != "chapter":
            continue
        value = block.get("value") or {}
        specs.append(
            {
                "title": value.get("title", ""),
                "introduction": value.get("introduction", ""),
                "page_ids": _list_ids(value.get("pages")),
                "clause_ids": _list_ids(value.get("clauses")),
            }
        )
    return specs


def chapter_url(book, number):
    base = book.url or ""
    return base + book.reverse_subpage("chapter_route", args=[number]).lstrip("/")


def chapter_outline(book):
    """Number, title and URL of every chapter (no queries)."""
    return [
        ChapterOutline(
            number=number,
            title=spec["title"],
            url=chapter_url(book, number),
            anchor=f"chapter-{number}",
        )
        for number, spec in enumerate(chapter_specs(book), start=1)
    ]


def choose_pages(page_ids, locale_id):
    """Map each chosen page id to the page to show: (pk, locale code) or nothing (2 queries).

    The translation in `locale_id` wins; else the chosen page itself if it is live and
    public; drafts, unpublished and private pages are left out.
    """
    if not page_ids:
        return {}
    chosen = {
        pk: (key, locale)
        for pk, key, locale in Page.objects.filter(pk__in=set(page_ids)).values_list(
            "pk", "translation_key", "locale_id"
        )
    }
    visible = {
        (key, locale): (pk, content_type, code)
        for pk, key, locale, content_type, code in public(KnowledgePage.objects.live())
        .filter(translation_key__in={key for key, _ in chosen.values()})
        .values_list(
            "pk", "translation_key", "locale_id", "content_type_id", "locale__language_code"
        )
    }
    result = {}
    for pk, (key, source_locale) in chosen.items():
        found = visible.get((key, locale_id)) or visible.get((key, source_locale))
        if found is not None:
            result[pk] = found
    return result


def fetch_specific(choices):
    """The chosen pages as their specific types, with what the book shows prefetched.

    One query per page type plus its prefetches, so the count depends on the number of
    types (four), never on the number of pages.
    """
    by_type = defaultdict(list)
    for pk, content_type_id, _code in choices:
        by_type[content_type_id].append(pk)
    pages = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        lookups = ["themes", "organisations"]
        if issubclass(model, PilotCasePage):
            lookups.append("tender_clauses")
        found = list(model.objects.filter(pk__in=pks).select_related("locale"))
        prefetch_related_objects(found, *lookups)
        pages.update({page.pk: page for page in found})
    return pages


def localized_clauses(clauses_or_ids, locale_id):
    """Live tender clauses in the book's language where translated, in the given order (1 query).

    Takes clause ids or clause objects (already loaded, e.g. prefetched on a pilot case).
    """
    ids = [c if isinstance(c, int) else c.pk for c in clauses_or_ids]
    if not ids:
        return []
    keys = TenderClause.objects.filter(pk__in=ids).values("translation_key")
    candidates = list(
        TenderClause.objects.filter(translation_key__in=keys, live=True).select_related("theme")
    )
    by_pk = {clause.pk: clause for clause in candidates}
    by_key = {
        clause.translation_key: clause for clause in candidates if clause.locale_id == locale_id
    }
    result = []
    for pk in ids:
        clause = by_pk.get(pk)
        if clause is not None:
            result.append(by_key.get(clause.translation_key, clause))
    return result


def resolve_chapters(book, numbers=None):
    """The book's chapters (or only those `numbers`, 1-based) with their pages and clauses."""
    specs = list(enumerate(chapter_specs(book), start=1))
    if numbers is not None:
        specs = [(number, spec) for number, spec in specs if number in numbers]
    page_ids = [pk for _, spec in specs for pk in spec["page_ids"]]
    choices = choose_pages(page_ids, book.locale_id)
    pages = fetch_specific(choices.values())
    theme_map = listing.themes_by_key(book.locale_id)
    listing.localize_themes(pages.values(), theme_map)

    pilots = [page for page in pages.values() if isinstance(page, PilotCasePage)]
    pilot_clauses = localized_clauses(
        [clause for pilot in pilots for clause in pilot.tender_clauses.all()], book.locale_id
    )
    clause_by_key = {clause.translation_key: clause for clause in pilot_clauses}
    for pilot in pilots:
        pilot.book_clauses = sorted(
            (clause_by_key[c.translation_key] for c in pilot.tender_clauses.all()),
            key=lambda clause: clause.title,
        )

    chapter_clause_ids = [pk for _, spec in specs for pk in spec["clause_ids"]]
    clauses = {
        pk: clause
        for pk, clause in zip(
            chapter_clause_ids,
            localized_clauses(chapter_clause_ids, book.locale_id),
            strict=False,
        )
    }
    book_language = book.locale.language_code
    chapters = []
    for number, spec in specs:
        chapter = Chapter(
            number=number,
            title=spec["title"],
            introduction=spec["introduction"],
            anchor=f"chapter-{number}",
            url=chapter_url(book, number),
            clauses=[clauses[pk] for pk in spec["clause_ids"] if pk in clauses],
        )
        for pk in spec["page_ids"]:
            choice = choices.get(pk)
            page = pages.get(choice[0]) if choice else None
            if page is None:
                continue
            code = choice[2]
            chapter.items.append(
                BookItem(
                    page=page,
                    anchor=f"chapter-{number}-item-{len(chapter.items) + 1}",
                    fallback_language="" if code == book_language else code,
                )
            )
        chapters.append(chapter)
    return chapters


def table_of_contents(book):
    """Chapters with the titles of their visible pages, for the book's start page.

    Titles only, so no specific pages are loaded: three queries whatever the book's size.
    """
    outline = chapter_outline(book)
    specs = chapter_specs(book)
    choices = choose_pages([pk for spec in specs for pk in spec["page_ids"]], book.locale_id)
    titles = dict(
        Page.objects.filter(pk__in=[pk for pk, _, _ in choices.values()]).values_list("pk", "title")
    )
    contents = []
    for chapter, spec in zip(outline, specs, strict=True):
        items = [
            titles[choices[pk][0]]
            for pk in spec["page_ids"]
            if pk in choices and choices[pk][0] in titles
        ]
        contents.append({"chapter": chapter, "titles": items})
    return contents


def pages_in_books(locale_id):
    """Which live, public books of a locale include which pages (3 queries, cached).

    Returns {page translation key: [{"title", "url", "chapter_title", "chapter_url"}, ...]}:
    what a knowledge page needs to say it is part of a book. The cache is cleared on every
    publish, so a new book or chapter shows up at once.
    """
    from home.navigation import cached
    from knowledge.models.book import InspirationBookPage

    def compute():
        books = list(
            public(InspirationBookPage.objects.live()).filter(locale_id=locale_id).order_by("pk")
        )
        chapters = [(book, chapter_specs(book)) for book in books]
        ids = {pk for _, specs in chapters for spec in specs for pk in spec["page_ids"]}
        keys = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        index = defaultdict(list)
        for book, specs in chapters:
            seen = set()
            for number, spec in enumerate(specs, start=1):
                for pk in spec["page_ids"]:
                    key = keys.get(pk)
                    if key is None or key in seen:
                        continue
                    seen.add(key)
                    index[str(key)].append(
                        {
                            "title": book.title,
                            "url": book.url,
                            "chapter_number": number,
                            "chapter_title": spec["title"],
                            "chapter_url": chapter_url(book, number),
                        }
                    )
        return dict(index)

    return cached(f"book-index:{locale_id}", compute)


def _books_choosing(translation_keys):
    """Ids of live books, in any language, that chose a page with one of `translation_keys`.

    `translation_keys` is a list or a subquery of translation keys.
    """
    from knowledge.models.book import InspirationBookPage

    books = list(InspirationBookPage.objects.live())
    chosen = {
        book.pk: {pk for spec in chapter_specs(book) for pk in spec["page_ids"]} for book in books
    }
    all_ids = set().union(*chosen.values()) if chosen else set()
    if not all_ids:
        return []
    matching = set(
        Page.objects.filter(pk__in=all_ids, translation_key__in=translation_keys).values_list(
            "pk", flat=True
        )
    )
    return [book_id for book_id, ids in chosen.items() if ids & matching]


def books_including(page):
    """Ids of live books, in any language, that include `page` or one of its translations."""
    return _books_choosing([page.translation_key])


def books_including_pages_under(page):
    """Ids of live books that include `page`, a page below it, or a translation of either.

    A view restriction or a move affects a page's whole subtree, and a book shows a chosen
    page's translation, or the chosen page itself, only while it is live and public.
    """
    below = Page.objects.descendant_of(page, inclusive=True).values("translation_key")
    return _books_choosing(below)
