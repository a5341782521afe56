"""Editor report of what readers search for, and which searches found nothing."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from home.models import SearchTermStat


class SearchTermFilterSet(WagtailFilterSet):
    without_results = django_filters.BooleanFilter(
        label=_("Searches without results"),
        field_name="last_result_count",
        method="filter_without_results",
    )

    def filter_without_results(self, queryset, name, value):
        if value:
            return queryset.filter(last_result_count=0)
        if value is False:
            return queryset.filter(last_result_count__gt=0)
        return queryset

    class Meta:
        model = SearchTermStat
        fields = ["locale"]


class SearchStatisticsView(ReportView):
    page_title = _("Search statistics")
    header_icon = "search"
    results_template_name = "home/reports/search_terms_results.html"
    index_url_name = "search_statistics"
    index_results_url_name = "search_statistics_results"
    filterset_class = SearchTermFilterSet
    list_export = ["query", "locale.language_code", "searches", "searches_without_results"]
    export_headings = {
        "query": _("query"),
        "locale.language_code": _("Language"),
        "searches": _("Searched"),
        "searches_without_results": _("Without results"),
    }

    def user_has_permission(self, permission):
        return self.request.user.has_perm("wagtailadmin.access_admin")

    def get_queryset(self):
        return SearchTermStat.objects.select_related("locale").order_by("-searches", "query")
