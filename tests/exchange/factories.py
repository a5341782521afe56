"""Factories for component offers."""

import datetime

import factory

from exchange.models import ComponentOffer


class ComponentOfferFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Houten binnendeur {n}")
    name_fr = factory.Sequence(lambda n: f"Porte intérieure en bois {n}")
    name_en = factory.Sequence(lambda n: f"Wooden interior door {n}")
    element_type = "door"
    material = "wood"
    quantity = 10
    unit = "piece"
    weight_per_unit_kg = "25.00"
    dimensions = "93 × 211 cm"
    condition = "good"
    location = "Schoolstraat 1, Herzele"
    region = "east_flanders"
    available_from = datetime.date(2026, 1, 1)
    contact_name = "An Peeters"
    contact_email = "an.peeters@herzele.be"
    contact_language = "nl"

    class Meta:
        model = ComponentOffer
