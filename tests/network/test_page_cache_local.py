"""Pages kept in each process's memory, and the generation watch that keeps them honest.

A real redis-server of the test's own (tests/redis_server.py); "another process" is a
separate Redis connection that changes the generation and publishes it, as
`invalidate_page_cache` does in another server process.
"""

import uuid

import pytest
import redis as redis_py
from django.core.cache import caches
from django.test import Client

from network import generation_watch, page_cache
from network.page_cache import GENERATION_KEY, PAGE_KEY_PREFIX, STATUS_HEADER, local_pages
from tests.knowledge.factories import LessonPageFactory
from tests.network.test_cache_backends import resilient_settings
from tests.redis_server import redis_server  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_pages(settings, redis_server):  # noqa: F811
    settings.CACHES = resilient_settings(redis_server, retry_seconds=0.2)
    settings.PAGE_CACHE_ENABLED = True
    local_pages.clear()
    page_cache._watch.reset()
    yield redis_server
    local_pages.clear()


@pytest.fixture
def lesson(knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Stoelen terugnemen")
    page.save_revision().publish()
    return page


def read(url):
    return Client().get(url)


def other_process_changes_content(server):
    """What `invalidate_page_cache` does in another process: a new generation, announced."""
    backend = caches["default"]
    generation = uuid.uuid4().hex
    other = redis_py.Redis.from_url(server.url())
    other.set(
        backend.make_and_validate_key(GENERATION_KEY),
        backend._cache._serializer.dumps(generation),
    )
    other.publish(backend.make_key(f"{GENERATION_KEY}:changes"), generation)
    other.close()
    return generation


def stored_page_keys(server):
    other = redis_py.Redis.from_url(server.url())
    keys = list(other.scan_iter(match=f"*{PAGE_KEY_PREFIX}*"))
    other.close()
    return keys


def test_a_hit_is_served_from_the_process_memory(redis_pages, lesson, django_assert_num_queries):
    assert read(lesson.url)[STATUS_HEADER] == "miss"
    # Take the shared copy away: the process still has its own.
    keys = stored_page_keys(redis_pages)
    assert keys
    redis_py.Redis.from_url(redis_pages.url()).delete(*keys)
    with django_assert_num_queries(0):
        page = read(lesson.url)
    assert page[STATUS_HEADER] == "hit"
    assert "Stoelen terugnemen" in page.content.decode()


def test_a_change_announced_by_another_process_is_seen_on_the_next_request(redis_pages, lesson):
    read(lesson.url)
    assert read(lesson.url)[STATUS_HEADER] == "hit"
    new = other_process_changes_content(redis_pages)
    page = read(lesson.url)
    assert page[STATUS_HEADER] == "miss"
    assert page_cache._watch.current() == new
    assert read(lesson.url)[STATUS_HEADER] == "hit"


def test_a_content_change_here_retires_the_local_pages(redis_pages, lesson):
    read(lesson.url)
    assert read(lesson.url)[STATUS_HEADER] == "hit"
    lesson.title = "Stoelen krijgen een tweede leven"
    lesson.save_revision().publish()
    page = read(lesson.url)
    assert page[STATUS_HEADER] == "miss"
    assert "Stoelen krijgen een tweede leven" in page.content.decode()


def test_a_generation_changed_without_an_announcement_is_read_at_the_recheck(
    redis_pages, lesson, monkeypatch
):
    """A flushed or evicted key, or a writer that could not publish: the watch reads the
    generation again after RECHECK_SECONDS (set to 0 here, so at once)."""
    read(lesson.url)
    assert read(lesson.url)[STATUS_HEADER] == "hit"
    monkeypatch.setattr(generation_watch, "RECHECK_SECONDS", 0)
    other = redis_py.Redis.from_url(redis_pages.url())
    other.flushall()
    other.close()
    assert read(lesson.url)[STATUS_HEADER] == "miss"


def test_without_redis_no_local_page_is_served(redis_pages, lesson, caplog):
    read(lesson.url)
    assert read(lesson.url)[STATUS_HEADER] == "hit"
    redis_pages.kill()
    page = read(lesson.url)
    assert page.status_code == 200
    assert page[STATUS_HEADER] == "miss"  # rendered: nobody can vouch for the local copy
    assert "Stoelen terugnemen" in page.content.decode()
    assert page_cache._watch.current() is None


def test_local_pages_keep_to_their_byte_budget():
    pages = page_cache.LocalPages(max_bytes=10)
    for name in "abc":
        pages.put(name, ("g", 200, [], name.encode() * 4, float("inf")))
    assert pages.get("a", "g") is None  # the least recently used went first
    assert pages.get("b", "g") is not None
    assert pages.get("c", "g") is not None
    assert pages.get("c", "other generation") is None
