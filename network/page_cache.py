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

With Redis, each process also keeps the pages it served last in its own memory (`LocalPages`,
bounded in bytes) and knows the current generation without a round trip
(`network.generation_watch`): a hit then costs no network call at all. A local page is only
served while it carries the generation the watch vouches for; when the watch cannot vouch
(no Redis, a broken subscription), pages come from the shared cache as before.
"""

import hashlib
import re
import threading
import time
import uuid
from collections import OrderedDict
from functools import cache as memoize

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from network.generation_watch import GenerationWatch

GENERATION_KEY = "page_cache:generation"
PAGE_KEY_PREFIX = "page_cache:page:v2:"  # v2: entries carry the time they were stored
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
# What one process keeps of the pages it served, in bytes of content.
LOCAL_PAGES_BYTES = 24 * 1024 * 1024


@memoize
def _language_prefix():
    codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/({codes})/")


def new_generation():
    return uuid.uuid4().hex


_watch = GenerationWatch(GENERATION_KEY)


def invalidate_page_cache(**kwargs):
    """Make every cached page stale (a new generation no stored entry carries), in every
    process."""
    generation = new_generation()
    cache.set(GENERATION_KEY, generation, None)
    _watch.publish(generation)


def _start_generation():
    """The generation when there is none yet (a new or emptied cache)."""
    generation = new_generation()
    if cache.add(GENERATION_KEY, generation, None):
        _watch.publish(generation)
        return generation
    return cache.get(GENERATION_KEY) or generation


class LocalPages:
    """The pages this process served last, each with its generation: least recently used
    go first when their content passes `max_bytes` together."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key, generation):
        """The entry of `key` if it carries `generation` and is no older than the shared
        cache keeps pages (pages that show the time of day, like "upcoming", move on)."""
        oldest = time.time() - settings.PAGE_CACHE_SECONDS
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] != generation or entry[4] < oldest:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = len(entry[3])
        if size > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key):
        self._bytes -= len(self._entries.pop(key)[3])


local_pages = LocalPages(LOCAL_PAGES_BYTES)


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
    """What the cache keeps of a response: (generation, status, headers, content, stored at)."""
    return (
        generation,
        response.status_code,
        list(response.items()),
        response.content,
        time.time(),
    )


def _replayed(entry):
    _generation, status, headers, content = entry[:4]
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
        generation = _watch.current()
        if generation is not None:
            entry = local_pages.get(key, generation)
            if entry is None:
                entry = cache.get(key)
                if entry is not None and entry[0] == generation:
                    local_pages.put(key, entry)
        else:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return _replayed(entry)
        if generation is None:
            generation = _start_generation()

        # The generation was read before rendering: a change made while this page renders
        # replaces it, so the stored copy is already stale and never served.
        response = self.get_response(request)
        if request.method != "GET" or not response_is_cacheable(response):
            return _mark_private(response)
        _allow_shared_caching(response)
        entry = _stored(generation, response)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        if _watch.usable():
            local_pages.put(key, entry)
        response[STATUS_HEADER] = "miss"
        return response
