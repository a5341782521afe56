"""Wagtail API v2 router: read-only open data for pages, images and documents."""

from django.http import JsonResponse
from django.urls import re_path
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.search import clean_query

# Far past any listing's size, and well inside what every database takes as an offset.
MAX_OFFSET = 10**9


class OpenDataPagination(WagtailPagination):
    """Wagtail's pagination, with a 400 for an offset too large for the database."""

    def paginate_queryset(self, queryset, request, view=None):
        if _as_int(request.GET.get("offset")) > MAX_OFFSET:
            raise BadRequestError(_("offset cannot be higher than %d") % MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)


def _as_int(value):
    """The number Wagtail will read from `value` (int() also takes non-ASCII digits), or 0."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class WordsOnlySearchFilter(SearchFilter):
    """Wagtail's `?search=`, reduced to words as the site search does.

    Quotes and operators would otherwise reach the search engine's own parser, where an
    unbalanced quote is an error (SQLite's full-text search fails on it).
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            # The search backend raises ValueError for any other operator.
            raise BadRequestError(_("search_operator must be 'and' or 'or'"))
        original = request.GET
        request.GET = original.copy()
        request.GET["search"] = clean_query(original["search"])
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request.GET = original


def words_only_search(backends):
    return [WordsOnlySearchFilter if backend is SearchFilter else backend for backend in backends]


class FindByValidIdMixin:
    """`find/?id=` refuses an id that is not a number with a 400, as the filters do.

    Wagtail passes the raw value to the query, where it raises ValueError (a 500).
    """

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                if int(request.GET["id"]) < 0:
                    raise ValueError
            except ValueError as error:
                raise BadRequestError(_("id must be a positive integer")) from error
        return super().find_object(queryset, request)


class ThemeKeyFilter(BaseFilterBackend):
    """`?theme=<key>`: the knowledge pages on a theme, by its language-independent key
    (knowledge/taxonomy_keys.py), in whatever language the pages are; an unknown key is a 400."""

    def filter_queryset(self, request, queryset, view):
        if "theme" not in request.GET:
            return queryset
        from knowledge.models import KnowledgePage
        from knowledge.taxonomy_keys import theme_translation_key

        translation_key = theme_translation_key(request.GET["theme"])
        if translation_key is None:
            raise BadRequestError(_("theme: no theme has this key"))
        on_theme = KnowledgePage.objects.filter(themes__translation_key=translation_key)
        return queryset.filter(pk__in=on_theme.values("pk"))


class PagesEndpoint(FindByValidIdMixin, PagesAPIViewSet):
    pagination_class = OpenDataPagination
    # Before the search filter, which turns the queryset into search results.
    filter_backends = [ThemeKeyFilter, *words_only_search(PagesAPIViewSet.filter_backends)]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"theme"}


class ImagesEndpoint(FindByValidIdMixin, ImagesAPIViewSet):
    pagination_class = OpenDataPagination
    filter_backends = words_only_search(ImagesAPIViewSet.filter_backends)


class DocumentsEndpoint(FindByValidIdMixin, DocumentsAPIViewSet):
    pagination_class = OpenDataPagination
    filter_backends = words_only_search(DocumentsAPIViewSet.filter_backends)


def api_not_found(request, *args, **kwargs):
    """A JSON 404, in the endpoints' own format, for any other URL under the API."""
    return JsonResponse({"message": _("not found")}, status=404)


class OpenDataRouter(WagtailAPIRouter):
    """Wagtail's router, ending in a JSON 404 for URLs no endpoint knows (`pages/abc/`).

    Without it such a URL falls through to the site's HTML 404 page.
    """

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), re_path(r"", api_not_found)]


api_router = OpenDataRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
