"""Work sessions with their outcomes, and the register that lists outcomes across sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda.models.events import EventKind, EventPage, event_edit_handler
from home.privacy import CachedPrivacyMixin
from home.text_analysis import object_stems


class OutcomeKind(models.TextChoices):
    OPPORTUNITY = "opportunity", _("Opportunity")
    BARRIER = "barrier", _("Barrier")


class RaisedBy(models.TextChoices):
    PUBLIC_BUYER = "public_buyer", _("Public buyers")
    SUPPLIER = "supplier", _("Suppliers")
    SECTOR_ORGANISATION = "sector_organisation", _("Sector organisations")
    MIXED = "mixed", _("Several sides")


class WorkSessionPage(EventPage):
    """A work session where buyers and suppliers discuss one theme, and what came out of it."""

    theme = models.ForeignKey(
        "knowledge.Theme",
        verbose_name=_("theme"),
        null=True,
        on_delete=models.PROTECT,
        related_name="work_sessions",
    )
    with_public_buyers = models.BooleanField(_("public buyers take part"), default=True)
    with_suppliers = models.BooleanField(_("suppliers take part"), default=True)
    with_sector_organisations = models.BooleanField(
        _("sector organisations take part"), default=False
    )
    outcome_summary = RichTextField(
        _("outcome summary"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    knowledge_links = StreamField(
        [
            (
                "lesson",
                blocks.PageChooserBlock(page_type="knowledge.LessonPage", label=_("Lesson")),
            ),
            (
                "recommendation",
                blocks.PageChooserBlock(
                    page_type="knowledge.PolicyRecommendationPage",
                    label=_("Policy recommendation"),
                ),
            ),
        ],
        verbose_name=_("linked lessons and recommendations"),
        blank=True,
    )

    # Every language shows the same theme, looked up in the reader's language by its key.
    override_translatable_fields = [SynchronizedField("theme")]
    synchronized_fields = EventPage.synchronized_fields + (
        "theme",
        "with_public_buyers",
        "with_suppliers",
        "with_sector_organisations",
    )

    content_panels = [
        panel for panel in EventPage.content_panels if getattr(panel, "field_name", "") != "kind"
    ] + [
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldPanel("with_public_buyers"),
                FieldPanel("with_suppliers"),
                FieldPanel("with_sector_organisations"),
            ],
            heading=_("Theme and participants"),
        ),
    ]
    outcome_panels = [
        FieldPanel("outcome_summary"),
        InlinePanel("outcomes", heading=_("Opportunities and barriers"), label=_("outcome")),
        FieldPanel("knowledge_links"),
    ]
    edit_handler = event_edit_handler(
        content_panels + outcome_panels, EventPage.registration_panels
    )
    search_fields = EventPage.search_fields + [
        index.SearchField("outcome_summary"),
        index.FilterField("theme_id"),
    ]
    api_fields = EventPage.api_fields + [
        APIField("theme"),
        APIField("outcome_summary"),
        APIField("knowledge_links"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/work_session_page.html"

    class Meta:
        verbose_name = _("work session")
        verbose_name_plural = _("work sessions")

    def save(self, *args, **kwargs):
        self.kind = EventKind.WORK_SESSION
        super().save(*args, **kwargs)

    @property
    def sides(self):
        """The sides at the table, as labels."""
        labels = []
        if self.with_public_buyers:
            labels.append(RaisedBy.PUBLIC_BUYER.label)
        if self.with_suppliers:
            labels.append(RaisedBy.SUPPLIER.label)
        if self.with_sector_organisations:
            labels.append(RaisedBy.SECTOR_ORGANISATION.label)
        return labels


class WorkSessionOutcome(TranslatableMixin, Orderable):
    """One opportunity or barrier raised in a work session, as a structured record."""

    page = ParentalKey(WorkSessionPage, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    statement = models.TextField(_("statement"))
    raised_by = models.CharField(_("raised by"), max_length=30, choices=RaisedBy.choices)
    theme = models.ForeignKey(
        "knowledge.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the session's theme."),
    )

    override_translatable_fields = [SynchronizedField("theme")]
    panels = [
        FieldPanel("kind"),
        FieldPanel("statement"),
        FieldPanel("raised_by"),
        FieldPanel("theme"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return self.statement[:80]


class OutcomeRegisterPage(CachedPrivacyMixin, RoutablePageMixin, Page):
    """Every opportunity and barrier from the work sessions, filterable by theme and kind."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("search_stems"),
    ]
    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)
    api_fields = [APIField("intro")]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "events/outcome_register_page.html"

    class Meta:
        verbose_name = _("barriers and opportunities register")
        verbose_name_plural = _("barriers and opportunities registers")

    @path("")
    def index_route(self, request):
        from agenda import views

        return views.outcome_register(request, self)
