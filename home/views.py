"""Views outside the page tree: site search and its autocomplete."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from home import search


@require_GET
def search_view(request):
    locale = Locale.get_active()
    outcome = search.search_site(
        request.GET.get("q", ""),
        locale,
        type_key=request.GET.get("type", ""),
        theme_slug=request.GET.get("theme", ""),
        page_number=request.GET.get("page"),
        record=request.GET.get("page") in (None, "", "1"),
    )
    filter_query = [("q", outcome.query)]
    if outcome.selected_type:
        filter_query.append(("type", outcome.selected_type))
    if outcome.selected_theme is not None:
        filter_query.append(("theme", outcome.selected_theme.slug))
    return TemplateResponse(
        request,
        "home/search.html",
        {"outcome": outcome, "search_query": outcome.query, "filter_query": filter_query},
    )


@require_GET
def autocomplete_view(request):
    locale = Locale.get_active()
    response = JsonResponse(
        {"results": search.autocomplete(request.GET.get("q", ""), locale)},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "public, max-age=60"
    return response
