"""Community models: organisations (members and their profiles follow)."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    PUBLIC_BODY = "public_body", _("Public body")
    SUPPLIER = "supplier", _("Supplier")
    SECTOR_ORGANISATION = "sector_organisation", _("Sector organisation")
    KNOWLEDGE_INSTITUTION = "knowledge_institution", _("Knowledge institution")
    NGO = "ngo", _("NGO")


class Organisation(index.Indexed, models.Model):
    """A member organisation of the network. Names are proper nouns: not translated."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)
    green_deal_participant = models.BooleanField(
        _("takes part in the Green Deal Circular Procurement"), default=False
    )
    region = models.CharField(
        _("region or municipality"), max_length=120, blank=True, help_text=_("E.g. Gent")
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("type"),
        FieldPanel("green_deal_participant"),
        FieldPanel("region"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("region"),
        index.FilterField("type"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)
