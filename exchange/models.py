"""Offers of reusable components from the pilot buildings, and members' requests for them.

An offer belongs to a pilot case's original (Dutch) page, so every language shows the same
offer and the same remaining quantity. A request holds its quantity from the moment it is
made (status "requested") until it is declined or cancelled; accepting turns the hold into a
reservation and collecting it into impact. The rules are in `exchange.services`.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.search import index

from exchange.geo import validate_coordinates
from knowledge.blocks import CONDITION_CHOICES, UNIT_CHOICES


class ElementType(models.TextChoices):
    DOOR = "door", _("Doors")
    WINDOW = "window", _("Windows and frames")
    FLOORING = "flooring", _("Flooring")
    STRUCTURE = "structure", _("Beams and structural elements")
    CEILING = "ceiling", _("Ceilings and partitions")
    FACADE = "facade", _("Facade and roofing")
    MASONRY = "masonry", _("Bricks and stone")
    LIGHTING = "lighting", _("Lighting")
    FURNITURE = "furniture", _("Furniture")
    SANITARY = "sanitary", _("Sanitary fittings")
    TECHNICAL = "technical", _("Heating and technical installations")
    OTHER = "other", _("Other")


class Material(models.TextChoices):
    WOOD = "wood", _("Wood")
    STEEL = "steel", _("Steel and metal")
    GLASS = "glass", _("Glass")
    STONE = "stone", _("Stone, brick and ceramics")
    CONCRETE = "concrete", _("Concrete")
    TEXTILE = "textile", _("Textile")
    PLASTIC = "plastic", _("Plastic")
    MIXED = "mixed", _("Mixed materials")


class Region(models.TextChoices):
    ANTWERP = "antwerp", _("Antwerp")
    EAST_FLANDERS = "east_flanders", _("East Flanders")
    FLEMISH_BRABANT = "flemish_brabant", _("Flemish Brabant")
    LIMBURG = "limburg", _("Limburg")
    WEST_FLANDERS = "west_flanders", _("West Flanders")
    BRUSSELS = "brussels", _("Brussels")
    WALLONIA = "wallonia", _("Wallonia")


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    RESERVED = "reserved", _("Reserved")
    COLLECTED = "collected", _("Collected")
    DECLINED = "declined", _("Declined")


LISTING_PHOTO = "fill-320x240"  # the rendition the listing shows

# Statuses whose quantity is no longer available to others.
HOLDING_STATUSES = (RequestStatus.REQUESTED, RequestStatus.RESERVED, RequestStatus.COLLECTED)


class ComponentOfferQuerySet(models.QuerySet):
    def with_committed(self):
        """Annotate `committed`: the quantity held, reserved or collected (no extra query)."""
        return self.annotate(
            committed=Coalesce(
                Sum("requests__quantity", filter=Q(requests__status__in=HOLDING_STATUSES)),
                0,
            )
        )

    def published(self):
        return self.filter(published=True, pilot_case__live=True)


class ComponentOffer(index.Indexed, models.Model):
    """Reusable components of one pilot building that members can ask for."""

    pilot_case = models.ForeignKey(
        "knowledge.PilotCasePage",
        verbose_name=_("pilot case"),
        on_delete=models.CASCADE,
        related_name="component_offers",
        help_text=_("The offer is shown on this pilot case in every language."),
    )
    name = models.CharField(_("name (Dutch)"), max_length=160)
    name_fr = models.CharField(_("name (French)"), max_length=160, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    element_type = models.CharField(_("element type"), max_length=20, choices=ElementType.choices)
    material = models.CharField(_("material"), max_length=20, choices=Material.choices)
    quantity = models.PositiveIntegerField(
        _("quantity on offer"),
        help_text=_("Everything ever offered, including what is reserved or collected."),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=UNIT_CHOICES, default="piece")
    weight_per_unit_kg = models.DecimalField(
        _("weight per unit (kg)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_(
            "Leave empty when the weight is not known; not needed for offers in kg or tonnes."
        ),
    )
    dimensions = models.CharField(
        _("dimensions"), max_length=120, blank=True, help_text=_("E.g. 93 × 211 cm")
    )
    condition = models.CharField(_("condition"), max_length=20, choices=CONDITION_CHOICES)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location = models.CharField(
        _("pick-up location"), max_length=200, help_text=_("Address or municipality")
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    available_from = models.DateField(_("available from"), default=timezone.localdate)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("offering organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="component_offers",
        help_text=_("Its members may accept and decline requests."),
    )
    contact_name = models.CharField(_("contact name"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail address"))
    contact_language = models.CharField(
        _("contact's language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Where to pick the components up, e.g. 50.8467; empty: the pilot's place."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("E.g. 4.3525"),
    )
    published = models.BooleanField(_("shown on the site"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ComponentOfferQuerySet.as_manager()

    panels = [
        FieldPanel("pilot_case"),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_fr"), FieldPanel("name_en")],
            heading=_("Name"),
        ),
        FieldRowPanel([FieldPanel("element_type"), FieldPanel("material")]),
        FieldRowPanel(
            [FieldPanel("quantity"), FieldPanel("unit"), FieldPanel("weight_per_unit_kg")]
        ),
        FieldPanel("dimensions"),
        FieldPanel("condition"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("location"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_language"),
            ],
            heading=_("Offering side"),
        ),
        FieldPanel("published"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("name_fr", boost=3),
        index.SearchField("name_en", boost=3),
        index.SearchField("location"),
        index.AutocompleteField("name"),
        index.FilterField("published"),
    ]

    class Meta:
        ordering = ["available_from", "pk"]
        verbose_name = _("component offer")
        verbose_name_plural = _("component offers")
        permissions = [("decide_componentrequest", _("Can accept and decline component requests"))]

    def __str__(self):
        return self.localized_name

    def save(self, *args, **kwargs):
        # Every language shares one offer: keep it on the pilot case's original page.
        if self.pilot_case_id:
            source = self.pilot_case.get_translations(inclusive=True).order_by("pk").first()
            if source and source.pk != self.pilot_case_id:
                self.pilot_case_id = source.pk
        super().save(*args, **kwargs)

    @property
    def localized_name(self):
        """The name in the active language, else the Dutch one."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        return getattr(self, f"name_{language}", "") or self.name

    @property
    def remaining(self):
        """What is still free; needs `with_committed()` (the listings use it)."""
        return max(self.quantity - self.committed, 0)

    def clean(self):
        validate_coordinates(self.latitude, self.longitude)
        errors = {}
        if self.available_until and self.available_until < self.available_from:
            errors["available_until"] = _("The end of the availability is before its start.")
        if self.pk:
            committed = (
                self.requests.filter(status__in=HOLDING_STATUSES).aggregate(total=Sum("quantity"))[
                    "total"
                ]
                or 0
            )
            if self.quantity < committed:
                errors["quantity"] = _(
                    "%(committed)s are already requested, reserved or collected: the quantity "
                    "cannot be lower."
                ) % {"committed": committed}
        if errors:
            raise ValidationError(errors)


