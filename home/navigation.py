"""Navigation data for the layout: language links, main menu, breadcrumbs, footer.

Each function runs a fixed number of queries whatever the size of the tree, so the layout
never adds per-item queries to a page.

Cached values live under a version token in the shared cache (Redis in production); a
content change sets a new token, which retires every value at once. Reading them is cheap
on three levels:
- the token is read once per request, not once per value; with Redis, each process knows
  the current token without asking (`network.generation_watch`), else it is read from the
  shared cache;
- a value read twice in one request is read once;
- each process keeps recently used values (pickled, as the shared cache stores them), so a
  warm page reads at most the token from the shared cache.
The tokens are random, never counters, so a flushed shared cache cannot bring back a token
that a process still holds values for.
"""

import pickle
import threading
import time
import uuid
from collections import OrderedDict

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.http.request import split_domain_port
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from network.generation_watch import GenerationWatch

NAV_VERSION_KEY = "navigation:version"
NAV_TIMEOUT = 60 * 60
# Values each process keeps besides the shared cache, least recently used dropped first.
PROCESS_ENTRIES = 1000

_request = Local()
_process_values = OrderedDict()  # full key -> (expiry time, pickled value)
_process_objects = {}  # key -> (full key, expiry time, value), see `_held`
_process_lock = threading.Lock()


def _request_memo():
    """What this request has read so far, or None outside a request."""
    return getattr(_request, "memo", None)


def _begin_request(**kwargs):
    _request.memo = {}


def _end_request(**kwargs):
    _request.memo = None


request_started.connect(_begin_request, dispatch_uid="navigation-begin-request")
request_finished.connect(_end_request, dispatch_uid="navigation-end-request")

# Token keys this process has used; see `renew_versions_after_outage`.
_version_keys = {NAV_VERSION_KEY}
# Token key -> the GenerationWatch of this process that follows it.
_watches = {}


def _watch(key):
    """The watch that keeps this process's copy of the token under `key` current."""
    watch = _watches.get(key)
    if watch is None:
        watch = _watches.setdefault(key, GenerationWatch(key))
    return watch


def version_token(key):
    """The current token under `key`, created when missing; read once per request.

    With Redis, the process knows the token from its watch (`GenerationWatch`: every new
    token is announced to every process before the change that made it is answered), so
    a request asks Redis nothing; while the watch cannot vouch for it, the token is read
    from the shared cache. None when the shared cache cannot be reached: nothing may then
    be cached under a token, since no process could retire it.
    """
    _version_keys.add(key)
    memo = _request_memo()
    if memo is not None and key in memo:
        return memo[key]
    token = _watch(key).current()
    if token is None:
        token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key)
    if memo is not None:
        memo[key] = token
    return token


def new_version(key):
    """Retire every value cached under the token of `key`, in every process."""
    token = uuid.uuid4().hex
    cache.set(key, token, None)
    _watch(key).publish(token)
    memo = _request_memo()
    if memo is not None:
        memo.pop(key, None)


def renew_versions_after_outage(**kwargs):
    """Retire values stored before an outage of the shared cache.

    A change made while the cache was unreachable could not replace the tokens, so values
    cached before it would come back with the cache.
    """
    for key in list(_version_keys):
        new_version(key)


def waiting_for_commit(matches):
    """The callback that the current transaction runs on commit and `matches`, if any."""
    for _savepoints, callback, _robust in transaction.get_connection().run_on_commit:
        if matches(callback):
            return callback
    return None


def now_and_on_commit(invalidate):
    """Call `invalidate` now, and once more when the current transaction commits.

    The first keeps the rest of this request right; the second retires what another request
    cached from the rows of before, between the change and its commit. A transaction that
    changes many rows still invalidates once on commit.
    """
    invalidate()
    if transaction.get_connection().in_atomic_block and not waiting_for_commit(
        lambda callback: callback is invalidate
    ):
        transaction.on_commit(invalidate, robust=True)


def navigation_version():
    """The token that every cached menu, listing total and taxonomy is stored under."""
    return version_token(NAV_VERSION_KEY)


def invalidate_navigation():
    new_version(NAV_VERSION_KEY)


