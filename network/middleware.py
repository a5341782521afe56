"""Small middleware the libraries we use do not provide."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import BadRequest
from django.db import DatabaseError, transaction
from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses (camera, location, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


def _names_unserved_language(path):
    """Whether `path` starts with a language code the site is not served in (/de/...).

    Such a URL is a plain 404, not a redirect to /nl/de/..., where it would 404 anyway.
    """
    first = path.lstrip("/").split("/", 1)[0].lower()
    served = {code for code, _name in settings.LANGUAGES}
    return first in LANG_INFO and first not in served


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, without its language redirect for a view's own 404.

    Django answers every 404 outside the language prefixes with a redirect to the same path
    under /nl/, which our catch-all page route always accepts. That is right for a path no
    URL matched (a link without its prefix), wrong for a view outside the prefixes that
    answered "no such object": the API's JSON 404 became a redirect to an HTML page.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and (
            _names_unserved_language(request.path_info)
            or (
                getattr(request, "resolver_match", None) is not None
                and not translation.get_language_from_path(request.path_info)
            )
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def _carries_nul(params):
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in params.lists()
    )


class RejectNulCharactersMiddleware:
    """Answer 400 to a request whose query or form parameters hold a NUL character.

    PostgreSQL cannot store or compare text containing NUL, so such a value would fail deep
    inside a query (in our filters or in a library's); no URL or form of the site needs one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request.GET) or (request.method == "POST" and _carries_nul(request.POST)):
            raise BadRequest("NUL character in the request parameters")
        return self.get_response(request)


class CachedSiteMiddleware:
    """Find the request's Wagtail site in the navigation cache (home.navigation).

    Saves the query Wagtail runs on every request to match the host to a site, and the
    shared cache read of the sites' root paths for its page URLs. After CommonMiddleware, so
    a host that is not allowed has been refused before. When the database cannot answer, the
    view decides what to do (the health check reports it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from home.navigation import keep_site_root_paths, site_for_request

        try:
            site_for_request(request)
            keep_site_root_paths(request)
        except DatabaseError:
            pass
        return self.get_response(request)


class AtomicPageEditsMiddleware:
    """Run each POST to the admin's page views in one database transaction.

    Wagtail publishes a page without a transaction of its own. Publishing the source page also
    writes its facts into every translation (home.translation_sync), and the two must land
    together or not at all: a response that reports a server error rolls everything back.
    Work that must wait for the commit (e-mails, PDFs, cache purges) is queued on commit.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"/{settings.ADMIN_URL_PATH}pages/"

    def __call__(self, request):
        if request.method != "POST" or not request.path_info.startswith(self.prefix):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
