"""Themes, procurement phases and the tender-clause library."""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.text_analysis import object_stems


class ProcurementPhase(models.TextChoices):
    NEEDS_ANALYSIS = "needs_analysis", _("Needs analysis")
    MARKET_CONSULTATION = "market_consultation", _("Market consultation")
    TENDER = "tender", _("Tender")
    CONTRACT_MANAGEMENT = "contract_management", _("Contract management")


class ClauseKind(models.TextChoices):
    SELECTION_CRITERION = "selection_criterion", _("Selection criterion")
    TECHNICAL_SPECIFICATION = "technical_specification", _("Technical specification")
    AWARD_CRITERION = "award_criterion", _("Award criterion")
    CONTRACT_CLAUSE = "contract_clause", _("Contract clause")


class AmbitionLevel(models.IntegerChoices):
    """How far a clause goes, as in the Flemish and Dutch criteria tools."""

    BASIC = 1, _("Basic")
    SIGNIFICANT = 2, _("Significant")
    AMBITIOUS = 3, _("Ambitious")


class ClauseLicence(models.TextChoices):
    CC_BY_4 = "CC-BY-4.0", "CC BY 4.0"


LICENCE_DETAILS = {
    ClauseLicence.CC_BY_4: {
        "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
}

REFERENCE_PREFIX = "DCA"
reference_validator = RegexValidator(
    r"^[A-Z0-9]+(-[A-Z0-9]+)+$",
    _("Use capital letters and digits in parts joined by hyphens, for example DCA-MEU-004."),
)


class EditorialMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    """Drafts, revisions, locking and the review workflow, as knowledge pages have them.

    Readers see only what is live; see `live()` in the knowledge listings.
    """

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions


def revisions_relation(name):
    return GenericRelation("wagtailcore.Revision", related_query_name=name)


def workflow_states_relation(name):
    return GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name=name,
        for_concrete_model=False,
    )


