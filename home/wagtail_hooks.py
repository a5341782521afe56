"""Admin integration of the home app: the search statistics report; documents whose file is
missing answer 404."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
