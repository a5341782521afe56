"""Per-IP rate limits on the public forms, counted in the shared cache.

Each limit is named in `settings.FORM_RATE_LIMITS` ("count/period" as django-ratelimit reads
it). Every POST to a limited view counts, valid or not, so a script hammering a form is
slowed as much as one that succeeds. Over the limit, the visitor gets a page in the site
layout with status 429 and a Retry-After header.
"""

import ipaddress
import logging
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

UNKNOWN_CLIENT = "0.0.0.0"  # noqa: S104 - a bucket shared by clients without a usable address


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def _forwarded_ip(request):
    """The address our own proxies put in X-Forwarded-For (they append, so count from the end)."""
    hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < settings.NUM_PROXIES:
        return None
    return hops[-settings.NUM_PROXIES]


def client_ip(request):
    """The visitor's IP address, read the same way allauth reads it for its own limits.

    A trusted header set by the reverse proxy (`TRUSTED_PROXY_HEADER`) wins; else the hop in
    X-Forwarded-For written by the last of `NUM_PROXIES` proxies; else REMOTE_ADDR. A missing
    or malformed value falls back to REMOTE_ADDR, so a client never escapes its bucket by
    sending garbage.
    """
    candidate = None
    if settings.TRUSTED_PROXY_HEADER:
        candidate = request.headers.get(settings.TRUSTED_PROXY_HEADER)
    elif settings.NUM_PROXIES:
        candidate = _forwarded_ip(request)
    return _valid_ip(candidate) or _valid_ip(request.META.get("REMOTE_ADDR")) or UNKNOWN_CLIENT


def count_post(request, name):
    """Count this POST against the limit `name`; returns seconds to wait when it is used up.

    A cache that cannot count lets the POST through (as RATELIMIT_FAIL_OPEN does for a
    cache that answers nothing): a cache failure must not lock everybody out of the forms.
    """
    try:
        usage = get_usage(
            request,
            group=f"form:{name}",
            key="ip",
            rate=settings.FORM_RATE_LIMITS[name],
            method="POST",
            increment=True,
        )
    except Exception:
        logger.warning("Could not count a POST for the %s rate limit", name, exc_info=True)
        return None
    if usage is None or not usage["should_limit"]:
        return None
    # The window ends at a whole second and includes it: the next one starts a second later.
    return max(int(usage["time_left"]), 0) + 1


def too_many_requests(request, retry_after=None):
    """The 429 page in the site layout (allauth renders the same template for its limits)."""
    response = render(request, "429.html", status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def limit_posts(name):
    """Decorate a view taking `request` first: its POSTs are limited per IP by `name`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            retry_after = count_post(request, name)
            if retry_after:
                return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
