"""Home page, standard pages and the site-wide settings editors manage."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.privacy import CachedPrivacyMixin
from home.text_analysis import object_stems


def home_sections(home, request):
    """What's new, from every app that registers a `home_page_sections` hook.

    Each hook returns a dict with at least a `template` (or None to show nothing), so the
    home page grows with the apps without knowing about them.
    """
    sections = []
    for hook in hooks.get_hooks("home_page_sections"):
        section = hook(home, request)
        if section:
            sections.append(section)
    return sections


class HomePage(CachedPrivacyMixin, Page):
    """The front page of one language: who the network is and what is new."""

    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences that say what the network is.")
    )
    mission = RichTextField(_("mission"), blank=True, features=["bold", "italic", "link", "ul"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("mission"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("mission"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("intro"), APIField("mission"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "knowledge.KnowledgeIndexPage",
        "events.EventIndexPage",
        "knowledge.InspirationBookPage",
        "network.DiscussionIndexPage",
        "intake.PilotCallPage",
        "intake.ThemeBoardPage",
    ]
    max_count_per_parent = 3  # one per language at the root

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = home_sections(self, request)
        return context

    # Every page request starts at the site's root page, a home page: `localized` picks the
    # reader's language and `route` walks the URL down the tree, both from the navigation
    # cache (home.routing) with Wagtail's outcome.
    @property
    def localized(self):
        from home.routing import localized_home

        return localized_home(self)

    def route(self, request, path_components):
        from home.routing import route_from

        return route_from(self, request, path_components)

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(CachedPrivacyMixin, Page):
    """About, contact, privacy policy: a title, an introduction and a free body."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "knowledge.KnowledgeIndexPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"
        label = _("Link to a page")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer links shown on every page of a site.

    Links point at pages, so the footer shows each page's translation in the reader's language.
    """

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())], verbose_name=_("footer links"), blank=True
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_address"),
        FieldPanel("privacy_page"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")


class SearchTermStat(models.Model):
    """How often a query was searched per language, and how often it found nothing."""

    query = models.CharField(_("query"), max_length=255)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE
    )
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    last_result_count = models.PositiveIntegerField(_("results last time"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "locale"], name="unique_search_term_per_locale"
            )
        ]
        ordering = ["-searches"]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, locale, result_count):
        """Count one search of `query` in `locale` (one statement once the query is known)."""
        query = query[:255]
        changes = {
            "searches": models.F("searches") + 1,
            "searches_without_results": models.F("searches_without_results")
            + (1 if result_count == 0 else 0),
            "last_result_count": result_count,
            "last_searched_at": timezone.now(),
        }
        stat = cls.objects.filter(query=query, locale=locale)
        if not stat.update(**changes):
            cls.objects.get_or_create(query=query, locale=locale)
            stat.update(**changes)
