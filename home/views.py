"""Views outside the page tree: site search and its autocomplete, the favicon, the password
form of private pages."""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageViewRestriction

from home import search
from home.navigation import cached
from home.search_index import INDEX_VERSION_KEY


def active_locale():
    """`Locale.get_active()` from the cached list of locales (the one home/alternates.py
    reads; saving or deleting a locale retires it), without a query per request."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    if code is not None:
        for locale in cached("locales", lambda: list(Locale.objects.all())):
            if locale.language_code == code:
                return locale
    return Locale.get_active()


def outcome_to_keep(outcome):
    """The outcome with its page of results detached from the search backend, to cache.

    The template reads only the numbers of `page_obj`; the hits are already built.
    """
    page_obj = outcome.page_obj
    if page_obj is not None:
        outcome.page_obj = Paginator(range(page_obj.paginator.count), search.PAGE_SIZE).page(
            page_obj.number
        )
    return outcome


def search_outcome(raw_query, locale, type_key, theme_slug, page_number):
    """`search.search_site`, computed once per query, filters, page and content version.

    Results are kept in the navigation cache (SEARCH_RESULTS_CACHE), which every publish,
    unpublish, move or deletion and every change to themes, clauses or promotions clears, and
    under the search-index token, which every write of a page or clause to the search
    backend's index renews (a task worker's or update_index's too); each search is still
    counted, by the caller.
    """

    def compute():
        outcome = search.search_site(
            raw_query, locale, type_key=type_key, theme_slug=theme_slug,
            page_number=page_number, record=False,
        )  # fmt: skip
        return outcome_to_keep(outcome)

    if not settings.SEARCH_RESULTS_CACHE:
        return compute()
    query = search.clean_query(raw_query)
    parts = "\x1f".join([query, type_key, theme_slug, str(page_number or "")])
    digest = hashlib.blake2b(parts.encode(), digest_size=16).hexdigest()
    return cached(f"search:{locale.pk}:{digest}", compute, versions=[INDEX_VERSION_KEY])


@require_GET
def search_view(request):
    locale = active_locale()
    page_param = request.GET.get("page")
    outcome = search_outcome(
        request.GET.get("q", ""),
        locale,
        request.GET.get("type", ""),
        request.GET.get("theme", ""),
        page_param,
    )
    if outcome.query and page_param in (None, "", "1"):
        with transaction.atomic():  # both counters in one commit
            search.record_search(outcome.query, locale, outcome.total + outcome.clause_total)
    filter_query = [("q", outcome.query)]
    if outcome.selected_type:
        filter_query.append(("type", outcome.selected_type))
    if outcome.selected_theme is not None:
        filter_query.append(("theme", outcome.selected_theme.slug))
    return TemplateResponse(
        request,
        "home/search.html",
        {
            "outcome": outcome,
            "search_query": outcome.query,
            "filter_query": filter_query,
            # Other apps' findings come with the first page of results only.
            "result_sections": result_sections(outcome.query, request)
            if page_param in (None, "", "1")
            else [],
        },
    )


def result_sections(query, request):
    """Further results from every app that registers a `search_result_sections` hook.

    Each hook takes the query and the request and returns a dict with a `template` (or None
    to show nothing), so the search page lists other apps' findings without knowing them.
    """
    if not query:
        return []
    sections = []
    for hook in hooks.get_hooks("search_result_sections"):
        section = hook(query, request)
        if section:
            sections.append(section)
    return sections


@require_GET
def autocomplete_view(request):
    locale = Locale.get_active()
    response = JsonResponse(
        {"results": search.autocomplete(request.GET.get("q", ""), locale)},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "public, max-age=60"
    return response


def favicon(request):
    """Send /favicon.ico, which browsers and crawlers ask for unprompted, to the static icon.

    A redirect rather than the file itself, so it follows the static files' hashed names
    and long cache lifetime in production.
    """
    return HttpResponsePermanentRedirect(static("favicon.ico"))


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form for a private page, with one password for every language.

    Each translation holds its own copy of the page's restriction (home.privacy), and Wagtail
    remembers a password per restriction: a reader who gave the password in one language is
    let through the copies on the page's translations as well, instead of being asked again.
    """
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 302:
        restriction = PageViewRestriction.objects.select_related("page").get(
            pk=page_view_restriction_id
        )
        copies = PageViewRestriction.objects.filter(
            page__translation_key=restriction.page.translation_key,
            restriction_type=PageViewRestriction.PASSWORD,
            password=restriction.password,
        ).exclude(pk=restriction.pk)
        for copy in copies:
            copy.mark_as_passed(request)
    return response
