"""Page cache for anonymous readers: whole responses kept in Django's cache.

`PageCacheMiddleware` is the first middleware, so a hit costs one cache round trip and
nothing else: no session, no database query, no template. It only looks at anonymous
GET/HEAD requests to language-prefixed URLs (`/nl/...`), and only stores plain 200
responses that set no cookie, carry no CSRF token and allow shared caching. Sessions and
pending messages live in cookies, so a request with either is never answered from, nor
stored in, the cache; such readers always get their own page.

Invalidation is global. Every stored page is tagged with the cache generation current when
its rendering started; any content change replaces the generation
(`network.cache_invalidation`), so every earlier entry stops matching at once.
"""

import hashlib
import re
import uuid
from functools import cache as memoize

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

GENERATION_KEY = "page_cache:generation"
PAGE_KEY_PREFIX = "page_cache:page:"
STATUS_HEADER = "X-Cache"

# Paths under the language prefix that are personal or count each visit: accounts, member
# pages, comment actions, and search results (each search is recorded for the statistics).
EXCLUDED_PATHS = re.compile(r"(accounts|members|community)/|search/$")
# Responses bigger than this (a book PDF, a large export) are served but not stored.
MAX_STORED_BYTES = 1024 * 1024
# Headers a response may vary on and still be shared by all anonymous readers of a URL:
# the URL already fixes the language, and these requests carry no session cookie.
SHAREABLE_VARY = frozenset({"cookie", "accept-language"})
CSRF_FIELD = b'name="csrfmiddlewaretoken"'


@memoize
def _language_prefix():
    codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/({codes})/")


def new_generation():
    return uuid.uuid4().hex


def invalidate_page_cache(**kwargs):
    """Make every cached page stale (a new generation no stored entry carries)."""
    cache.set(GENERATION_KEY, new_generation(), None)


def _personal_cookies():
    return {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}


def request_is_cacheable(request):
    """Anonymous GET/HEAD of a public, language-prefixed URL."""
    path = request.path_info
    prefix = _language_prefix().match(path)
    return (
        prefix is not None
        and request.method in ("GET", "HEAD")
        and not EXCLUDED_PATHS.match(path, prefix.end())
        and not _personal_cookies().intersection(request.COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _forbids_shared_cache(response):
    cache_control = response.get("Cache-Control", "").lower()
    return any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _varies_per_reader(response):
    vary = {item.strip().lower() for item in cc_delim_re.split(response.get("Vary", ""))}
    return bool(vary - SHAREABLE_VARY - {""})


def response_is_cacheable(response):
    """A plain 200 page that is the same for every anonymous reader."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not _forbids_shared_cache(response)
        and not _varies_per_reader(response)
        and len(response.content) <= MAX_STORED_BYTES
        and CSRF_FIELD not in response.content
    )


def page_key(request):
    """One entry per scheme, host, path and query string."""
    url = request.build_absolute_uri()
    return PAGE_KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def _stored(generation, response):
    return (generation, response.status_code, list(response.items()), response.content)


def _replayed(entry):
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status, headers=headers)
    response[STATUS_HEADER] = "hit"
    return response


def _mark_private(response):
    """A response only this reader may keep; a CDN must not share it either."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    response[STATUS_HEADER] = "skip"
    return response


def _allow_shared_caching(response):
    max_age = settings.FRONTEND_CACHE_MAX_AGE
    if max_age and not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)


class PageCacheMiddleware:
    """Answer anonymous readers from the page cache; store what they may share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _language_prefix().match(request.path_info):
            return self.get_response(request)
        if not request_is_cacheable(request):
            return _mark_private(self.get_response(request))

        key = page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return _replayed(entry)
        if generation is None:
            generation = cache.get_or_set(GENERATION_KEY, new_generation, None)

        # The generation was read before rendering: a change made while this page renders
        # replaces it, so the stored copy is already stale and never served.
        response = self.get_response(request)
        if request.method != "GET" or not response_is_cacheable(response):
            return _mark_private(response)
        _allow_shared_caching(response)
        cache.set(key, _stored(generation, response), settings.PAGE_CACHE_SECONDS)
        response[STATUS_HEADER] = "miss"
        return response
