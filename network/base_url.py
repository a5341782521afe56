"""The site's one public address, `BASE_URL`, and everything that derives from it.

Settings validate the address when they load (`validated`). Every absolute link the site
writes (e-mails, feeds, exports, calendar files, structured data) is built with
`absolute_url`, never from the request, so a client-chosen Host header never reaches a link.
The Wagtail `Site` and Django's `sites.Site` records are brought in line with the address
after every `migrate` (`sync_site_records`), so page URLs, the sitemap, the API and account
e-mails agree with it without anyone editing those records by hand.

This module is imported by the settings: it must not import models at module level.
"""

import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}
# A domain name or an IPv4 address; IPv6 addresses come in brackets and are checked apart.
HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


@dataclass(frozen=True)
class Address:
    """The parts of a validated base URL."""

    scheme: str
    host: str  # lower case; an IPv6 address keeps its brackets
    port: int  # always set: 80 or 443 when the URL names none

    @property
    def url(self):
        """The normalised base URL, without a trailing slash."""
        return f"{self.scheme}://{self.domain}"

    @property
    def domain(self):
        """host[:port], the port only when it is not the scheme's default."""
        if self.port == DEFAULT_PORTS[self.scheme]:
            return self.host
        return f"{self.host}:{self.port}"


def parse(value):
    """The Address of `value`, or ValueError saying what is wrong with it."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError as error:
        raise ValueError(f"it is not a valid URL ({error})") from None
    if parts.scheme not in DEFAULT_PORTS:
        raise ValueError("it must start with http:// or https://")
    if parts.username is not None or parts.password is not None:
        raise ValueError("it must not carry a user name or password")
    hostname = parts.hostname or ""
    if ":" in hostname:
        host = f"[{hostname}]"
    elif HOST_NAME.match(hostname):
        host = hostname
    else:
        raise ValueError("it must name a host")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError("it must be the site's root: no path, query or fragment")
    port = port or DEFAULT_PORTS[parts.scheme]
    # A Wagtail Site knows a scheme only from its port (443 is https, anything else http).
    if parts.scheme == "https" and port != 443:
        raise ValueError("an https address must use port 443")
    if parts.scheme == "http" and port == 443:
        raise ValueError("port 443 needs https://")
    return Address(scheme=parts.scheme, host=host, port=port)


def validated(value, name="BASE_URL"):
    """The normalised `value` for the settings, or ImproperlyConfigured in one line."""
    try:
        return parse(value).url
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}={value!r} is not usable: {error}.") from None


def address():
    """The Address of the current `BASE_URL` setting."""
    return parse(settings.BASE_URL)


def absolute_url(url):
    """`url` (a path, or already absolute) made absolute on BASE_URL; "" for no URL.

    An absolute URL is kept as it is: Wagtail gives one for a page of another Site record.
    """
    if not url:
        return ""
    return urljoin(address().url + "/", url)


def page_url(page, request=None):
    """The absolute URL of `page` on BASE_URL, or "" when it is not routable."""
    return absolute_url(page.get_url(request))


# -- the Site records ------------------------------------------------------------------------


def _tables(using):
    from django.db import connections

    return set(connections[using].introspection.table_names())


def sync_wagtail_site(using):
    """Point the default Wagtail Site at BASE_URL's host and port; True if it changed."""
    from wagtail.models import Site

    if Site._meta.db_table not in _tables(using):
        return False
    target = address()
    sites = Site.objects.using(using)
    site = sites.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (target.host, target.port):
        return False
    if sites.filter(hostname=target.host, port=target.port).exclude(pk=site.pk).exists():
        logger.warning(
            "Another Wagtail site already answers at %s; the default site keeps %s:%s.",
            target.domain,
            site.hostname,
            site.port,
        )
        return False
    site.hostname, site.port = target.host, target.port
    # A real save: it sends post_save, which clears the cached site and navigation.
    site.save(using=using)
    return True


def sync_django_site(using):
    """Give Django's SITE_ID record BASE_URL's domain and the site's name; True if changed."""
    from django.apps import apps

    if not apps.is_installed("django.contrib.sites"):
        return False
    from django.contrib.sites.management import create_default_site
    from django.contrib.sites.models import Site

    if Site._meta.db_table not in _tables(using):
        return False
    # Creates the SITE_ID record (and resets PostgreSQL's sequence) if there is none yet.
    create_default_site(apps.get_app_config("sites"), verbosity=0, using=using)
    site = Site.objects.using(using).filter(pk=settings.SITE_ID).first()
    if site is None:
        return False
    wanted = {"domain": address().domain, "name": settings.WAGTAIL_SITE_NAME}
    if all(getattr(site, field) == value for field, value in wanted.items()):
        return False
    for field, value in wanted.items():
        setattr(site, field, value)
    site.save(using=using)  # also clears Django's per-process SITE_CACHE for this process
    return True


def sync_site_records(using="default"):
    """Bring both Site records in line with BASE_URL; returns the names of those changed.

    Safe to run at any time and as often as wanted: it writes only what differs, and skips
    a table that does not exist yet.
    """
    changed = []
    if sync_wagtail_site(using):
        changed.append("wagtail site")
    if sync_django_site(using):
        changed.append("django site")
    return changed


def sync_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """post_migrate receiver: every `migrate` (so `make run` and each deploy) syncs."""
    changed = sync_site_records(using)
    if changed and verbosity >= 1:
        print(f"Site records set to {address().url}: {', '.join(changed)}.")  # noqa: T201
