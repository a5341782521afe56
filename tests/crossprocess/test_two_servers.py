"""Two app servers on one database: what one serves changes the moment the other changes it.

Each test starts two real gunicorn processes on the test database, once sharing a Redis
server that the test starts itself and once without Redis (the shared cache folder). A
registration, a comment approval, a privacy change and an unpublish are made through server A
(over HTTP, as a browser or an editor would), a scheduled publish by `manage.py
publish_scheduled` in a third process; server B, which had the old page in its caches, must
answer with the change on the very next request. Then Redis is killed: both servers keep
serving, and recover when it is back.
"""

import contextlib
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from wagtail.models import Page

from network import discussions
from tests.conftest import publish
from tests.events.factories import REGISTRATION_FORM, EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import UserFactory, member
from tests.processes import ROOT, database_url, run_manage
from tests.redis_server import RedisServer, free_port

pytestmark = pytest.mark.django_db(transaction=True)

# What the servers and the commands run beside them do not take from this process.
NOT_SHARED = ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "PYTEST_XDIST_WORKER")


class AppServer:
    """One gunicorn process serving the site, as in production."""

    def __init__(self, env):
        self.port = free_port()
        self.env = env
        self.process = None
        self.log = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.log = open(Path(self.env["CACHE_DIR"]).parent / f"server-{self.port}.log", "w+")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603 - our own WSGI app under gunicorn
            [
                sys.executable,
                "-m",
                "gunicorn",
                "network.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if requests.get(self.url + "/healthz", timeout=20).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.2)
        self.log.seek(0)
        raise RuntimeError("app server did not start:\n" + self.log.read()[-3000:])

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(20)
        if self.log is not None:
            self.log.close()


class Browser:
    """An HTTP client that keeps its cookies and sends the CSRF token like a browser form."""

    def __init__(self, server, cookies=None):
        self.server = server
        self.cookies = dict(cookies or {})

    def _remember(self, response):
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response

    def _headers(self):
        headers = {"Host": "testserver"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        return headers

    def get(self, path):
        url = self.server.url + path
        return self._remember(
            requests.get(url, headers=self._headers(), allow_redirects=False, timeout=30)
        )

    def post(self, path, data):
        data = dict(data)
        if "csrftoken" in self.cookies:
            data.setdefault("csrfmiddlewaretoken", self.cookies["csrftoken"])
        url = self.server.url + path
        return self._remember(
            requests.post(
                url, data=data, headers=self._headers(), allow_redirects=False, timeout=30
            )
        )


def logged_in(user):
    """A session for `user` in the database, as logging in would store it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return {settings.SESSION_COOKIE_NAME: session.session_key}


@contextlib.contextmanager
def app_servers(tmp_path, with_redis):
    """Servers A and B on the test database, with or without a Redis of the test's own."""
    redis = None
    env = {key: value for key, value in os.environ.items() if key not in NOT_SHARED}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "network.settings.dev",
            "DEBUG": "0",
            "SECRET_KEY": settings.SECRET_KEY,  # sessions made here are valid there
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "BASE_URL": "http://testserver",
            "DATABASE_URL": database_url(),
            "CACHE_DIR": str(tmp_path / "cache"),
            "PAGE_CACHE": "1",
            "LOG_LEVEL": "ERROR",
        }
    )
    if with_redis:
        redis = RedisServer()
        redis.start()
        env["REDIS_URL"] = redis.url()
        env["REDIS_RETRY_SECONDS"] = "0.5"
    pair = [AppServer(env), AppServer(env)]
    try:
        for server in pair:
            server.start()
        yield pair[0], pair[1], redis, env
    finally:
        for server in pair:
            server.stop()
        if redis is not None:
            redis.thaw()
            redis.kill()


@pytest.fixture(params=["redis", "no-redis"])
def servers(request, tmp_path):
    with app_servers(tmp_path, with_redis=request.param == "redis") as pair:
        yield pair


@pytest.fixture
def servers_with_redis(tmp_path):
    with app_servers(tmp_path, with_redis=True) as pair:
        yield pair