def _process_get(full_key):
    with _process_lock:
        entry = _process_values.get(full_key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            del _process_values[full_key]
            return None
        _process_values.move_to_end(full_key)
    return pickle.loads(entry[1])  # noqa: S301 - pickled by this process, as the cache does


def _process_set(full_key, value, timeout):
    entry = (time.monotonic() + timeout, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    with _process_lock:
        _process_values[full_key] = entry
        _process_values.move_to_end(full_key)
        while len(_process_values) > PROCESS_ENTRIES:
            _process_values.popitem(last=False)


def _versioned_key(key, versions=()):
    """`key` under the current navigation token and the tokens of `versions`, or None when
    the shared cache has no token to give (it is unreachable)."""
    tokens = [navigation_version(), *(version_token(name) for name in versions)]
    return None if None in tokens else f"navigation:{':'.join(tokens)}:{key}"


def _shared_value(full_key, compute, timeout):
    """The shared cache's value under `full_key`, computed and stored there when missing
    (None is never stored)."""
    value = cache.get(full_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(full_key, value, timeout)
    return value


def cached(key, compute, timeout=NAV_TIMEOUT, versions=()):
    """`compute()`'s value, kept until the navigation token changes (or `timeout` seconds).

    `versions` names further token keys (see `version_token`) whose change retires the value
    too. None is never cached. Without a token (the shared cache is unreachable) the value is
    computed for each request, and only remembered within it.
    """
    full_key = _versioned_key(key, versions)
    if full_key is None:
        return _computed_for_request(key, compute)
    memo = _request_memo()
    if memo is not None and full_key in memo:
        return memo[full_key]
    value = _process_get(full_key)
    if value is None:
        value = _shared_value(full_key, compute, timeout)
        if value is None:
            return None
        _process_set(full_key, value, timeout)
    if memo is not None:
        memo[full_key] = value
    return value


def cached_readonly(key, compute, timeout=NAV_TIMEOUT, versions=()):
    """`cached()` for a large value that a hot path reads whole (a map of every page, say).

    Each process keeps the value itself, not a pickled copy, for as long as the tokens are
    the ones it was read under: reading it then costs no unpickling. Callers must never
    change the value they get.
    """
    full_key = _versioned_key(key, versions)
    if full_key is None:
        return _computed_for_request(key, compute)
    return _held(key, full_key, lambda: _shared_value(full_key, compute, timeout), timeout)


def held_in_process(key, build, timeout=NAV_TIMEOUT, versions=()):
    """`build()`'s value, built by each process for itself and kept while the tokens stay:
    for an object that the shared cache cannot hold (a search index, say). Callers must
    never change the value they get."""
    full_key = _versioned_key(key, versions)
    if full_key is None:
        return _computed_for_request(key, build)
    return _held(key, full_key, build, timeout)


def _held(key, full_key, compute, timeout):
    """The process's object under `key` if it was read under `full_key`, else `compute()`'s
    value, kept under it (None is never kept)."""
    held = _process_objects.get(key)
    if held is not None and held[0] == full_key and held[1] > time.monotonic():
        return held[2]
    value = compute()
    if value is not None:
        _process_objects[key] = (full_key, time.monotonic() + timeout, value)
    return value


def _computed_for_request(key, compute):
    memo = _request_memo()
    memo_key = f"uncached:{key}"
    if memo is not None and memo_key in memo:
        return memo[memo_key]
    value = compute()
    if memo is not None and value is not None:
        memo[memo_key] = value
    return value


def site_for_request(request):
    """Wagtail's site for the request's host and port, with its specific root page (cached).

    Wagtail looks the site up with one query per request; this keeps it until a site or the
    page tree changes. Mirrors `Site.find_for_request`, whose answer it stores on the request.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def compute():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page = site.root_page.specific
            return site

        request._wagtail_site = cached(f"site:{hostname}:{port}", compute)
    return request._wagtail_site


def keep_site_root_paths(request):
    """Give the request Wagtail's `Site.get_site_root_paths()` from the navigation cache.

    Wagtail reads them from the shared cache for the first page URL of each request and keeps
    them on the request (`_wagtail_cached_site_root_paths`); this puts them there first, read
    when a URL is first built, so the request needs no round trip for them. They change with
    a site, a move, or a save of a site's root page or of a new translation of it, and each
    renews the navigation token (home.signals).
    """
    request._wagtail_cached_site_root_paths = SimpleLazyObject(
        lambda: cached("site-root-paths", lambda: list(Site.get_site_root_paths()))
    )


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
    """One entry per site language for the switcher and hreflang (see home.alternates)."""
    from home.alternates import language_links as links_for

    return links_for(request, page)


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


def language_codes():
    """Language code of each locale by id (cached)."""
    return cached(
        "locale-language-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
