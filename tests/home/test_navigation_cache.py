"""The navigation cache: versioned values read cheaply, and never stale after a change."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home import navigation
from tests.redis_server import redis_server  # noqa: F401 - fixture


def menu_titles(client, url="/nl/"):
    response = client.get(url)
    assert response.status_code == 200
    return [
        a.get_text(strip=True)
        for a in BeautifulSoup(response.content, "html.parser").select(".main-nav a")
    ]


def navigation_reads(client, url):
    """The keys of the navigation cache that one request reads from the shared cache."""
    backend = caches["default"]
    with mock.patch.object(backend, "get", wraps=backend.get) as spy:
        assert client.get(url).status_code == 200
    return [
        call.args[0] for call in spy.call_args_list if str(call.args[0]).startswith("navigation:")
    ]


def test_a_warm_page_reads_only_the_version_token_from_the_shared_cache(
    client, site_tree, standard_page_factory
):
    standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    client.get("/nl/")  # fills the shared cache and this process's copy

    assert navigation_reads(client, "/nl/") == [navigation.NAV_VERSION_KEY]


def test_each_request_reads_the_token_again(client, site_tree):
    client.get("/nl/")
    assert navigation_reads(client, "/nl/").count(navigation.NAV_VERSION_KEY) == 1
    assert navigation_reads(client, "/fr/").count(navigation.NAV_VERSION_KEY) == 1


def test_a_new_token_set_by_another_process_shows_fresh_values_on_the_next_request(
    client, site_tree, standard_page_factory
):
    page = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    assert menu_titles(client) == ["Home", "Over ons"]
    # A change this process hears nothing about: the cached menu is still shown...
    Page.objects.filter(pk=page.pk).update(title="Wie we zijn")
    assert menu_titles(client) == ["Home", "Over ons"]
    # ...until another process sets a new token, as its invalidation does.
    cache.set(navigation.NAV_VERSION_KEY, "set-by-another-process", None)
    assert menu_titles(client) == ["Home", "Wie we zijn"]


def test_a_flushed_shared_cache_never_brings_back_values_kept_by_the_process(
    client, site_tree, standard_page_factory
):
    page = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    assert menu_titles(client) == ["Home", "Over ons"]
    old_token = cache.get(navigation.NAV_VERSION_KEY)
    Page.objects.filter(pk=page.pk).update(title="Wie we zijn")
    cache.clear()

    assert menu_titles(client) == ["Home", "Wie we zijn"]
    assert cache.get(navigation.NAV_VERSION_KEY) != old_token


def test_invalidating_inside_a_request_is_seen_by_the_rest_of_that_request(site_tree):
    navigation._begin_request()
    try:
        first = navigation.navigation_version()
        assert navigation.cached("value", lambda: "old") == "old"
        navigation.invalidate_navigation()
        assert navigation.navigation_version() != first
        assert navigation.cached("value", lambda: "new") == "new"
    finally:
        navigation._end_request()


def test_the_process_keeps_a_bounded_number_of_values(monkeypatch, site_tree):
    monkeypatch.setattr(navigation, "PROCESS_ENTRIES", 3)
    for number in range(5):
        navigation.cached(f"bounded:{number}", lambda number=number: number)
    kept = [key for key in navigation._process_values if ":bounded:" in key]
    assert [key.rsplit(":", 1)[1] for key in kept] == ["2", "3", "4"]


def site_queries(client, url="/nl/"):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured if "wagtailcore_site" in q["sql"]]


def test_the_site_is_found_without_a_query_once_cached(client, site_tree):
    assert site_queries(client)  # the first request looks it up
    assert site_queries(client) == []


def test_a_saved_site_is_looked_up_again(client, site_tree):
    site_queries(client)
    site_tree.site.site_name = "De Circulaire Aankopers"
    site_tree.site.save()

    assert site_queries(client)
    assert site_queries(client) == []


def test_an_unknown_host_gets_no_cached_site(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["testserver", "elders.example"]
    site_tree.site.is_default_site = False
    site_tree.site.save()

    assert client.get("/nl/", HTTP_HOST="elders.example").status_code == 404
    assert client.get("/nl/").status_code == 200


def test_a_read_only_value_is_kept_whole_until_the_token_changes(site_tree):
    computed = []

    def compute():
        computed.append(1)
        return {"pages": len(computed)}

    first = navigation.cached_readonly("read-only", compute)
    assert navigation.cached_readonly("read-only", compute) is first  # no unpickled copy
    assert len(computed) == 1
    # Another process retires it (a content change there): the next read computes anew.
    cache.set(navigation.NAV_VERSION_KEY, "set-by-another-process", None)
    assert navigation.cached_readonly("read-only", compute) == {"pages": 2}
    # A flushed shared cache retires it too.
    cache.clear()
    assert navigation.cached_readonly("read-only", compute) == {"pages": 3}


def test_a_read_only_value_is_computed_each_time_without_the_shared_cache(monkeypatch, site_tree):
    assert navigation.cached_readonly("read-only", lambda: "kept") == "kept"
    monkeypatch.setattr(navigation, "navigation_version", lambda: None)
    assert navigation.cached_readonly("read-only", lambda: "computed") == "computed"


@pytest.mark.django_db(transaction=True)
def test_a_publish_retires_the_navigation_cache_again_when_it_commits(
    site_tree, standard_page_factory
):
    """A request between a publish and its commit caches the menu of before under the new
    token; the commit retires it, once however many pages the transaction saved."""
    from django.db import transaction

    page = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    home = site_tree.homes["nl"]
    before = Page.objects.get(pk=page.pk)
    with transaction.atomic():
        page.title = "Wie we zijn"
        page.save_revision().publish()
        home.save_revision().publish()
        waiting = [c for _s, c, _r in connection.run_on_commit]
        assert waiting.count(navigation.invalidate_navigation) == 1
        # Another request, on its own connection, reads the menu of before and caches it
        # under the token the publish has just set.
        navigation.cached(f"menu:{home.pk}", lambda: [before])
        assert [p.title for p in navigation.main_menu(home)] == ["Over ons"]
    assert [p.title for p in navigation.main_menu(home)] == ["Wie we zijn"]


# -- with Redis: each process follows the tokens without asking ------------------------------


@pytest.fixture
def redis_tokens(settings, redis_server):  # noqa: F811
    from tests.network.test_cache_backends import resilient_settings

    settings.CACHES = resilient_settings(redis_server, retry_seconds=0.2)
    for watch in navigation._watches.values():
        watch.reset()
    yield redis_server
    for watch in navigation._watches.values():
        watch.reset()


def announce_from_another_process(server, key, token):
    """What `new_version` does in another process: the token stored, then announced."""
    import redis as redis_py

    backend = caches["default"]
    other = redis_py.Redis.from_url(server.url())
    other.set(backend.make_and_validate_key(key), backend._cache._serializer.dumps(token))
    other.publish(backend.make_key(f"{key}:changes"), token)
    other.close()


def test_with_redis_a_warm_page_asks_the_shared_cache_for_no_token(
    client, redis_tokens, site_tree, standard_page_factory
):
    standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    client.get("/nl/")
    assert navigation_reads(client, "/nl/") == []
    assert navigation.navigation_version() == cache.get(navigation.NAV_VERSION_KEY)


def test_with_redis_a_token_announced_by_another_process_shows_on_the_next_request(
    client, redis_tokens, site_tree, standard_page_factory
):
    page = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    assert menu_titles(client) == ["Home", "Over ons"]
    Page.objects.filter(pk=page.pk).update(title="Wie we zijn")
    assert menu_titles(client) == ["Home", "Over ons"]

    announce_from_another_process(redis_tokens, navigation.NAV_VERSION_KEY, "from-elsewhere")
    assert menu_titles(client) == ["Home", "Wie we zijn"]
    assert navigation.navigation_version() == "from-elsewhere"


def test_with_redis_a_publish_here_shows_at_once(
    client, redis_tokens, site_tree, standard_page_factory
):
    page = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", show_in_menus=True)
    assert menu_titles(client) == ["Home", "Over ons"]
    page.title = "Wie we zijn"
    page.save_revision().publish()
    assert menu_titles(client) == ["Home", "Wie we zijn"]


def test_with_redis_down_no_watch_waits_for_it_once_the_cache_knows(
    client, redis_tokens, site_tree
):
    from redis.client import PubSub

    client.get("/nl/")
    redis_tokens.freeze()
    try:
        assert cache.get("anything") is None  # the cache waits once and knows Redis is down
        assert caches["default"].is_reachable() is False
        with mock.patch.object(PubSub, "get_message", autospec=True, return_value=None) as polled:
            # The watches then leave Redis alone too: no token is read from it, none waited
            # for; values are computed without a token, as without Redis.
            assert navigation.version_token(navigation.NAV_VERSION_KEY) is None
            assert navigation.version_token("comment-counts:version") is None
        assert polled.call_count == 0
    finally:
        redis_tokens.thaw()


# -- the sites' root paths ----------------------------------------------------------------


def root_paths_of_a_request(client, url="/nl/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.wsgi_request._wagtail_cached_site_root_paths


def test_a_warm_page_reads_the_sites_root_paths_from_the_process(client, site_tree):
    backend = caches["default"]
    client.get("/nl/")
    with mock.patch.object(backend, "get", wraps=backend.get) as spy:
        paths = root_paths_of_a_request(client)
    assert [call for call in spy.call_args_list if "root_paths" in str(call.args[0])] == []
    Site.clear_site_root_paths_cache()
    assert paths == Site.get_site_root_paths()
    assert {path.language_code for path in paths} == {"nl", "fr", "en"}


def test_a_new_translation_of_the_home_page_joins_the_root_paths_at_once(client, site_tree):
    from wagtail.models import Locale

    german = Locale.objects.create(language_code="de")
    root_paths_of_a_request(client)
    draft = site_tree.homes["nl"].copy_for_translation(german)  # saved as a draft

    paths = root_paths_of_a_request(client)
    assert draft.url_path in {path.root_path for path in paths}
    Site.clear_site_root_paths_cache()
    assert paths == Site.get_site_root_paths()
