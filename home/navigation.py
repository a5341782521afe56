"""Navigation data for the layout: language links, main menu, breadcrumbs, footer.

Each function runs a fixed number of queries whatever the size of the tree, so the layout
never adds per-item queries to a page.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site


def language_home_pages(request):
    """Live home pages of the request's site, keyed by language code (one query)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def language_links(request, page=None):
    """One entry per site language: where the switcher and the hreflang alternates point.

    For a page, each language links to that page's live translation; where there is none
    yet, to that language's home page (and `exists` is False, so no hreflang is claimed).
    Outside the page tree, the current URL is translated by its language prefix.
    """
    current = get_language()
    translations = {}
    homes = {}
    if page is not None:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        homes = language_home_pages(request)
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is not None:
            target = translations.get(code)
            exists = target is not None
            target = target or homes.get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
        else:
            exists = True
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "exists": exists,
                "is_current": code == current,
            }
        )
    return links


def current_home(request):
    """The home page in the active language, falling back to the site's root page."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return site.root_page
    if site.root_page.locale_id == locale.pk:
        return site.root_page
    return site.root_page.get_translations().filter(locale=locale).live().first() or site.root_page


def main_menu(home):
    """Live, public pages right under the home page that editors put in the menu."""
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().only("title", "url_path"))


def breadcrumbs(page):
    """Ancestors of a page below the tree root, home page first (one query)."""
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gt=1).only("title", "url_path", "locale_id"))


def localized_pages(pages):
    """Translate a list of pages to the active locale in one query, keeping their order.

    Pages with no live translation in the active locale are shown in their own language.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return pages
    translated = {
        p.translation_key: p
        for p in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages], locale=locale
        )
        .live()
        .only("title", "url_path", "translation_key", "locale_id")
    }
    return [translated.get(page.translation_key, page) for page in pages]
