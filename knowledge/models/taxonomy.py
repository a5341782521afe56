"""Themes, procurement phases and the tender-clause library."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

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


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A product group or topic (building materials, ICT, furniture ...), per language."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

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


class TenderClause(TranslatableMixin, index.Indexed, models.Model):
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
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("theme"),
        FieldPanel("phase"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("rationale"),
        FieldPanel("source_example"),
    ]
    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("rationale", boost=2),
        index.SearchField("text"),
        index.SearchField("search_stems"),
        index.FilterField("locale_id"),
        index.FilterField("theme_id"),
        index.FilterField("phase"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("tender clause")
        verbose_name_plural = _("tender clauses")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_tender_clause_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.title

    def search_stems(self):
        """Stems of the searchable text in the clause's language (see home.text_analysis)."""
        return object_stems(self)
