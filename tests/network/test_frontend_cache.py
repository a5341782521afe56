"""Frontend cache (CDN/proxy) purging, against a small HTTP server that records PURGE requests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from network import discussions
from network.settings.frontend_cache import frontend_cache_backends
from tests.events.conftest import agenda, event  # noqa: F401
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member
from tests.network.test_page_cache import REGISTRATION

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    """Answers PURGE like a caching proxy and remembers which host and path it was asked."""

    def do_PURGE(self):  # noqa: N802 - the HTTP method name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends(
        {
            "FRONTEND_CACHE_BACKEND": "http",
            "FRONTEND_CACHE_LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    )
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def lesson(knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    page.save_revision().publish()
    french = knowledge_tree.translate(page, "fr", title="Reprendre les meubles", slug="meubles")
    page.refresh_from_db()
    return {"nl": page, "fr": french}


def test_publishing_purges_the_page(proxy, lesson, django_capture_on_commit_callbacks):
    proxy.purged.clear()
    lesson["nl"].title = "Meubels hergebruiken"
    with django_capture_on_commit_callbacks(execute=True):
        lesson["nl"].save_revision().publish()
    assert ("testserver", lesson["nl"].url) in proxy.purged


def test_a_comment_purges_its_page_in_every_language(
    proxy, lesson, django_capture_on_commit_callbacks
):
    proxy.purged.clear()
    author = member(display_name="An Peeters", trusted=True)
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(author, lesson["fr"], "Très utile")
    assert sorted(proxy.purged) == sorted(
        [("testserver", lesson["nl"].url), ("testserver", lesson["fr"].url)]
    )


def test_a_registration_purges_its_event_page(
    proxy,
    event,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    proxy.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(event.url + "register/", REGISTRATION)
    assert response.status_code == 302
    assert proxy.purged == [("testserver", event.url)]


def test_nothing_is_purged_without_a_configured_backend(
    proxy, lesson, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends({})
    proxy.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(member(trusted=True), lesson["nl"], "Goed idee")
        lesson["nl"].save_revision().publish()
    assert proxy.purged == []


# -- settings from the environment --------------------------------------------------------------


def test_http_backend_per_proxy_location():
    backends = frontend_cache_backends(
        {
            "FRONTEND_CACHE_BACKEND": "http",
            "FRONTEND_CACHE_LOCATION": "http://cache-1.internal:6081, http://cache-2.internal:6081",
        }
    )
    assert [backend["LOCATION"] for backend in backends.values()] == [
        "http://cache-1.internal:6081",
        "http://cache-2.internal:6081",
    ]
    assert {backend["BACKEND"] for backend in backends.values()} == {
        "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    }


def test_cloudflare_and_cloudfront_backends():
    cloudflare = frontend_cache_backends(
        {
            "FRONTEND_CACHE_BACKEND": "cloudflare",
            "CLOUDFLARE_ZONE_ID": "zone",
            "CLOUDFLARE_BEARER_TOKEN": "token",
        }
    )
    assert cloudflare["cloudflare"]["ZONEID"] == "zone"
    assert cloudflare["cloudflare"]["BEARER_TOKEN"] == "token"  # noqa: S105
    cloudfront = frontend_cache_backends(
        {"FRONTEND_CACHE_BACKEND": "CloudFront", "CLOUDFRONT_DISTRIBUTION_ID": "E123"}
    )
    assert cloudfront["cloudfront"]["DISTRIBUTION_ID"] == "E123"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FRONTEND_CACHE_BACKEND": "http"}, "FRONTEND_CACHE_LOCATION"),
        ({"FRONTEND_CACHE_BACKEND": "cloudflare"}, "CLOUDFLARE_ZONE_ID, CLOUDFLARE_BEARER_TOKEN"),
        ({"FRONTEND_CACHE_BACKEND": "varnish"}, "must be one of http, cloudflare, cloudfront"),
    ],
)
def test_incomplete_settings_are_refused_with_a_clear_message(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_cache_backends(environ)


def test_no_backend_means_no_purging():
    assert frontend_cache_backends({}) == {}
    assert frontend_cache_backends({"FRONTEND_CACHE_BACKEND": " "}) == {}
