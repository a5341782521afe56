"""Production: secure by default; refuses to start without its required environment."""

from django.core.exceptions import ImproperlyConfigured

from network.base_url import parse as parse_base_url

from .base import *

DEBUG = False

_missing = [
    name for name in ("SECRET_KEY", "ALLOWED_HOSTS", "BASE_URL") if not os.environ.get(name)
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need the environment variable(s) " + ", ".join(_missing) + "."
    )

# The public address always answers, and its origin may always post forms (a proxy that
# passes another Host would otherwise fail every CSRF check).
_public = parse_base_url(BASE_URL)
if _public.host not in ALLOWED_HOSTS and "*" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, _public.host]
if _public.url not in CSRF_TRUSTED_ORIGINS:
    CSRF_TRUSTED_ORIGINS = [*CSRF_TRUSTED_ORIGINS, _public.url]

# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# The cache must be one that every process shares (base.py); refuse what cannot work.
if REDIS_URL and REDIS_URL.split("://", 1)[0] not in {"redis", "rediss", "unix"}:
    raise ImproperlyConfigured(
        "REDIS_URL must start with redis://, rediss:// or unix:// (the cache all processes share)."
    )
if not REDIS_URL:
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not os.access(CACHE_DIR, os.W_OK | os.X_OK):
        raise ImproperlyConfigured(
            f"CACHE_DIR {CACHE_DIR} is not writable: without REDIS_URL every process of this "
            "server shares its cache in that folder."
        )
