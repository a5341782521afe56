"""The shared caches: Redis that fails soft, and the file cache every process shares.

Redis here is a real redis-server each test starts on its own port and then kills, freezes
or restarts (tests/redis_server.py); nothing is mocked.
"""

import logging
import multiprocessing

import pytest
from django.core.signals import request_finished, request_started

from home import navigation
from network.cache_backends import ResilientRedisCache, SharedFileCache, cache_recovered
from network.page_cache import GENERATION_KEY
from tests.network.factories import PASSWORD, member
from tests.redis_server import redis_server  # noqa: F401 - fixture

LOGGER = "network.cache_backends"


def resilient(server, retry_seconds=60):
    return ResilientRedisCache(
        server.url(),
        {
            "KEY_PREFIX": "test",
            "OPTIONS": {
                "socket_connect_timeout": 0.2,
                "socket_timeout": 0.2,
                "retry_seconds": retry_seconds,
            },
        },
    )


def resilient_settings(server, retry_seconds=60):
    return {
        "default": {
            "BACKEND": "network.cache_backends.ResilientRedisCache",
            "LOCATION": server.url(),
            "KEY_PREFIX": "test",
            "OPTIONS": {
                "socket_connect_timeout": 0.2,
                "socket_timeout": 0.2,
                "retry_seconds": retry_seconds,
            },
        }
    }


def test_dead_redis_reads_as_a_miss_and_is_logged_once(redis_server, caplog):  # noqa: F811
    cache = resilient(redis_server)
    cache.set("seats", 9)
    assert cache.get("seats") == 9
    redis_server.kill()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert cache.get("seats") is None
        assert cache.get("seats", "default") == "default"
        assert cache.get_many(["seats", "other"]) == {}
        assert cache.set("seats", 8) is None
        assert cache.add("new", 1) is True  # fail open: nobody is locked out
        assert cache.incr("seats") is None
        assert cache.has_key("seats") is False
        assert cache.delete("seats") is False
        assert cache.get_or_set("generation", "fresh") == "fresh"
    warnings = [record for record in caplog.records if record.name == LOGGER]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()
    assert cache.is_reachable() is False


def test_frozen_redis_costs_one_timeout_then_is_skipped(redis_server):  # noqa: F811
    cache = resilient(redis_server, retry_seconds=60)
    cache.set("page", "kept")
    redis_server.freeze()
    assert cache.get("page") is None  # waited for the socket timeout once
    redis_server.thaw()
    # Redis answers again, but within the retry window this process does not ask it.
    assert cache.get("page") is None
    assert cache.is_reachable() is False


def test_cache_recovers_by_itself_and_says_so(redis_server, caplog):  # noqa: F811
    cache = resilient(redis_server, retry_seconds=0)
    recoveries = []

    def recorded(**kwargs):
        recoveries.append(kwargs["sender"])

    cache_recovered.connect(recorded)
    try:
        redis_server.kill()
        assert cache.get("anything") is None
        redis_server.start()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger=LOGGER):
            cache.set("back", "yes")
            assert cache.get("back") == "yes"
    finally:
        cache_recovered.disconnect(recorded)
    assert recoveries == [ResilientRedisCache]
    assert [r.getMessage() for r in caplog.records if r.name == LOGGER] == ["Cache reachable again"]


def in_request(function):
    request_started.send(sender=None)
    try:
        return function()
    finally:
        request_finished.send(sender=None)


@pytest.mark.django_db
def test_navigation_keeps_nothing_per_process_while_redis_is_dead(
    redis_server,  # noqa: F811
    settings,
):
    settings.CACHES = resilient_settings(redis_server)
    redis_server.kill()
    computed = []

    def compute():
        computed.append(1)
        return {"menu": len(computed)}

    before = set(navigation._process_values)
    first = in_request(lambda: navigation.cached("menu:test", compute))
    second = in_request(lambda: navigation.cached("menu:test", compute))
    # Each request computes afresh: no process could retire a value kept now.
    assert (first, second) == ({"menu": 1}, {"menu": 2})
    assert set(navigation._process_values) == before


@pytest.mark.django_db
def test_versions_stored_before_an_outage_are_retired_when_redis_returns(
    redis_server,  # noqa: F811
    settings,
):
    from django.core.cache import cache

    settings.CACHES = resilient_settings(redis_server, retry_seconds=0)
    menu = in_request(lambda: navigation.cached("menu:outage", lambda: "before"))
    token = cache.get(navigation.NAV_VERSION_KEY)
    cache.set(GENERATION_KEY, "generation-before", None)
    assert menu == "before" and token
    # A change made while Redis does not answer cannot replace the tokens ...
    redis_server.freeze()
    navigation.invalidate_navigation()
    redis_server.thaw()
    # ... so the first call that reaches Redis again retires everything stored before.
    cache.get("anything")
    assert cache.get(navigation.NAV_VERSION_KEY) != token
    assert cache.get(GENERATION_KEY) != "generation-before"
    assert in_request(lambda: navigation.cached("menu:outage", lambda: "after")) == "after"


def test_file_cache_is_shared_by_separate_instances(tmp_path):
    writer = SharedFileCache(str(tmp_path), {"KEY_PREFIX": "dca"})
    reader = SharedFileCache(str(tmp_path), {"KEY_PREFIX": "dca"})
    writer.set("generation", "g2", None)
    assert reader.get("generation") == "g2"
    reader.delete("generation")
    assert writer.get("generation") is None
    other_site = SharedFileCache(str(tmp_path), {"KEY_PREFIX": "other"})
    writer.set("generation", "g3", None)
    assert other_site.get("generation") is None


def test_an_unusable_cache_folder_reads_as_empty(tmp_path, caplog):
    folder = tmp_path / "cache"
    cache = SharedFileCache(str(folder), {"OPTIONS": {"retry_seconds": 0}})
    cache.set("generation", "g1", None)
    # The folder is replaced by a file: every read and write now fails with an OSError.
    for entry in folder.iterdir():
        entry.unlink()
    folder.rmdir()
    folder.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert cache.get("generation") is None
        assert cache.set("generation", "g2", None) is None
        assert cache.add("hits", 1) is True
        assert cache.incr("hits") is None
    assert len([r for r in caplog.records if r.name == LOGGER]) == 1


def _count(directory, times):
    counter = SharedFileCache(directory, {"KEY_PREFIX": "dca"})
    for _ in range(times):
        if not counter.add("hits", 1):
            counter.incr("hits")


def test_file_cache_counts_exactly_across_processes(tmp_path):
    # Rate limits count with add/incr from every worker at once; none may be lost.
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_count, args=(str(tmp_path), 150)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    assert SharedFileCache(str(tmp_path), {"KEY_PREFIX": "dca"}).get("hits") == 600


@pytest.mark.django_db
def test_site_serves_pages_sessions_and_health_with_redis_dead(
    client,
    lesson,
    redis_server,  # noqa: F811
    settings,
):
    settings.CACHES = resilient_settings(redis_server)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PAGE_CACHE_ENABLED = True
    redis_server.kill()

    for _ in range(2):
        page = client.get(lesson.url)
        assert page.status_code == 200
        assert lesson.title in page.content.decode()
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}
    assert client.get("/api/v2/pages/").status_code == 200

    # Logging in (rate limits count in the cache) works, and the session lasts: it is read
    # from the database when Redis does not answer.
    user = member()
    answer = client.post("/nl/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert answer.status_code == 302
    me = client.get("/nl/members/me/")
    assert me.status_code == 200
    assert me.context["user"] == user
