"""The knowledge base's index page: listing, theme pages, tender-clause library, feed, open data."""

from urllib.parse import urlencode

from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from home.alternates import set_route_urls
from home.privacy import CachedPrivacyMixin, is_private, public
from home.text_analysis import object_stems
from knowledge import listing
from knowledge.models.taxonomy import AmbitionLevel, ClauseKind, ProcurementPhase, TenderClause
from network.base_url import absolute_url
from network.comment_counts import counts_version


class KnowledgeIndexPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """Lists every knowledge page of its language, with filters kept in the URL."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "knowledge.LessonPage",
        "knowledge.PracticeExamplePage",
        "knowledge.PilotCasePage",
        "knowledge.PolicyRecommendationPage",
    ]
    max_count_per_parent = 1
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("knowledge index page")
        verbose_name_plural = _("knowledge index pages")

    # -- listing ------------------------------------------------------------------------

    @path("")
    def index_route(self, request):
        theme_map = listing.themes_by_key(self.locale_id)
        filters = listing.KnowledgeFilters.from_query(request.GET, theme_map)
        base = listing.knowledge_pages(self)
        queryset = filters.apply(base)
        filter_key = urlencode([pair for pair in filters.as_query() if pair[0] != "sort"])
        page_obj = listing.paginate(
            queryset, request.GET.get("page"), count_key=f"knowledge-count:{self.pk}:{filter_key}"
        )
        context = self.get_context(request)
        context.update(
            {
                "filters": filters,
                "filter_query": filters.as_query(),
                "page_obj": page_obj,
                "cards": listing.prepared_cards(page_obj, theme_map),
                "comment_counts_version": counts_version(),
                "themes": sorted(theme_map.values(), key=lambda t: (t.sort_order, t.name)),
                "options": listing.filter_options(self, base),
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("themes/<slug:slug>/")
    def theme_route(self, request, slug):
        theme_map = listing.themes_by_key(self.locale_id)
        theme = listing.theme_by_slug(theme_map, slug)
        if theme is None:
            raise Http404("No such theme")
        queryset = listing.knowledge_pages(self).filter(
            themes__translation_key=theme.translation_key
        )
        page_obj = listing.paginate(
            queryset.order_by("-publication_date", "-pk"),
            request.GET.get("page"),
            count_key=f"knowledge-theme-count:{self.pk}:{theme.translation_key}",
        )
        clauses = TenderClause.objects.filter(
            locale_id=self.locale_id, theme=theme, live=True
        ).order_by("title")
        set_route_urls(request, self, lambda other: theme_suffix(other, theme.translation_key))
        context = self.get_context(request)
        context.update(
            {
                "theme": theme,
                "page_obj": page_obj,
                "cards": listing.prepared_cards(page_obj, theme_map),
                "comment_counts_version": counts_version(),
                "clauses": clauses,
                "index_page": self,
            }
        )
        return TemplateResponse(request, "knowledge/theme_page.html", context)

    @path("feed/")
    def feed_route(self, request):
        from knowledge.feeds import KnowledgeFeed

        return KnowledgeFeed(self)(request)

    # Wagtail's page URLs allow no dots, so the format is a path segment: open-data/clauses/csv/
    @re_path(r"^open-data/(?P<dataset>examples|clauses)/(?P<file_format>csv|json)/$")
    def export_route(self, request, dataset, file_format):
        from knowledge.exports import export_response

        return export_response(dataset, file_format, self, request)

    # -- tender clause library ----------------------------------------------------------

    @path("clauses/")
    def clauses_route(self, request):
        from knowledge.clauses import ClauseFilters

        theme_map = listing.themes_by_key(self.locale_id)
        filters = ClauseFilters.from_query(request.GET, theme_map)
        clauses = filters.apply(
            TenderClause.objects.filter(locale_id=self.locale_id, live=True).select_related("theme")
        )
        context = self.get_context(request)
        context.update(
            {
                "clauses": list(clauses.order_by("theme__sort_order", "title")),
                "themes": sorted(theme_map.values(), key=lambda t: (t.sort_order, t.name)),
                "phases": ProcurementPhase.choices,
                "kinds": ClauseKind.choices,
                "ambitions": AmbitionLevel.choices,
                "selected": filters,
                "filtered": filters.active,
                "index_page": self,
                "meta_title": _("Tender clause library"),
            }
        )
        return TemplateResponse(request, "knowledge/clause_library.html", context)

    @classmethod
    def clause_url(cls, slug, base=""):
        """The address of a clause below a knowledge index whose URL is `base`; without a
        base, the route alone (for the language switcher). No query: every clause link of
        the site (library, switcher, sitemap, open data, search) is built here."""
        return base + cls.get_resolver().reverse("clause_route", slug=slug)

    def get_clause(self, slug):
        clause = (
            TenderClause.objects.filter(locale_id=self.locale_id, slug=slug, live=True)
            .select_related("theme", "source_example")
            .first()
        )
        if clause is None:
            raise Http404("No such clause")
        return clause

    @path("clauses/<slug:slug>/")
    def clause_route(self, request, slug):
        clause = self.get_clause(slug)
        slugs = clause_slugs(clause)
        set_route_urls(
            request,
            self,
            lambda other: (
                self.clause_url(slugs[other.locale_id]) if other.locale_id in slugs else None
            ),
        )
        context = self.get_context(request)
        context.update(
            {
                "clause": clause,
                "examples": clause_examples(clause, self.locale),
                "index_page": self,
            }
        )
        return TemplateResponse(request, "knowledge/tender_clause.html", context)

    @path("clauses/<slug:slug>/text/")
    def clause_text_route(self, request, slug):
        from knowledge.clauses import clause_as_text
        from knowledge.selection import count_downloads

        clause = self.get_clause(slug)
        url = absolute_url(self.clause_url(clause.slug, self.get_url(request)))
        response = HttpResponse(
            clause_as_text(clause, url), content_type="text/plain; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{clause.slug}.txt"'
        # Not kept by the page cache, so that every download is counted.
        response["Cache-Control"] = "private"
        count_downloads([clause])
        return response


def theme_suffix(index_page, theme_key):
    """The theme route of `index_page` for the theme with this key in its language, or None."""
    theme = listing.themes_by_key(index_page.locale_id).get(theme_key)
    if theme is None:
        return None
    return index_page.reverse_subpage("theme_route", kwargs={"slug": theme.slug})


def clause_slugs(clause):
    """The clause's slug in each locale it is translated into, keyed by locale id (1 query)."""
    return dict(
        TenderClause.objects.filter(translation_key=clause.translation_key, live=True).values_list(
            "locale_id", "slug"
        )
    )


def clause_examples(clause, locale):
    """Published pages where the clause was used, in the reader's language where possible."""
    from knowledge.models.pages import PilotCasePage

    pages = list(
        public(PilotCasePage.objects.live())
        .filter(tender_clauses__translation_key=clause.translation_key, locale=locale)
        .distinct()
    )
    if clause.source_example_id:
        example = clause.source_example.get_translation_or_none(locale) or clause.source_example
        if example.live and not is_private(example):
            pages.insert(0, example)
    return pages
