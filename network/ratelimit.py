"""Per-IP rate limits on the public forms, counted in the shared cache.

Each limit is named in `settings.FORM_RATE_LIMITS` ("count/period" as django-ratelimit reads
it). Every POST to a limited view counts, valid or not, so a script hammering a form is
slowed as much as one that succeeds. Over the limit, the visitor gets a page in the site
layout with status 429 and a Retry-After header, and the page says in the reader's language
how long that wait is. allauth's own limits (log-in, sign-up, password reset) answer with
the same page through `handler429`.
"""

import ipaddress
import logging
import math
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import ngettext
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


def describe_wait(seconds):
    """A wait of `seconds` in words of the active language, rounded up ("2 minutes")."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    if minutes <= 120:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(seconds / 3600)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def too_many_requests(request, retry_after=None):
    """The 429 page in the site layout, saying how long to wait when `retry_after` (seconds)
    is known; the Retry-After header gives the same wait."""
    context = {}
    if retry_after:
        context = {"retry_after": retry_after, "wait": describe_wait(retry_after)}
    response = render(request, "429.html", context, status=429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


# allauth's rate-limited actions by the URL name of the view that counts them.
ALLAUTH_ACTIONS = {
    "account_login": ("login", "login_failed"),
    "account_signup": ("signup",),
    "account_reset_password": ("reset_password",),
    "account_reset_password_from_key": ("reset_password_from_key",),
    "account_change_password": ("change_password",),
    "account_email": ("manage_email",),
    "account_reauthenticate": ("reauthenticate",),
    "account_request_login_code": ("request_login_code",),
    "account_confirm_email": ("confirm_email",),
    "account_email_verification_sent": ("confirm_email",),
}


def allauth_wait(request):
    """Seconds after which every allauth limit the request's view counts has room again.

    allauth keeps a sliding window per rate, and does not say which rate refused, so the
    wait is the longest window of the view's actions (of every action for an unknown view):
    after it, the visitor is certain to get through.
    """
    from allauth.account import app_settings
    from allauth.core.internal.ratelimit import parse_rates

    config = app_settings.RATE_LIMITS
    match = getattr(request, "resolver_match", None)
    actions = ALLAUTH_ACTIONS.get(getattr(match, "url_name", None), tuple(config))
    durations = [rate.duration for action in actions for rate in parse_rates(config.get(action))]
    return math.ceil(max(durations, default=60))


def handler429(request, exception=None):
    """The 429 page for allauth's limits (wired as the URLconf's `handler429`)."""
    return too_many_requests(request, allauth_wait(request))


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
