"""Navigation data for the layout: language links, main menu, breadcrumbs, footer.

Each function runs a fixed number of queries whatever the size of the tree, so the layout
never adds per-item queries to a page.
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

NAV_VERSION_KEY = "navigation:version"
NAV_TIMEOUT = 60 * 60


def navigation_version():
    """A counter in the cache; bumping it invalidates every cached menu at once."""
    return cache.get_or_set(NAV_VERSION_KEY, 1, None)


def invalidate_navigation():
    try:
        cache.incr(NAV_VERSION_KEY)
    except ValueError:
        cache.set(NAV_VERSION_KEY, 1, None)


def cached(key, compute):
    full_key = f"navigation:{navigation_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, NAV_TIMEOUT)
    return value


def language_home_pages(request):
    """Live home pages of the request's site, keyed by language code (cached)."""
    site = Site.find_for_request(request)
    if site is None:
        return {}

    def compute():
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home for home in homes}

    return cached(f"homes:{site.pk}", compute)


def page_translations(page):
    """Live translations of a page including itself, keyed by language code (cached)."""
    return cached(
        f"translations:{page.translation_key}",
        lambda: {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        },
    )


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
        translations = page_translations(page)
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
    homes = language_home_pages(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE) or site.root_page


def main_menu(home):
    """Live, public pages right under the home page that editors put in the menu (cached)."""
    if home is None:
        return []
    return cached(
        f"menu:{home.pk}",
        lambda: list(home.get_children().live().public().in_menu().only("title", "url_path")),
    )


def breadcrumbs(page):
    """Ancestors of a page below the tree root, home page first (one query)."""
    if page is None or page.depth <= 2:
        return []
    return list(
        page.get_ancestors()
        .filter(depth__gt=1)
        .select_related("locale")
        .only("title", "url_path", "locale__language_code")
    )


def localized_pages(pages, locale_id):
    """Translate a list of pages to a locale in one query, keeping their order.

    Pages with no live translation in that locale are shown in their own language.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    translated = {
        p.translation_key: p
        for p in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages], locale_id=locale_id
        )
        .live()
        .only("title", "url_path", "translation_key", "locale_id")
    }
    return [translated.get(page.translation_key, page) for page in pages]


def footer(request):
    """Contact details and footer links in the active language (cached)."""
    from home.models import SiteSettings

    site = Site.find_for_request(request)
    home = current_home(request)
    if site is None or home is None:
        return {}

    def compute():
        site_settings = SiteSettings.for_site(site)
        pages = [block.value["page"] for block in site_settings.footer_links]
        privacy = site_settings.privacy_page
        localized = localized_pages([*pages, privacy] if privacy else pages, home.locale_id)
        return {
            "contact_email": site_settings.contact_email,
            "contact_address": site_settings.contact_address,
            "links": localized[: len(pages)],
            "privacy": localized[-1] if privacy else None,
        }

    return cached(f"footer:{site.pk}:{home.locale_id}", compute)
