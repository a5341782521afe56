"""Admin integration of the home app: the search statistics report; documents whose file is
missing answer 404; a page moved in one language moves in every language."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from home.reports import SearchStatisticsView
from network.media_files import refuse_missing_document


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/search/", SearchStatisticsView.as_view(), name="search_statistics"),
        path(
            "reports/search/results/",
            SearchStatisticsView.as_view(results_only=True),
            name="search_statistics_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("Search statistics"), reverse("search_statistics"), icon_name="search", order=1300
    )


# After Wagtail's own privacy check (order 0), so only readers allowed to see a document learn
# that its file is missing; a 404 in the site's layout instead of an error while serving it.
hooks.register("before_serve_document", refuse_missing_document, order=100)


@hooks.register("construct_translated_pages_to_cascade_actions")
def move_translations_along(pages, action):
    """A page moved in the admin takes its translations (and aliases) along, each below the
    destination's translation in its language, where the translation sat below a translation
    of the page's old parent (Wagtail's move view does the moving).

    Every language then keeps the same tree, and with it the same privacy: a page moved into a
    private section is private in every language, as the section is (home.privacy).
    """
    if action != "move":
        return None
    return {page: Page.objects.translation_of(page, inclusive=False) for page in pages}
