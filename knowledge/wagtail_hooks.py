"""Admin integration of the knowledge base: snippets, reports, review workflow."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.models import TenderClause, Theme
from knowledge.reports import (
    ClauseDownloadsReportView,
    ReviewDueReportView,
    TranslationStatusReportView,
)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class TenderClauseViewSet(SnippetViewSet):
    model = TenderClause
    icon = "doc-full-inverse"
    menu_label = _("Tender clauses")
    list_display = ["title", "theme", "phase", "kind"]
    list_filter = ["phase", "kind"]
    search_fields = ["title", "text"]


class KnowledgeSnippetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, TenderClauseViewSet)
    menu_icon = "doc-full"
    menu_label = _("Knowledge base")
    menu_name = "knowledge"
    menu_order = 250


register_snippet(KnowledgeSnippetGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/knowledge-review/", ReviewDueReportView.as_view(), name="knowledge_review_due"
        ),
        path(
            "reports/knowledge-review/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="knowledge_review_due_results",
        ),
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="knowledge_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="knowledge_translation_status_results",
        ),
        path(
            "reports/clause-downloads/",
            ClauseDownloadsReportView.as_view(),
            name="knowledge_clause_downloads",
        ),
        path(
            "reports/clause-downloads/results/",
            ClauseDownloadsReportView.as_view(results_only=True),
            name="knowledge_clause_downloads_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem(
        _("Knowledge due for review"),
        reverse("knowledge_review_due"),
        icon_name="time",
        order=1200,
    )


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("knowledge_translation_status"),
        icon_name="globe",
        order=1210,
    )


@hooks.register("register_reports_menu_item")
def register_clause_downloads_menu_item():
    return MenuItem(
        _("Clause downloads"),
        reverse("knowledge_clause_downloads"),
        icon_name="download",
        order=1220,
    )


@hooks.register("home_page_sections")
def latest_knowledge_section(home, request):
    """The home page shows the newest lessons and examples of its language."""
    from home.navigation import cached
    from knowledge import listing
    from knowledge.models import KnowledgeIndexPage
    from network.comment_counts import attach_comment_counts

    def compute():
        index = KnowledgeIndexPage.objects.child_of(home).live().first()
        if index is None:
            return None
        theme_map = listing.themes_by_key(home.locale_id)
        items = list(listing.knowledge_pages(index).order_by("-publication_date", "-pk")[:3])
        return {"index_page": index, "items": listing.localize_themes(items, theme_map)}

    data = cached(f"home-knowledge:{home.pk}", lambda: compute() or False)
    if not data:
        return None
    attach_comment_counts(data["items"])
    return {"template": "knowledge/includes/home_latest.html", **data}