class Theme(EditorialMixin, TranslatableMixin, index.Indexed, models.Model):
    """A product group or topic (building materials, ICT, furniture ...), per language."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    _revisions = revisions_relation("theme")
    workflow_states = workflow_states_relation("theme")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class TenderClause(EditorialMixin, TranslatableMixin, index.Indexed, models.Model):
    """A reusable clause for circular tenders, ready to copy into one's own tender."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="clauses"
    )
    phase = models.CharField(
        _("procurement phase"), max_length=30, choices=ProcurementPhase.choices
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ClauseKind.choices)
    text = models.TextField(_("clause text"), help_text=_("The text buyers copy into a tender."))
    rationale = models.TextField(_("why this clause"), blank=True)
    source_example = models.ForeignKey(
        "knowledge.PracticeExamplePage",
        verbose_name=_("example where it was used"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ambition_level = models.PositiveSmallIntegerField(
        _("ambition level"), choices=AmbitionLevel.choices, default=AmbitionLevel.BASIC
    )
    reference = models.CharField(
        _("reference"),
        max_length=30,
        blank=True,
        validators=[reference_validator],
        help_text=_(
            "A stable number buyers quote in their tender, the same in every language. "
            "Left empty, one is made from the theme (DCA-MEU-004)."
        ),
    )
    verification_bidder = models.TextField(
        _("what the bidder provides"),
        blank=True,
        help_text=_("The evidence a tenderer or contractor hands in to show it meets the clause."),
    )
    verification_buyer = models.TextField(
        _("how the buyer checks"),
        blank=True,
        help_text=_("How the contracting authority verifies that evidence."),
    )
    source_organisation = models.CharField(
        _("source organisation"),
        max_length=200,
        blank=True,
        help_text=_("The buyer that first used this clause in a tender."),
    )
    source_tender_title = models.CharField(_("source tender"), max_length=255, blank=True)
    source_tender_year = models.PositiveSmallIntegerField(
        _("year of the source tender"), null=True, blank=True
    )
    source_tender_reference = models.CharField(
        _("reference of the source tender"), max_length=100, blank=True
    )
    source_tender_url = models.URLField(_("address of the source tender"), blank=True)
    added_on = models.DateField(_("date added"), default=timezone.localdate)
    reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=ClauseLicence.choices, default=ClauseLicence.CC_BY_4
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    _revisions = revisions_relation("tender_clause")
    workflow_states = workflow_states_relation("tender_clause")

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("reference"), FieldPanel("ambition_level")]),
        FieldPanel("theme"),
        FieldPanel("phase"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("rationale"),
        MultiFieldPanel(
            [FieldPanel("verification_bidder"), FieldPanel("verification_buyer")],
            heading=_("Verification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("source_organisation"),
                FieldPanel("source_tender_title"),
                FieldRowPanel(
                    [FieldPanel("source_tender_year"), FieldPanel("source_tender_reference")]
                ),
                FieldPanel("source_tender_url"),
                FieldPanel("source_example"),
            ],
            heading=_("Provenance"),
        ),
        FieldRowPanel([FieldPanel("added_on"), FieldPanel("reviewed_on")]),
        FieldPanel("licence"),
    ]
    # Facts are the same in every language: translators translate the text around them.
    override_translatable_fields = [
        SynchronizedField("reference"),
        SynchronizedField("ambition_level"),
        SynchronizedField("source_organisation"),
        SynchronizedField("source_tender_title"),
        SynchronizedField("source_tender_year"),
        SynchronizedField("source_tender_reference"),
        SynchronizedField("source_tender_url"),
        SynchronizedField("added_on"),
        SynchronizedField("reviewed_on"),
        SynchronizedField("licence"),
    ]
    # Copied from the clause in its original language to its translations on every save.
    FACT_FIELDS = (
        "reference",
        "ambition_level",
        "phase",
        "kind",
        "source_organisation",
        "source_tender_title",
        "source_tender_year",
        "source_tender_reference",
        "source_tender_url",
        "added_on",
        "reviewed_on",
        "licence",
    )
    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("rationale", boost=2),
        index.SearchField("text"),
        index.SearchField("reference", boost=4),
        index.SearchField("search_stems"),
        index.FilterField("locale_id"),
        index.FilterField("theme_id"),
        index.FilterField("phase"),
        index.FilterField("kind"),
        index.FilterField("ambition_level"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("tender clause")
        verbose_name_plural = _("tender clauses")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_tender_clause_slug_per_locale"
            ),
            models.UniqueConstraint(
                fields=["locale", "reference"], name="unique_tender_clause_reference_per_locale"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = next_reference(self.theme)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.reference and (
            TenderClause.objects.filter(reference=self.reference)
            .exclude(translation_key=self.translation_key)
            .exists()
        ):
            raise ValidationError({"reference": _("Another clause already has this reference.")})

    @property
    def licence_details(self):
        """Name and address of the clause's licence."""
        return {"code": self.licence, **LICENCE_DETAILS[ClauseLicence(self.licence)]}

    @property
    def has_verification(self):
        return bool(self.verification_bidder or self.verification_buyer)

    @property
    def source_tender(self):
        """The source tender in one line: title, year and reference, as a buyer cites it."""
        parts = [self.source_tender_title, self.source_tender_year, self.source_tender_reference]
        return ", ".join(str(part) for part in parts if part)

    search_stems = object_stems  # the stems of its searchable text (home.text_analysis)


def reference_code(theme):
    """Three capitals for a theme in references, from its language-independent key
    (`meubilair` -> `MEU` in every language)."""
    from knowledge.taxonomy_keys import theme_key

    letters = re.sub(r"[^A-Z0-9]", "", slugify(theme_key(theme)).upper())
    return (letters or "GEN")[:3]


def next_reference(theme):
    """The next free reference of a theme's series, e.g. DCA-MEU-005 after DCA-MEU-004.

    Numbers are counted over every language: translations share their source's reference.
    """
    prefix = f"{REFERENCE_PREFIX}-{reference_code(theme)}-"
    taken = TenderClause.objects.filter(reference__startswith=prefix).values_list(
        "reference", flat=True
    )
    numbers = [int(ref[len(prefix) :]) for ref in taken if ref[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"
