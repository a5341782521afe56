"""/sitemap.xml: every public page of the site in every language, with its alternates.

Besides the page tree it lists the routes below routable pages that have content of their
own: the tender clause library, each clause and each theme page of every knowledge base, each
chapter of every inspiration book, and each organisation's page in every language. Each URL
names the same content in the other languages (`xhtml:link` alternates, `x-default` the
Dutch one) and its last change.

URLs are absolute on BASE_URL, whatever the Host of the request. Nothing private: pages
under a view restriction in any language and unpublished pages are left out. The number
of queries is fixed, whatever the number of pages, clauses or organisations.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.privacy import not_public, public
from network.base_url import absolute_url

X_DEFAULT = "nl"


class Entry:
    """One URL of the sitemap; entries with the same `group` are the same content."""

    __slots__ = ("group", "language", "path", "lastmod", "alternates")

    def __init__(self, group, language, path, lastmod):
        self.group = group
        self.language = language
        self.path = path
        self.lastmod = lastmod
        self.alternates = []


def public_pages():
    """Live pages below the tree root that no view restriction hides, in any language."""
    private_keys = not_public(Page.objects.all()).values("translation_key")
    return (
        public(Page.objects.live())
        .filter(depth__gt=1)
        .exclude(translation_key__in=private_keys)
        .select_related("locale")
        .order_by("path")
    )


def page_entries(pages):
    """An entry per page: its URL (on the Site that BASE_URL names) and last publication."""
    entries = []
    for page in pages:
        url = page.get_url(request=None)
        if url is None:  # outside every Site
            continue
        entries.append(
            Entry(
                ("page", page.translation_key),
                page.locale.language_code,
                url,
                page.last_published_at or page.latest_revision_created_at,
            )
        )
    return entries


def route_entries(pages):
    """Clause library, clause, theme and chapter pages below the routable public pages."""
    from knowledge.books import chapter_specs
    from knowledge.models import InspirationBookPage, KnowledgeIndexPage, TenderClause, Theme

    page_ids = [page.pk for page in pages]
    entries = []
    indexes = list(
        KnowledgeIndexPage.objects.filter(pk__in=page_ids)
        .select_related("locale")
        .only("url_path", "translation_key", "last_published_at", "locale__language_code")
    )
    locale_ids = {index.locale_id for index in indexes}
    themes = defaultdict(list)
    for theme in Theme.objects.filter(locale_id__in=locale_ids, live=True):
        themes[theme.locale_id].append(theme)
    clauses = defaultdict(list)
    for clause in TenderClause.objects.filter(locale_id__in=locale_ids, live=True):
        clauses[clause.locale_id].append(clause)
    for index in indexes:
        base = index.get_url(request=None)
        if base is None:
            continue
        language = index.locale.language_code
        key = index.translation_key
        entries.append(
            Entry(
                ("clauses", key),
                language,
                base + index.reverse_subpage("clauses_route"),
                index.last_published_at,
            )
        )
        for theme in themes[index.locale_id]:
            path = index.reverse_subpage("theme_route", kwargs={"slug": theme.slug})
            entries.append(
                Entry(
                    ("theme", key, theme.translation_key),
                    language,
                    base + path,
                    index.last_published_at,
                )
            )
        for clause in clauses[index.locale_id]:
            entries.append(
                Entry(
                    ("clause", key, clause.translation_key),
                    language,
                    index.clause_url(clause.slug, base),
                    clause.updated_at,
                )
            )
    books = InspirationBookPage.objects.filter(pk__in=page_ids).select_related("locale")
    for book in books:
        base = book.get_url(request=None)
        if base is None:
            continue
        for number in range(1, len(chapter_specs(book)) + 1):
            entries.append(
                Entry(
                    ("chapter", book.translation_key, number),
                    book.locale.language_code,
                    base + book.reverse_subpage("chapter_route", args=[number]),
                    book.last_published_at,
                )
            )
    return entries


def organisation_entries():
    """Each organisation's page in every language (the same slug under each prefix)."""
    from django.urls import reverse
    from django.utils import translation

    from network.models import Organisation

    entries = []
    organisations = list(Organisation.objects.only("slug").order_by("slug"))
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            entries.append(Entry(("organisations",), code, reverse("organisation_directory"), None))
            for organisation in organisations:
                if not organisation.slug:
                    continue
                url = reverse("organisation_detail", kwargs={"slug": organisation.slug})
                entries.append(Entry(("organisation", organisation.slug), code, url, None))
    return entries


def all_entries():
    """Every entry of the sitemap, each with the alternates of its group."""
    pages = list(public_pages())
    entries = page_entries(pages) + route_entries(pages) + organisation_entries()
    groups = defaultdict(list)
    for entry in entries:
        groups[entry.group].append(entry)
    for group in groups.values():
        if len(group) < 2:
            continue
        alternates = [
            {"lang_code": entry.language, "location": absolute_url(entry.path)}
            for entry in sorted(group, key=lambda entry: entry.language)
        ]
        default = next((entry for entry in group if entry.language == X_DEFAULT), None)
        if default is not None:
            alternates.append({"lang_code": "x-default", "location": absolute_url(default.path)})
        for entry in group:
            entry.alternates = alternates
    return entries


class SiteSitemap(Sitemap):
    """Wagtail's sitemap for every language, with routes, alternates and BASE_URL."""

    def items(self):
        return all_entries()

    def location(self, item):
        return absolute_url(item.path)

    def lastmod(self, item):
        return item.lastmod

    def _urls(self, page, protocol, domain):
        # Django would prefix the request's domain: URLs here are absolute on BASE_URL.
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.append(
                {
                    "item": item,
                    "location": self.location(item),
                    "lastmod": item.lastmod,
                    "changefreq": None,
                    "priority": None,
                    "alternates": item.alternates,
                }
            )
        last_mods = [url["lastmod"] for url in urls if url["lastmod"] is not None]
        if last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
