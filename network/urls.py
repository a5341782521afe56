"""URL configuration: un-prefixed technical URLs first, then the locale-prefixed site."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemap import SiteSitemap
from home.views import authenticate_with_password, autocomplete_view, favicon, search_view
from network.api import api_router
from network.media import media_url_prefix, serve_media
from network.views import healthz

# allauth answers its rate limits with this URLconf's handler429: the site's 429 page with
# the wait in the Retry-After header and in words.
handler429 = "network.ratelimit.handler429"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path(settings.DJANGO_ADMIN_URL_PATH, admin.site.urls),
    path(settings.ADMIN_URL_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"site": SiteSitemap}}, name="sitemap"),
]

# Uploaded images only (unless SERVE_MEDIA is off); documents go through /documents/
# (collection privacy), book PDFs through their book. Every other path under MEDIA_URL
# answers 404 (network/media.py).
if media_url_prefix():
    urlpatterns.append(
        re_path(rf"^{re.escape(media_url_prefix())}(?P<path>.*)$", serve_media, name="media")
    )

urlpatterns += i18n_patterns(
    path("search/", search_view, name="search"),
    path("search/autocomplete/", autocomplete_view, name="search_autocomplete"),
    path("accounts/", include("allauth.urls")),
    path("selection/", include("knowledge.selection_urls")),
    path("", include("network.community_urls")),
    path("", include("agenda.urls")),
    path("", include("exchange.urls")),
    # Before Wagtail's own, which it wraps: one password for every language of a page.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
)
