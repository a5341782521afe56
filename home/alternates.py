"""The same content in the other languages: the language switcher and hreflang alternates.

Every route knows where its content lives in each language:
- a page links to its live translation; a routable page keeps the sub-route
  (`chapters/2/`) and the query string;
- a route whose URL holds a language-specific slug (a theme, a clause) names its URLs per
  language itself, with `set_route_urls`, and `language_links` uses them;
- outside the page tree (search, organisations, members) the URL keeps its path and query
  and changes its language prefix.
Everywhere, a `theme` filter in the query string is mapped to that theme's slug in the
other language. Where the content does not exist in a language, the link goes to the
nearest translated ancestor (the section, else the home page) and says so in that
language; no hreflang alternate is claimed for it.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page

from home.navigation import cached, language_home_pages, page_translations
from home.privacy import public


def set_route_urls(request, page, build):
    """Name this route's URL in every language where its content exists.

    `build(translation)` gets the live translation of the routable `page` in a language and
    returns the sub-route there (e.g. `themes/meubilair/`), or None where the content has no
    translation. Languages without a URL fall back to the nearest translated page.
    """
    urls = {}
    for code, target in page_translations(page).items():
        suffix = build(target)
        if suffix is not None:
            urls[code] = target.get_url(request) + suffix
    request.language_urls = urls


def _theme_slug_map(from_code, to_code):
    """Theme slugs of one language mapped to the same theme's slug in another (cached)."""
    from knowledge.listing import themes_by_key

    locales = {
        locale.language_code: locale.pk
        for locale in cached("locales", lambda: list(Locale.objects.all()))
    }
    if from_code not in locales or to_code not in locales:
        return {}
    source = themes_by_key(locales[from_code])
    target = themes_by_key(locales[to_code])
    return {theme.slug: target[key].slug for key, theme in source.items() if key in target}


def translated_query(request, code):
    """The request's query string for language `code`, with theme slugs mapped to it."""
    if not request.GET:
        return ""
    pairs = []
    slug_map = None
    for name, values in request.GET.lists():
        for value in values:
            if name == "theme" and value:
                if slug_map is None:
                    slug_map = _theme_slug_map(get_language(), code)
                value = slug_map.get(value, value)
            pairs.append((name, value))
    return "?" + urlencode(pairs)


def _route_suffix(request, page, page_url):
    """The part of the request path below a routable page's own URL (`chapters/2/`)."""
    if not isinstance(page, RoutablePageMixin) or not page_url:
        return ""
    path = request.path
    return path[len(page_url) :] if path.startswith(page_url) else ""


def nearest_translation(page, code):
    """The closest live ancestor of `page` translated into `code`, else None (cached)."""

    def compute():
        ancestors = list(
            page.get_ancestors().filter(depth__gt=1).values_list("translation_key", "depth")
        )
        if not ancestors:
            return None
        depth_of = dict(ancestors)
        found = (
            # Public only: the switcher names the page, and a private page's title stays hidden.
            public(Page.objects.live())
            .filter(translation_key__in=depth_of, locale__language_code=code)
            .only("title", "url_path", "translation_key", "locale_id")
        )
        return max(found, key=lambda p: depth_of[p.translation_key], default=None) or False

    return cached(f"nearest:{page.translation_key}:{code}", compute) or None


def _unavailable(code, target):
    """The switcher's words, in language `code`, for content that is not translated."""
    with translation.override(code):
        if code == "fr":
            text = _("Not available in French: go to “%(title)s”")
        elif code == "en":
            text = _("Not available in English: go to “%(title)s”")
        else:
            text = _("Not available in Dutch: go to “%(title)s”")
        return text % {"title": target.title}


def language_links(request, page=None):
    """One entry per site language: where the switcher and the hreflang alternates point.

    Each entry has `code`, `name`, `url`, `exists` (the same content is there, so an
    hreflang alternate is claimed), `is_current` and, where it does not exist, `label`:
    a sentence in that language saying so.
    """
    current = get_language()
    route_urls = getattr(request, "language_urls", None)
    translations = page_translations(page) if page is not None and page.pk else {}
    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        label = ""
        if page is not None and page.pk:
            target = translations.get(code)
            if route_urls is not None:
                url = route_urls.get(code)
            elif target is not None:
                own_url = page.get_url(request)
                url = target.get_url(request) + _route_suffix(request, page, own_url)
                url += translated_query(request, code)
            if url is None:
                fallback = (
                    target
                    or nearest_translation(page, code)
                    or language_home_pages(request).get(code)
                )
                label = _unavailable(code, fallback) if fallback is not None else ""
                fallback_url = fallback.get_url(request) if fallback is not None else None
                links.append(_link(code, fallback_url or f"/{code}/", False, current, label))
                continue
        else:
            url = translate_url(request.path, code) + translated_query(request, code)
        links.append(_link(code, url, True, current, label))
    return links


def _link(code, url, exists, current, label):
    return {
        "code": code,
        "name": get_language_info(code)["name_local"],
        "url": url,
        "exists": exists,
        "is_current": code == current,
        "label": label,
    }
