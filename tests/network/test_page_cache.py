"""Page cache for anonymous readers: hits, what is never cached, and invalidation."""

import os
import uuid

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from agenda.models import Registration
from network import discussions
from network.cache_invalidation import invalidate_page_cache_safely, shows_on_pages
from network.page_cache import GENERATION_KEY, STATUS_HEADER
from tests.events.conftest import agenda, event  # noqa: F401
from tests.events.factories import REGISTRATION_FORM
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The test settings keep the page cache off; these tests are about it."""
    settings.PAGE_CACHE_ENABLED = True


REGISTRATION = REGISTRATION_FORM


@pytest.fixture
def lesson(knowledge_tree):
    furniture = knowledge_tree.themes["furniture"]["nl"]
    page = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen", themes=[furniture]
    )
    page.save_revision().publish()
    french = knowledge_tree.translate(page, "fr", title="Reprendre les meubles", slug="meubles")
    page.refresh_from_db()
    return {"nl": page, "fr": french}


def anonymous_get(url, **extra):
    """A first-time reader: a fresh client, so no cookie carries over."""
    return Client().get(url, **extra)


def test_second_anonymous_read_is_a_hit_without_queries(lesson, django_assert_num_queries):
    first = anonymous_get(lesson["nl"].url)
    assert first.status_code == 200
    assert first[STATUS_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = anonymous_get(lesson["nl"].url)
    assert second[STATUS_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_hit_keeps_the_security_headers(lesson):
    first = anonymous_get(lesson["nl"].url)
    second = anonymous_get(lesson["nl"].url)
    assert second[STATUS_HEADER] == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"):
        assert second[header] == first[header]


def test_head_is_answered_from_the_cache(lesson):
    anonymous_get(lesson["nl"].url)
    response = Client().head(lesson["nl"].url)
    assert response[STATUS_HEADER] == "hit"


def test_languages_and_hosts_do_not_mix(lesson):
    expected = {"nl": "Meubels terugnemen", "fr": "Reprendre les meubles"}
    for _round in range(2):
        for language, title in expected.items():
            page = BeautifulSoup(anonymous_get(lesson[language].url).content, "html.parser")
            assert page.html["lang"] == language
            assert page.h1.get_text(strip=True) == title
    assert anonymous_get(lesson["nl"].url)[STATUS_HEADER] == "hit"
    assert anonymous_get(lesson["nl"].url, HTTP_HOST="localhost")[STATUS_HEADER] == "miss"


def test_logged_in_members_neither_fill_nor_get_the_cache(lesson):
    reader = Client()
    reader.force_login(member(display_name="An Peeters"))
    own = reader.get(lesson["nl"].url)
    assert own[STATUS_HEADER] == "skip"
    assert "private" in own["Cache-Control"]
    assert 'class="account-links__name">An Peeters<' in own.content.decode()

    anonymous = anonymous_get(lesson["nl"].url)
    assert anonymous[STATUS_HEADER] == "miss"
    assert "account-links__name" not in anonymous.content.decode()

    again = reader.get(lesson["nl"].url)
    assert again[STATUS_HEADER] == "skip"
    assert 'class="account-links__name">An Peeters<' in again.content.decode()


def test_a_members_comment_form_never_reaches_another_reader(lesson):
    poster = Client()
    poster.force_login(member(display_name="An Peeters", trusted=True))
    with_form = poster.get(lesson["nl"].url).content.decode()
    assert "csrfmiddlewaretoken" in with_form
    for _round in range(2):
        page = anonymous_get(lesson["nl"].url).content.decode()
        assert "csrfmiddlewaretoken" not in page
        assert "/accounts/login/" in page


def test_pages_with_a_csrf_form_are_never_stored(event):  # noqa: F811
    url = event.url + "register/"
    first = anonymous_get(url)
    second = anonymous_get(url)
    assert first.status_code == second.status_code == 200
    assert second[STATUS_HEADER] == "skip"
    assert "csrfmiddlewaretoken" in second.content.decode()
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_reader_with_pending_messages_or_a_session_is_served_fresh(lesson):
    anonymous_get(lesson["nl"].url)
    for cookie in ("messages", "sessionid"):
        reader = Client()
        reader.cookies[cookie] = "anything"
        assert reader.get(lesson["nl"].url)[STATUS_HEADER] == "skip"


def test_accounts_search_results_and_non_page_urls_are_not_cached(lesson):
    for url in ("/nl/accounts/login/", "/nl/search/?q=meubels"):
        anonymous_get(url)
        assert anonymous_get(url)[STATUS_HEADER] == "skip"
    for url in ("/api/v2/pages/", "/healthz"):
        assert STATUS_HEADER not in anonymous_get(url)


def test_search_statistics_and_logins_do_not_invalidate_the_cache(lesson):
    user = member()
    anonymous_get(lesson["nl"].url)
    assert anonymous_get("/nl/search/?q=meubels").status_code == 200
    reader = Client()
    reader.force_login(user)
    assert reader.get(lesson["nl"].url)[STATUS_HEADER] == "skip"
    assert anonymous_get(lesson["nl"].url)[STATUS_HEADER] == "hit"


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("knowledge.LessonPage", True),
        ("wagtailcore.Page", True),
        ("knowledge.Theme", True),
        ("knowledge.TenderClause", True),
        ("network.Organisation", True),
        ("network.MemberProfile", True),
        ("network.DiscussionComment", True),
        ("home.SiteSettings", True),
        ("events.Registration", True),
        ("wagtailimages.Image", True),
        ("wagtaildocs.Document", True),
        ("wagtailcore.Site", True),
        ("home.SearchTermStat", False),
        ("wagtailimages.Rendition", False),
        ("wagtailcore.Revision", False),
        ("sessions.Session", False),
        ("auth.User", False),
    ],
)
def test_which_changes_invalidate(label, shown):
    assert shows_on_pages(apps.get_model(label)) is shown


def test_publishing_a_change_shows_on_the_next_read(lesson, knowledge_tree):
    index_url = knowledge_tree.indexes["nl"].url
    anonymous_get(lesson["nl"].url)
    anonymous_get(index_url)
    lesson["nl"].title = "Meubels hergebruiken"
    lesson["nl"].save_revision().publish()
    assert "Meubels hergebruiken" in anonymous_get(lesson["nl"].url).content.decode()
    assert "Meubels hergebruiken" in anonymous_get(index_url).content.decode()


def test_unpublishing_takes_the_page_out_of_the_cache(lesson):
    anonymous_get(lesson["nl"].url)
    url = lesson["nl"].url
    lesson["nl"].unpublish()
    assert anonymous_get(url).status_code == 404


def test_editing_a_theme_shows_on_the_next_read(lesson, knowledge_tree):
    assert "Meubilair" in anonymous_get(lesson["nl"].url).content.decode()
    theme = knowledge_tree.themes["furniture"]["nl"]
    theme.name = "Kantoormeubilair"
    theme.save()
    page = anonymous_get(lesson["nl"].url)
    assert page[STATUS_HEADER] == "miss"
    assert "Kantoormeubilair" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_page_rendered_before_the_commit_is_not_served_after_it(lesson, knowledge_tree):
    theme = knowledge_tree.themes["furniture"]["nl"]
    with transaction.atomic():
        theme.name = "Kantoormeubilair"
        theme.save()
        theme.save()
        anonymous_get(lesson["nl"].url)  # a reader between the change and its commit
        assert anonymous_get(lesson["nl"].url)[STATUS_HEADER] == "hit"
        on_commit = [callback for _s, callback, _r in connection.run_on_commit]
        assert on_commit.count(invalidate_page_cache_safely) == 1
    assert anonymous_get(lesson["nl"].url)[STATUS_HEADER] == "miss"


def test_posted_and_approved_comments_show_on_the_next_read(lesson):
    anonymous_get(lesson["nl"].url)
    poster = Client()
    poster.force_login(member(display_name="An Peeters", trusted=True))
    poster.post(f"/nl/community/pages/{lesson['nl'].pk}/comments/", {"comment": "Goed idee"})
    assert "Goed idee" in anonymous_get(lesson["nl"].url).content.decode()

    newcomer = member(display_name="Bert Claes")
    waiting = discussions.post_comment(newcomer, lesson["nl"], "Eerste reactie")
    assert not waiting.published
    assert "Eerste reactie" not in anonymous_get(lesson["nl"].url).content.decode()
    discussions.approve_comment(waiting.comment)
    assert "Eerste reactie" in anonymous_get(lesson["fr"].url).content.decode()
    discussions.remove_comment(waiting.comment)
    assert "Eerste reactie" not in anonymous_get(lesson["nl"].url).content.decode()


def test_a_registration_updates_the_seats_left(event):  # noqa: F811
    assert "nog 20 vrij" in anonymous_get(event.url).content.decode()
    assert anonymous_get(event.url)[STATUS_HEADER] == "hit"
    response = Client().post(event.url + "register/", REGISTRATION)
    assert response.status_code == 302
    assert Registration.objects.count() == 1
    page = anonymous_get(event.url)
    assert page[STATUS_HEADER] == "miss"
    assert "nog 19 vrij" in page.content.decode()


def test_the_cache_can_be_turned_off(lesson, settings):
    settings.PAGE_CACHE_ENABLED = False
    anonymous_get(lesson["nl"].url)
    with CaptureQueriesContext(connection) as queries:
        response = anonymous_get(lesson["nl"].url)
    assert len(queries) > 0
    assert STATUS_HEADER not in response
    assert "private" not in response.get("Cache-Control", "")


def test_shared_caches_may_keep_pages_only_when_configured(lesson, settings):
    assert "Cache-Control" not in anonymous_get(lesson["nl"].url)
    settings.FRONTEND_CACHE_MAX_AGE = 300
    lesson["nl"].save_revision().publish()
    first = anonymous_get(lesson["nl"].url)
    assert first[STATUS_HEADER] == "miss"
    assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=300"}
    assert anonymous_get(lesson["nl"].url)["Cache-Control"] == first["Cache-Control"]


@pytest.fixture
def redis_cache(settings):
    """The production set-up: the page cache in Redis, under a key prefix of its own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "network.cache_backends.ResilientRedisCache",
            "LOCATION": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11"),
            "KEY_PREFIX": f"test-page-cache-{uuid.uuid4().hex}",
        }
    }
    yield cache
    client = cache._cache.get_client()
    keys = list(client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)


def test_pages_are_shared_through_redis(
    lesson, knowledge_tree, redis_cache, django_assert_num_queries
):
    assert isinstance(caches["default"], RedisCache)
    assert anonymous_get(lesson["nl"].url)[STATUS_HEADER] == "miss"
    generation = redis_cache.get(GENERATION_KEY)
    assert generation
    with django_assert_num_queries(0):
        assert anonymous_get(lesson["nl"].url)[STATUS_HEADER] == "hit"
    theme = knowledge_tree.themes["furniture"]["nl"]
    theme.name = "Kantoormeubilair"
    theme.save()
    page = anonymous_get(lesson["nl"].url)
    assert page[STATUS_HEADER] == "miss"
    assert "Kantoormeubilair" in page.content.decode()
    assert redis_cache.get(GENERATION_KEY) != generation
