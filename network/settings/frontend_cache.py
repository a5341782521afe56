"""WAGTAILFRONTENDCACHE from the environment: which CDN or caching proxy to purge.

Nothing is purged unless FRONTEND_CACHE_BACKEND is set. The value names one of Wagtail's
frontend-cache backends; the other variables are the credentials that backend needs.
"""

from django.core.exceptions import ImproperlyConfigured

BACKENDS = "wagtail.contrib.frontend_cache.backends"


def _required(environ, backend, *names):
    missing = [name for name in names if not environ.get(name)]
    if missing:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND={backend} needs the environment variable(s) "
            + ", ".join(missing)
            + "."
        )


def _http(environ):
    """One backend per caching proxy (Varnish, nginx ...): each gets a PURGE request."""
    _required(environ, "http", "FRONTEND_CACHE_LOCATION")
    locations = [item.strip() for item in environ["FRONTEND_CACHE_LOCATION"].split(",")]
    return {
        f"http-{number}": {"BACKEND": f"{BACKENDS}.HTTPBackend", "LOCATION": location}
        for number, location in enumerate(filter(None, locations))
    }


def _cloudflare(environ):
    _required(environ, "cloudflare", "CLOUDFLARE_ZONE_ID", "CLOUDFLARE_BEARER_TOKEN")
    return {
        "cloudflare": {
            "BACKEND": f"{BACKENDS}.CloudflareBackend",
            "ZONEID": environ["CLOUDFLARE_ZONE_ID"],
            "BEARER_TOKEN": environ["CLOUDFLARE_BEARER_TOKEN"],
        }
    }


def _cloudfront(environ):
    """CloudFront needs boto3; credentials come from boto3's usual environment variables."""
    _required(environ, "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID")
    return {
        "cloudfront": {
            "BACKEND": f"{BACKENDS}.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    }


BUILDERS = {"http": _http, "cloudflare": _cloudflare, "cloudfront": _cloudfront}


def frontend_cache_backends(environ):
    """The WAGTAILFRONTENDCACHE setting for this environment ({} means: purge nothing)."""
    backend = environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
    if not backend:
        return {}
    if backend not in BUILDERS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND must be one of {', '.join(BUILDERS)}, not {backend!r}."
        )
    return BUILDERS[backend](environ)
