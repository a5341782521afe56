"""Settings shared by every environment.

Every value that differs between deployments is read from the environment; the defaults are
the embedded set-up (SQLite, local-memory cache, console e-mail) that `make run` uses.
"""

import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from network.base_url import validated as validated_base_url

from .frontend_cache import frontend_cache_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "network"


def env_bool(name, default=False):
    """Read a boolean from the environment ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated list from the environment, dropping empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A failed CSRF check answers in the site layout and the reader's language.
CSRF_FAILURE_VIEW = "network.error_views.csrf_failure"

INSTALLED_APPS = [
    "home",
    "knowledge",
    "agenda",  # app label "events"; the package name avoids the PyPI module "events"
    "network",
    "exchange",
    "intake",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales with a translation-aware version
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",  # purges a CDN/proxy on publish (WAGTAILFRONTENDCACHE)
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Member accounts (sign-up, e-mail verification, password reset).
    "allauth",
    "allauth.account",
    # Threaded discussions; django_comments needs django.contrib.sites (SITE_ID).
    "django.contrib.sites",
    "django_comments_xtd",
    "django_comments",
    "csp",
    # The database task backend's queue table. Installed whatever TASKS_BACKEND says: one
    # empty table costs nothing, and switching to the worker then needs no other change.
    "django_tasks_db",
]

MIDDLEWARE = [
    # First, so a cached page for an anonymous reader is answered before anything else runs;
    # the stored response already carries the headers the middleware below added.
    "network.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise serves static files straight after the security headers are set.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads parameters into a database query.
    "network.middleware.RejectNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Picks the language from the URL prefix and redirects "/" by Accept-Language; a view's
    # own 404 outside the prefixes (API, admin) stays a 404.
    "network.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "network.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "network.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so only the admin's page views run inside the transaction it opens.
    "network.middleware.AtomicPageEditsMiddleware",
]

ROOT_URLCONF = "network.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "network.wsgi.application"

# DATABASE_URL picks the database: SQLite file by default, PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so concurrent writers queue
    # (up to the timeout) instead of failing with "database is locked" half-way through.
    # Write-ahead logging lets readers go on while one process writes, and with
    # synchronous=NORMAL a commit no longer waits for the disk (a power cut can lose the
    # last commits, never corrupt the database).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache keys start with the deployment's prefix and the database they describe, so sites or
# databases sharing a cache server (or a cache folder) never read each other's entries.
_database_identity = "|".join(
    str(DATABASES["default"].get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME")
)
CACHE_KEY_PREFIX = "{}:{}".format(
    os.environ.get("CACHE_KEY_PREFIX", "dca"),
    hashlib.sha256(_database_identity.encode()).hexdigest()[:12],
)
# Every process must see the same cache, or a change made by one (a worker, a management
# command, the task worker) leaves the others serving stale pages, menus and counts.
# With REDIS_URL: Redis, shared by every app server; without it: a folder every process of
# this machine shares (network.cache_backends). Never a per-process local-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = Path(os.environ.get("CACHE_DIR", BASE_DIR / ".cache"))
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails soft: with Redis dead or frozen, pages are served from the database.
            "BACKEND": "network.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                # A frozen Redis costs at most this long once, then is skipped for a while.
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "retry_seconds": float(os.environ.get("REDIS_RETRY_SECONDS", "5")),
            },
        }
    }
    # Sessions are written to the database and read from Redis first: Redis going away
    # logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "network.cache_backends.SharedFileCache",
            "LOCATION": str(CACHE_DIR),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Page cache for anonymous readers (network/page_cache.py), in the cache above: PAGE_CACHE=0
# turns it off. Any content change invalidates every cached page at once.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# Search results per query, filters and page, kept until the next content change (every
# search is still counted); SEARCH_RESULTS_CACHE=0 computes each search afresh.
SEARCH_RESULTS_CACHE = env_bool("SEARCH_RESULTS_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Lets a CDN keep cacheable pages this many seconds (Cache-Control s-maxage); 0: it may not.
FRONTEND_CACHE_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "0"))
# Which CDN or proxy to purge when pages change (FRONTEND_CACHE_BACKEND ...); {}: none.
WAGTAILFRONTENDCACHE = frontend_cache_backends(os.environ)
# Each translation is a page with its own URL and is purged on its own publish.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Django's rules; their help texts come from our catalogue, which says "je" in Dutch.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "network.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "network.password_validation.MinimumLengthValidator"},
    {"NAME": "network.password_validation.CommonPasswordValidator"},
    {"NAME": "network.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first; every URL carries its language prefix.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "dca_language"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# The site serves uploaded images (MEDIA_ROOT/original_images/ and images/) under MEDIA_URL
# and nothing else from MEDIA_ROOT (network/media.py); SERVE_MEDIA=0 when the reverse proxy
# serves those two folders instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex pages in the Wagtail editor post many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: console by default; EMAIL_HOST switches to SMTP.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "De Circulaire Aankopers <noreply@circulaire-aankopers.be>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background work (e-mails, PDF generation): run in the request unless a worker is configured.
# TASKS_BACKEND=django_tasks_db.DatabaseBackend queues them in the database for
# `manage.py db_worker`. django-tasks documented that backend as
# django_tasks.backends.database.DatabaseBackend before it moved to its own package
# (django-tasks-db), so the documented path is mapped to the class that exists now.
TASKS_BACKEND_ALIASES = {
    "django_tasks.backends.database.DatabaseBackend": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND_ALIASES.get(TASKS_BACKEND, TASKS_BACKEND)}}

# Search: the Wagtail database backend unless an Elasticsearch/OpenSearch URL is given.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_BACKEND or "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            # Index names start with this prefix, so several sites can share one cluster.
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "circulaire-aankopers-"),
            "TIMEOUT": 10,
            "AUTO_UPDATE": True,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": SEARCH_BACKEND or "home.search_backends"}}

# Wagtail
WAGTAIL_SITE_NAME = "De Circulaire Aankopers"
# The site's public address: every absolute link, the Wagtail Site and Django's Sites record
# derive from it (network/base_url.py; `migrate` syncs the records). Required in production.
BASE_URL = validated_base_url(os.environ.get("BASE_URL") or "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = BASE_URL
ADMIN_URL_PATH = os.environ.get("ADMIN_URL_PATH", "admin/")
DJANGO_ADMIN_URL_PATH = os.environ.get("DJANGO_ADMIN_URL_PATH", "django-admin/")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Pixels, not bytes, are what renditions cost: a 14 KB PNG of 121 megapixels took 7 s and
# 1.2 GB of memory per rendition. 40 MP still takes any camera's photo.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No SVG: it can carry script. Documents are always served through Wagtail's view, which
# checks collection privacy and sends nosniff and a "default-src 'none'" policy; only PDFs
# open in the browser, everything else downloads as an attachment.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILAPI_BASE_URL = BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The network map's background tiles ({z}/{x}/{y} placeholders, as Leaflet takes them);
# OpenStreetMap's by default. The policy below lets images load from the tile host.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
_MAP_TILE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL)).replace("{s}", "*")

# Security headers. The public site runs no inline script; the Wagtail admin has its own
# scripts and is excluded from the policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{ADMIN_URL_PATH}", f"/{DJANGO_ADMIN_URL_PATH}"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", _MAP_TILE_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Uploads: refuse very large request bodies outside the admin's file fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Accounts: members log in with their e-mail address, which they must confirm first.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # the Wagtail admin logs in by username
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per member; a change is verified before it applies
# Known and unknown addresses get the same answer (the owner is told by e-mail instead).
ACCOUNT_PREVENT_ENUMERATION = True
# Brute-force protection: failed logins are counted per IP and per account (in the cache).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[De Circulaire Aankopers] "
# Links in account e-mails on BASE_URL, never on the Host of the request that sent them.
ACCOUNT_ADAPTER = "network.account_adapter.AccountAdapter"
# Sign-up also asks whether to get the weekly digest.
ACCOUNT_SIGNUP_FORM_CLASS = "network.signup.SignupChoicesForm"
# Receives the mailto: unsubscribes of bulk e-mail (default: unsubscribe@ the sender's domain).
UNSUBSCRIBE_EMAIL = os.environ.get("UNSUBSCRIBE_EMAIL", "")

# The visitor's address for every rate limit. Behind a reverse proxy, name the header it
# sets (TRUSTED_PROXY_HEADER, e.g. X-Real-IP) or how many proxies append to X-Forwarded-For
# (NUM_PROXIES); with neither, REMOTE_ADDR, because a client can forge those headers.
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "")
NUM_PROXIES = int(os.environ.get("NUM_PROXIES", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_PROXY_HEADER or None
ALLAUTH_TRUSTED_PROXY_COUNT = NUM_PROXIES
# Per-IP limits on public form posts (network.ratelimit), counted in the cache. Colleagues
# often share one office address, so these are generous per IP; comments and topics are
# also limited per member (COMMUNITY_COMMENT_RATE). django-ratelimit is used as a library,
# not an installed app: its checks only know memcached and django-redis.
FORM_RATE_LIMITS = {
    # Every POST to the registration form counts, valid or not: 50 colleagues behind one
    # city hall address register within the hour (a mistake or two each included), while
    # a script is stopped after 150 posts.
    "event_registration": "150/h",
    "comment": "30/10m",
    "topic": "10/h",
}
RATELIMIT_IP_META_KEY = "network.ratelimit.client_ip"
# A cache hiccup must not lock everybody out of the forms.
RATELIMIT_FAIL_OPEN = True

SITE_ID = 1

# Discussions (django-comments-xtd): replies nest three deep (levels 0, 1, 2).
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MODEL = "network.models.DiscussionComment"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
# Only logged-in, verified members post, so there is no address to confirm by e-mail.
COMMENTS_XTD_CONFIRM_EMAIL = False
COMMENTS_XTD_THREADED_EMAILS = False
COMMENT_MAX_LENGTH = 3000
# A member's first comments wait for a moderator; spam is slowed per member.
COMMUNITY_FIRST_COMMENTS_MODERATED = 2
# Approved comments, spread over at least this many days, that make a member trusted
# (their links lose rel="nofollow"); see network/trust.py.
COMMUNITY_TRUSTED_AFTER = (10, 14)
# Moderators hear of new items in the queue at most once per this many seconds.
COMMUNITY_MODERATION_ALERT_SECONDS = 60 * 60
COMMUNITY_COMMENT_RATE = (10, 10 * 60)  # comments, seconds
COMMUNITY_EDIT_WINDOW_SECONDS = 15 * 60

REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": "600/minute"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"level": "ERROR"},
    },
}