class ComponentRequest(models.Model):
    """A member's request for part of an offer, and what the offering side decided."""

    offer = models.ForeignKey(
        ComponentOffer,
        verbose_name=_("offer"),
        on_delete=models.CASCADE,
        related_name="requests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="component_requests",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    message = models.TextField(_("message"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    decision_note = models.TextField(_("note to the member"), max_length=1000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    collected_at = models.DateTimeField(_("collected at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("component request")
        verbose_name_plural = _("component requests")

    def __str__(self):
        return f"{self.name} · {self.quantity} · {self.offer_id}"


MAPPABLE_PAGE_TYPES = ["knowledge.PilotCasePage", "knowledge.PracticeExamplePage"]


class MapLocation(models.Model):
    """Where a pilot building, a practice example or a member organisation is, on the map.

    A page's location is kept on its original page, so every translation shares it.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("pilot case or practice example"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="map_location",
    )
    organisation = models.OneToOneField(
        "network.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="map_location",
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, help_text=_("E.g. 50.8467")
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, help_text=_("E.g. 4.3525")
    )

    panels = [
        PageChooserPanel("page", MAPPABLE_PAGE_TYPES),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta:
        verbose_name = _("map location")
        verbose_name_plural = _("map locations")

    def __str__(self):
        return str(self.page or self.organisation or self.pk)

    def save(self, *args, **kwargs):
        if self.page_id:
            source = self.page.get_translations(inclusive=True).order_by("pk").first()
            if source and source.pk != self.page_id:
                self.page_id = source.pk
        super().save(*args, **kwargs)

    def clean(self):
        if bool(self.page_id) == bool(self.organisation_id):
            raise ValidationError(_("Choose either a page or an organisation."))
        if self.page_id:
            model = self.page.specific_class
            label = f"{model._meta.app_label}.{model.__name__}" if model else ""
            if label not in MAPPABLE_PAGE_TYPES:
                raise ValidationError(
                    {"page": _("Only pilot cases and practice examples go on the map.")}
                )
        validate_coordinates(self.latitude, self.longitude)
