"""Demo offers: components on offer from the three demo pilot cases, some already collected,
and the places of the pilots, their municipalities and Belgian practice examples on the map.

Runs after knowledge.demo (it needs the pilot cases and organisations). Idempotent: offers
are found by pilot case and Dutch name, and their collected requests by e-mail address.
"""

import datetime

from django.utils import timezone

from exchange.models import ComponentOffer, ComponentRequest, MapLocation, RequestStatus
from knowledge.models import KnowledgePage, PilotCasePage
from network.models import Organisation

OFFERS = [
    {
        "pilot": "oude-jongensschool-herzele",
        "organisation": "Gemeente Herzele",
        "name": "Houten binnendeuren met bovenlicht",
        "name_fr": "Portes intérieures en bois avec imposte",
        "name_en": "Wooden interior doors with fanlight",
        "element_type": "door",
        "material": "wood",
        "quantity": 12,
        "unit": "piece",
        "weight_per_unit_kg": "32",
        "dimensions": "93 × 211 cm",
        "condition": "good",
        "location": "Markt 20, 9550 Herzele",
        "region": "east_flanders",
        "collected": [("Stad Aalst", "aankoop@aalst.example", "nl", 4)],
    },
    {
        "pilot": "oude-jongensschool-herzele",
        "organisation": "Gemeente Herzele",
        "name": "Schoolborden in leisteen",
        "name_fr": "Tableaux d'école en ardoise",
        "name_en": "Slate school blackboards",
        "element_type": "other",
        "material": "stone",
        "quantity": 6,
        "unit": "piece",
        "weight_per_unit_kg": "45",
        "dimensions": "300 × 120 cm",
        "condition": "repair",
        "location": "Markt 20, 9550 Herzele",
        "region": "east_flanders",
        "collected": [],
    },
    {
        "pilot": "sint-jozefkerk-mechelen",
        "organisation": "Stad Mechelen",
        "name": "Eiken kerkbanken",
        "name_fr": "Bancs d'église en chêne",
        "name_en": "Oak church pews",
        "element_type": "furniture",
        "material": "wood",
        "quantity": 20,
        "unit": "piece",
        "weight_per_unit_kg": "60",
        "dimensions": "400 × 50 cm",
        "condition": "good",
        "location": "Sint-Jozefstraat, 2800 Mechelen",
        "region": "antwerp",
        "collected": [("Ville de Namur", "achats@namur.example", "fr", 6)],
    },
    {
        "pilot": "sint-jozefkerk-mechelen",
        "organisation": "Stad Mechelen",
        "name": "Natuurstenen vloertegels",
        "name_fr": "Dalles de sol en pierre naturelle",
        "name_en": "Natural stone floor tiles",
        "element_type": "flooring",
        "material": "stone",
        "quantity": 140,
        "unit": "m2",
        "weight_per_unit_kg": "55",
        "dimensions": "40 × 40 × 3 cm",
        "condition": "good",
        "location": "Sint-Jozefstraat, 2800 Mechelen",
        "region": "antwerp",
        "starts_in_days": 60,
        "collected": [],
    },
    {
        "pilot": "voormalig-belastingkantoor-kortrijk",
        "organisation": "Stad Kortrijk",
        "name": "Systeemplafondtegels",
        "name_fr": "Dalles de faux plafond",
        "name_en": "Suspended ceiling tiles",
        "element_type": "ceiling",
        "material": "mixed",
        "quantity": 600,
        "unit": "piece",
        "weight_per_unit_kg": "1.5",
        "dimensions": "60 × 60 cm",
        "condition": "good",
        "location": "Doorniksestraat, 8500 Kortrijk",
        "region": "west_flanders",
        "collected": [("Circular Office BV", "info@circular-office.example", "en", 200)],
    },
    {
        "pilot": "voormalig-belastingkantoor-kortrijk",
        "organisation": "Stad Kortrijk",
        "name": "Led-armaturen",
        "name_fr": "Luminaires LED",
        "name_en": "LED light fittings",
        "element_type": "lighting",
        "material": "mixed",
        "quantity": 85,
        "unit": "piece",
        "weight_per_unit_kg": "3.2",
        "dimensions": "120 × 30 cm",
        "condition": "good",
        "location": "Doorniksestraat, 8500 Kortrijk",
        "region": "west_flanders",
        "collected": [],
    },
]


# (Dutch slug of a pilot case or practice example, latitude, longitude)
PAGE_PLACES = [
    ("oude-jongensschool-herzele", "50.886600", "3.890600"),
    ("sint-jozefkerk-mechelen", "51.028000", "4.477700"),
    ("voormalig-belastingkantoor-kortrijk", "50.827900", "3.264900"),
    ("refurbished-kantoormeubilair-gent", "51.054300", "3.717400"),
    ("licht-als-dienst-sporthallen-mechelen", "51.031000", "4.486000"),
    ("herbruikbare-bekers-leuven", "50.879800", "4.700500"),
    ("sloopinventaris-stadskantoor-kortrijk", "50.825000", "3.270000"),
]
ORGANISATION_PLACES = [
    ("Gemeente Herzele", "50.887500", "3.892000"),
    ("Stad Mechelen", "51.027600", "4.478900"),
    ("Stad Kortrijk", "50.828500", "3.265300"),
]


def load_places():
    for slug, latitude, longitude in PAGE_PLACES:
        page = (
            KnowledgePage.objects.filter(slug=slug, locale__language_code="nl")
            .order_by("pk")
            .first()
        )
        if page is not None:
            MapLocation.objects.get_or_create(
                page=page, defaults={"latitude": latitude, "longitude": longitude}
            )
    for name, latitude, longitude in ORGANISATION_PLACES:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is not None:
            MapLocation.objects.get_or_create(
                organisation=organisation,
                defaults={"latitude": latitude, "longitude": longitude},
            )


def load():
    load_places()
    today = timezone.localdate()
    for spec in OFFERS:
        pilot = (
            PilotCasePage.objects.filter(slug=spec["pilot"], locale__language_code="nl")
            .order_by("pk")
            .first()
        )
        if pilot is None:
            continue
        offer, _created = ComponentOffer.objects.get_or_create(
            pilot_case=pilot,
            name=spec["name"],
            defaults={
                "name_fr": spec["name_fr"],
                "name_en": spec["name_en"],
                "element_type": spec["element_type"],
                "material": spec["material"],
                "quantity": spec["quantity"],
                "unit": spec["unit"],
                "weight_per_unit_kg": spec["weight_per_unit_kg"],
                "dimensions": spec["dimensions"],
                "condition": spec["condition"],
                "location": spec["location"],
                "region": spec["region"],
                "available_from": today + datetime.timedelta(days=spec.get("starts_in_days", 0)),
                "available_until": today + datetime.timedelta(days=365),
                "organisation": Organisation.objects.filter(name=spec["organisation"]).first(),
                "contact_name": "Dienst Patrimonium",
                "contact_email": f"patrimonium@{spec['organisation'].split()[-1].lower()}.example",
            },
        )
        for organisation_name, email, language, quantity in spec["collected"]:
            ComponentRequest.objects.get_or_create(
                offer=offer,
                email=email,
                defaults={
                    "name": organisation_name,
                    "organisation_name": organisation_name,
                    "language": language,
                    "quantity": quantity,
                    "message": "Demo",
                    "status": RequestStatus.COLLECTED,
                    "decided_at": timezone.now(),
                    "collected_at": timezone.now(),
                },
            )
