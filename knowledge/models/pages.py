"""The knowledge page types: lessons, practice examples, pilot cases, recommendations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.privacy import is_private
from knowledge.blocks import (
    ComponentBlock,
    GalleryImageBlock,
    PlanningInstrumentBlock,
    ResultFigureBlock,
)
from knowledge.countries import COUNTRIES
from knowledge.models.base import KnowledgePage
from knowledge.serializers import PublicPageField, TenderClauseSerializer

SECTION_FEATURES = ["bold", "italic", "ul", "ol", "link", "document-link"]


class EvidenceSource(models.TextChoices):
    PILOT_CASE = "pilot_case", _("Tested in a pilot case")
    WORK_SESSION = "work_session", _("Discussed in a work session")
    MEMBER = "member", _("Reported by a member organisation")
    RESEARCH = "research", _("From published research")


class LessonPage(KnowledgePage):
    """A lesson learned: context, what worked, barriers and what to do next time."""

    context = RichTextField(_("context"), features=SECTION_FEATURES)
    what_worked = RichTextField(_("what worked"), features=SECTION_FEATURES, blank=True)
    barriers = RichTextField(_("barriers"), features=SECTION_FEATURES, blank=True)
    recommendations = RichTextField(_("recommendations"), features=SECTION_FEATURES, blank=True)
    evidence_source = models.CharField(
        _("where the evidence comes from"), max_length=20, choices=EvidenceSource.choices
    )
    evidence_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("evidence page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The pilot case, work session or example this lesson comes from."),
    )

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("context"),
        FieldPanel("what_worked"),
        FieldPanel("barriers"),
        FieldPanel("recommendations"),
        MultiFieldPanel(
            [FieldPanel("evidence_source"), FieldPanel("evidence_page")],
            heading=_("Evidence"),
        ),
        FieldPanel("body"),
    ]
    # The evidence page is mapped to its translation in the translation's language.
    synchronized_fields = KnowledgePage.synchronized_fields + ("evidence_source", "evidence_page")
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("context"),
        index.SearchField("what_worked"),
        index.SearchField("barriers"),
        index.SearchField("recommendations"),
    ]
    api_fields = KnowledgePage.api_fields + [
        APIField("context"),
        APIField("what_worked"),
        APIField("barriers"),
        APIField("recommendations"),
        APIField("evidence_source"),
        APIField("evidence_page", serializer=PublicPageField()),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/lesson_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def evidence_page():
            evidence = self.evidence_page
            if evidence is None:
                return None
            evidence = evidence.get_translation_or_none(self.locale) or evidence
            # The rendered article is cached for every reader: a private page is never named.
            return evidence if evidence.live and not is_private(evidence) else None

        # Shown in the article, a rendered part kept in the cache: loaded only when rendered.
        context["evidence_page"] = SimpleLazyObject(evidence_page)
        return context

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")


class CircularStrategy(models.TextChoices):
    REUSE = "reuse", _("Reuse")
    REFURBISH = "refurbish", _("Refurbishment")
    PRODUCT_AS_A_SERVICE = "product_as_a_service", _("Product as a service")
    RECYCLED_CONTENT = "recycled_content", _("Recycled content")
    SHARING = "sharing", _("Sharing")
    TAKE_BACK = "take_back", _("Take-back and repair")


class PracticeExamplePage(KnowledgePage):
    """A best practice from Belgium or abroad, with its results in figures."""

    country = models.CharField(
        _("country"), max_length=2, choices=list(COUNTRIES.items()), default="BE"
    )
    place = models.CharField(_("place"), max_length=120)
    buyer = models.CharField(_("buyer"), max_length=200)
    strategy = models.CharField(
        _("circular strategy"), max_length=30, choices=CircularStrategy.choices
    )
    results = StreamField(
        [("figure", ResultFigureBlock())], verbose_name=_("results in figures"), blank=True
    )

    content_panels = KnowledgePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("place"),
                FieldPanel("buyer"),
                FieldPanel("strategy"),
            ],
            heading=_("The example"),
        ),
        FieldPanel("results"),
        FieldPanel("body"),
    ]
    synchronized_fields = KnowledgePage.synchronized_fields + ("country", "strategy")
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("place"),
        index.SearchField("buyer"),
        index.FilterField("country"),
        index.FilterField("strategy"),
    ]
    api_fields = KnowledgePage.api_fields + [
        APIField("country"),
        APIField("place"),
        APIField("buyer"),
        APIField("strategy"),
        APIField("results"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/practice_example_page.html"

    class Meta:
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")


class BuildingType(models.TextChoices):
    SCHOOL = "school", _("School building")
    CHURCH = "church", _("Church")
    OFFICE = "office", _("Office building")
    FARM = "farm", _("Farm")
    INDUSTRIAL = "industrial", _("Industrial hall")
    RETAIL = "retail", _("Shop or retail space")
    OTHER = "other", _("Other type of building")


class PilotCasePage(KnowledgePage):
    """A vacant building and its circular redevelopment, as structured data."""

    building_type = models.CharField(
        _("building type"), max_length=20, choices=BuildingType.choices
    )
    building_type_other = models.CharField(
        _("type of building (other)"),
        max_length=120,
        blank=True,
        help_text=_("What kind of building it is, when the type is “Other”, e.g. swimming pool."),
    )
    municipality = models.CharField(_("municipality"), max_length=120)
    surface_m2 = models.PositiveIntegerField(_("floor area (m²)"), null=True, blank=True)
    vacant_since = models.PositiveSmallIntegerField(_("vacant since (year)"), null=True, blank=True)
    workshop_date = models.DateField(_("workshop date"), null=True, blank=True)
    workshop = RichTextField(_("workshop and design research"), features=SECTION_FEATURES)
    gallery = StreamField(
        [("image", GalleryImageBlock())], verbose_name=_("design research images"), blank=True
    )
    components = StreamField(
        [("component", ComponentBlock())],
        verbose_name=_("inventory of reusable components"),
        blank=True,
    )
    energy_exchange = RichTextField(_("energy exchange"), features=SECTION_FEATURES, blank=True)
    tender_translation = RichTextField(
        _("from design to tender"), features=SECTION_FEATURES, blank=True
    )
    tender_clauses = ParentalManyToManyField(
        "knowledge.TenderClause",
        verbose_name=_("tender clauses it led to"),
        blank=True,
        related_name="pilot_cases",
    )
    revenue_model = RichTextField(_("circular revenue model"), features=SECTION_FEATURES)
    planning_instruments = StreamField(
        [("instrument", PlanningInstrumentBlock())],
        verbose_name=_("planning instruments"),
        blank=True,
    )

    content_panels = KnowledgePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("building_type"),
                FieldPanel("building_type_other"),
                FieldPanel("municipality"),
                FieldPanel("surface_m2"),
                FieldPanel("vacant_since"),
            ],
            heading=_("The building"),
        ),
        MultiFieldPanel(
            [FieldPanel("workshop_date"), FieldPanel("workshop"), FieldPanel("gallery")],
            heading=_("Workshop"),
        ),
        FieldPanel("components"),
        FieldPanel("energy_exchange"),
        FieldPanel("tender_translation"),
        FieldPanel("tender_clauses"),
        FieldPanel("revenue_model"),
        FieldPanel("planning_instruments"),
        FieldPanel("body"),
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("municipality", boost=2),
        index.SearchField("workshop"),
        index.SearchField("components"),
        index.SearchField("revenue_model"),
        index.FilterField("building_type"),
    ]
    api_fields = KnowledgePage.api_fields + [
        APIField("building_type"),
        APIField("building_type_other"),
        APIField("municipality"),
        APIField("surface_m2"),
        APIField("vacant_since"),
        APIField("workshop_date"),
        APIField("workshop"),
        APIField("components"),
        APIField("energy_exchange"),
        APIField("tender_translation"),
        APIField("tender_clauses", serializer=TenderClauseSerializer(many=True)),
        APIField("revenue_model"),
        APIField("planning_instruments"),
    ]
    override_translatable_fields = KnowledgePage.override_translatable_fields + [
        SynchronizedField("tender_clauses"),
    ]
    # The building's facts and the inventory's figures; the municipality is a place name a
    # translator may localise (Gent, Gand), so it follows only when it changed on the source.
    synchronized_fields = KnowledgePage.synchronized_fields + (
        "building_type",
        "surface_m2",
        "vacant_since",
        "workshop_date",
        "tender_clauses",
    )

    synchronized_when_changed = ("municipality",)
    synchronized_stream_fields = {"components": ("quantity", "unit", "condition")}
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/pilot_case_page.html"

    @property
    def building_type_label(self):
        """The building type in words: the editor's own for "other"."""
        if self.building_type == BuildingType.OTHER and self.building_type_other:
            return self.building_type_other
        return self.get_building_type_display()

    def clean(self):
        super().clean()
        if self.building_type == BuildingType.OTHER and not self.building_type_other.strip():
            raise ValidationError(
                {"building_type_other": _("Describe the type of building when it is “Other”.")}
            )

    def get_context(self, request, *args, **kwargs):
        from knowledge.models.taxonomy import TenderClause

        context = super().get_context(request, *args, **kwargs)
        keys = [clause.translation_key for clause in self.tender_clauses.all()]
        context["tender_clauses"] = list(
            TenderClause.objects.filter(
                locale=self.locale, translation_key__in=keys, live=True
            ).order_by("title")
        )
        return context

    class Meta:
        verbose_name = _("pilot case")
        verbose_name_plural = _("pilot cases")


class Audience(models.TextChoices):
    LOCAL_GOVERNMENTS = "local_governments", _("Local governments")
    INITIATORS = "initiators", _("Initiators and developers")
    FLEMISH_GOVERNMENT = "flemish_government", _("Flemish government")


class PolicyRecommendationPage(KnowledgePage):
    """A recommendation for local governments or initiators."""

    audience = models.CharField(_("for"), max_length=30, choices=Audience.choices)
    recommendation = RichTextField(_("the recommendation"), features=SECTION_FEATURES)

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("audience"),
        FieldPanel("recommendation"),
        FieldPanel("body"),
    ]
    synchronized_fields = KnowledgePage.synchronized_fields + ("audience",)
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("recommendation"),
        index.FilterField("audience"),
    ]
    api_fields = KnowledgePage.api_fields + [
        APIField("audience"),
        APIField("recommendation"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    template = "knowledge/policy_recommendation_page.html"

    class Meta:
        verbose_name = _("policy recommendation")
        verbose_name_plural = _("policy recommendations")


KNOWLEDGE_PAGE_TYPES = {
    "lesson": LessonPage,
    "example": PracticeExamplePage,
    "pilot": PilotCasePage,
    "recommendation": PolicyRecommendationPage,
}
