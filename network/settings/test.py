"""Tests: fast and self-contained; the database still comes from DATABASE_URL."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# MD5 makes creating users in tests cheap; never used outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so query counts pinned by tests measure rendering, not cache hits; the page cache's
# own tests turn it on (tests/network/test_page_cache.py).
PAGE_CACHE_ENABLED = False
# Off too, so search tests see every search computed; its own tests turn it on.
SEARCH_RESULTS_CACHE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / ".test-media"
BASE_URL = "http://testserver"  # the host of Django's test client
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = BASE_URL
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
LOGGING = {"version": 1, "disable_existing_loggers": False}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: tests that use threads or reconnect need a real, shared database.
    # One file per process, so parallel test runs never share (and lock) a database.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"dca-test-{os.getpid()}.sqlite3")
    }
# Serve static files from the finders; no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