@pytest.fixture
def lesson_page(knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Stoelen terugnemen")
    return publish(page)


def text(response):
    return response.content.decode()


def manage(env, *args):
    """Run a management command in a process of its own, with the servers' environment."""
    command = run_manage(*args, env_overrides=env, drop=NOT_SHARED)
    assert command.returncode == 0, command.stderr


def warm(browser, path):
    """Read a page twice, so the server has it in every cache (the page cache included)."""
    browser.get(path)
    response = browser.get(path)
    assert response.status_code == 200
    return response


def test_a_registration_through_one_server_shows_on_the_other(servers, site_tree):
    server_a, server_b, _redis, _env = servers
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    event = publish(EventPageFactory(parent=agenda, slug="werksessie", capacity=9))
    path = event.url
    reader = Browser(server_b)
    assert "(nog 9 vrij)" in text(warm(reader, path))  # "(9 left)"

    registrant = Browser(server_a)
    registrant.get(path + "register/")
    answer = registrant.post(path + "register/", REGISTRATION_FORM)
    assert answer.status_code == 302, text(answer)[-2000:]
    after = text(reader.get(path))
    assert "(nog 8 vrij)" in after


def test_a_comment_approved_through_one_server_shows_on_the_other(servers, lesson_page):
    server_a, server_b, _redis, _env = servers
    pending = discussions.post_comment(member(), lesson_page, "Hergebruik werkt echt")
    assert not pending.published
    reader = Browser(server_b)
    assert "Hergebruik werkt echt" not in text(warm(reader, lesson_page.url))

    moderator = UserFactory(is_staff=True, is_superuser=True)
    admin = Browser(server_a, logged_in(moderator))
    assert admin.get("/admin/community/moderation/").status_code == 200
    done = admin.post(
        "/admin/community/moderation/", {"action": "approve", "comment": pending.comment.pk}
    )
    assert done.status_code == 302
    assert "Hergebruik werkt echt" in text(reader.get(lesson_page.url))


def test_a_page_made_private_through_one_server_is_private_on_the_other(servers, lesson_page):
    server_a, server_b, _redis, _env = servers
    reader = Browser(server_b)
    assert "Stoelen terugnemen" in text(warm(reader, lesson_page.url))
    assert f'href="{lesson_page.url}"' in text(warm(reader, "/nl/search/?q=stoelen"))

    editor = Browser(server_a, logged_in(UserFactory(is_staff=True, is_superuser=True)))
    editor.get("/admin/")
    done = editor.post(f"/admin/pages/{lesson_page.pk}/privacy/", {"restriction_type": "login"})
    assert done.status_code == 200, text(done)[-2000:]

    hidden = reader.get(lesson_page.url)
    assert hidden.status_code == 302
    assert "login/?next=" in hidden.headers["Location"]
    assert f'href="{lesson_page.url}"' not in text(reader.get("/nl/search/?q=stoelen"))


def test_an_unpublish_through_one_server_and_a_scheduled_publish_reach_the_other(
    servers, lesson_page
):
    server_a, server_b, _redis, env = servers
    reader = Browser(server_b)
    warm(reader, lesson_page.url)
    menu_before = text(warm(reader, "/nl/kennisbank/"))
    assert "Stoelen terugnemen" in menu_before

    editor = Browser(server_a, logged_in(UserFactory(is_staff=True, is_superuser=True)))
    editor.get("/admin/")
    done = editor.post(f"/admin/pages/{lesson_page.pk}/unpublish/", {})
    assert done.status_code == 302
    assert reader.get(lesson_page.url).status_code == 404
    assert "Stoelen terugnemen" not in text(reader.get("/nl/kennisbank/"))

    # A revision scheduled to go live, published by the cron job in a process of its own.
    lesson_page.refresh_from_db()
    lesson_page.title = "Stoelen krijgen een tweede leven"
    revision = lesson_page.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert revision.approved_go_live_at is not None
    manage(env, "publish_scheduled")
    for browser in (reader, Browser(server_a)):
        page = browser.get(lesson_page.url)
        assert page.status_code == 200
        assert "Stoelen krijgen een tweede leven" in text(page)
        assert "Stoelen krijgen een tweede leven" in text(browser.get("/nl/kennisbank/"))


def test_text_indexed_by_a_process_of_its_own_is_found_through_both_servers(servers, lesson_page):
    """The search index written by `manage.py update_index` in a third process, as a task
    worker writes it: each server's reader index and kept search results follow at once."""
    server_a, server_b, _redis, env = servers
    link = f'href="{lesson_page.url}"'
    browsers = (Browser(server_a), Browser(server_b))
    for browser in browsers:
        assert link in text(warm(browser, "/nl/search/?q=stoelen"))
        assert link not in text(warm(browser, "/nl/search/?q=tablets"))

    Page.objects.filter(pk=lesson_page.pk).update(title="Tablets terugnemen")
    manage(env, "update_index", "--verbosity", "0")
    for browser in browsers:
        found = text(browser.get("/nl/search/?q=tablets"))
        assert link in found
        assert "<mark>Tablets</mark> terugnemen" in found


def test_both_servers_keep_serving_without_redis_and_recover(servers_with_redis, lesson_page):
    server_a, server_b, redis, _env = servers_with_redis
    readers = [Browser(server_a), Browser(server_b)]
    for reader in readers:
        assert warm(reader, lesson_page.url).headers["X-Cache"] == "hit"

    redis.kill()
    for reader in readers:
        for _ in range(3):
            page = reader.get(lesson_page.url)
            assert page.status_code == 200
            assert "Stoelen terugnemen" in text(page)
        health = reader.get("/healthz")
        assert health.status_code == 200
        assert health.json()["cache"] == "unreachable"
    # Members can still log in: sessions are read from the database.
    member_session = Browser(server_a, logged_in(member()))
    assert member_session.get("/nl/members/me/").status_code == 200

    redis.start()
    time.sleep(0.6)  # the servers' retry interval (REDIS_RETRY_SECONDS), not a timing check
    for reader in readers:
        assert reader.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}
        reader.get(lesson_page.url)
        assert reader.get(lesson_page.url).headers["X-Cache"] == "hit"


def test_rate_limits_count_the_posts_made_to_either_server(servers, site_tree):
    server_a, server_b, _redis, _env = servers
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    event = publish(EventPageFactory(parent=agenda, slug="congres"))
    browsers = [Browser(server_a), Browser(server_b)]
    for browser in browsers:
        browser.get(event.url + "register/")
    limit = int(settings.FORM_RATE_LIMITS["event_registration"].split("/")[0])
    # Every POST counts, valid or not; half of them reach each server.
    answers = [
        browsers[number % 2].post(event.url + "register/", {"name": "X"}).status_code
        for number in range(limit)
    ]
    assert 429 not in answers
    for browser in browsers:
        assert browser.post(event.url + "register/", {"name": "X"}).status_code == 429
