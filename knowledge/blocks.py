"""Structured blocks of the knowledge pages: the pilot cases' inventories and galleries."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import KeyFigureBlock

UNIT_CHOICES = [
    ("piece", _("pieces")),
    ("m2", _("m²")),
    ("m3", _("m³")),
    ("m", _("m")),
    ("kg", _("kg")),
    ("tonne", _("tonnes")),
]
CONDITION_CHOICES = [
    ("good", _("Good: reusable as is")),
    ("repair", _("Needs repair")),
    ("recycle", _("Only fit for recycling")),
]


class ComponentStructValue(blocks.StructValue):
    def unit_label(self):
        return dict(UNIT_CHOICES).get(self.get("unit"), self.get("unit"))

    def condition_label(self):
        return dict(CONDITION_CHOICES).get(self.get("condition"), self.get("condition"))


class ComponentBlock(blocks.StructBlock):
    """One line of a reuse inventory: what, how much, in what state, where it goes."""

    element = blocks.CharBlock(label=_("Element"), max_length=160)
    quantity = blocks.DecimalBlock(label=_("Quantity"), min_value=0, decimal_places=2)
    unit = blocks.ChoiceBlock(label=_("Unit"), choices=UNIT_CHOICES, default="piece")
    condition = blocks.ChoiceBlock(label=_("Condition"), choices=CONDITION_CHOICES)
    destination = blocks.CharBlock(label=_("Destination"), max_length=240)

    class Meta:
        icon = "list-ul"
        label = _("Component")
        value_class = ComponentStructValue


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Alternative text"), max_length=250)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Gallery image")


class PlanningInstrumentBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Instrument"), max_length=160)
    how_used = blocks.TextBlock(label=_("How it was used"))

    class Meta:
        icon = "doc-full"
        label = _("Planning instrument")


class ResultFigureBlock(KeyFigureBlock):
    class Meta:
        icon = "pick"
        label = _("Result in figures")
