"""The network map's items, built once for the map page's list and its GeoJSON endpoint.

Only what a visitor may see: live, public pages (in the reader's language where translated),
published offers that are not over, and organisations with a location. Five queries,
whatever the number of items.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from exchange.models import ComponentOffer, MapLocation
from home.privacy import public

KINDS = {
    "pilot": _("Pilot buildings"),
    "offer": _("Components on offer"),
    "organisation": _("Member organisations"),
    "example": _("Practice examples"),
}
PAGE_KINDS = {"pilotcasepage": "pilot", "practiceexamplepage": "example"}


@dataclass
class MapItem:
    kind: str
    title: str
    url: str
    latitude: float
    longitude: float

    @property
    def kind_label(self):
        return str(KINDS[self.kind])


def _localized_pages(sources, language):
    """Each source page's live, public page in `language`, else the source itself if live
    and public; pages that are neither are left out (one query)."""
    keys = {page.translation_key for page in sources}
    visible = {}
    for page in (
        public(Page.objects.live())
        .filter(translation_key__in=keys)
        .filter(Q(locale__language_code=language) | Q(pk__in=[p.pk for p in sources]))
        .select_related("locale")
    ):
        current = visible.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            visible[page.translation_key] = page
    return visible


def map_items(language, today=None):
    """Every item of the map for readers of `language`, grouped by kind in KINDS order."""
    today = today or timezone.localdate()
    locations = list(MapLocation.objects.select_related("page__content_type", "organisation"))
    page_locations = [location for location in locations if location.page_id]
    pages = _localized_pages([location.page for location in page_locations], language)
    items = []
    place_of_page = {}
    for location in page_locations:
        place_of_page[location.page.translation_key] = location
        page = pages.get(location.page.translation_key)
        kind = PAGE_KINDS.get(location.page.content_type.model)
        if page is None or kind is None:
            continue
        items.append(
            MapItem(kind, page.title, page.url, float(location.latitude), float(location.longitude))
        )
    for location in locations:
        if location.organisation_id:
            organisation = location.organisation
            items.append(
                MapItem(
                    "organisation",
                    organisation.name,
                    reverse("organisation_detail", args=[organisation.slug]),
                    float(location.latitude),
                    float(location.longitude),
                )
            )
    offers = (
        ComponentOffer.objects.published()
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=today))
        .select_related("pilot_case")
        .order_by("pk")
    )
    for offer in offers:
        place = offer if offer.latitude is not None else None
        if place is None:
            pilot_location = place_of_page.get(offer.pilot_case.translation_key)
            if pilot_location is None or pilot_location.page.translation_key not in pages:
                continue
            place = pilot_location
        items.append(
            MapItem(
                "offer",
                offer.localized_name,
                reverse("exchange_offer", args=[offer.pk]),
                float(place.latitude),
                float(place.longitude),
            )
        )
    order = list(KINDS)
    items.sort(key=lambda item: (order.index(item.kind), item.title.lower()))
    return items


def feature_collection(items, absolute):
    """The items as a GeoJSON FeatureCollection (RFC 7946: longitude first)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(item.longitude, 6), round(item.latitude, 6)],
                },
                "properties": {
                    "kind": item.kind,
                    "kind_label": item.kind_label,
                    "title": item.title,
                    "url": absolute(item.url),
                },
            }
            for item in items
        ],
    }


def grouped(items):
    """[(kind label, items)] in KINDS order, kinds without items left out."""
    return [
        (str(label), [item for item in items if item.kind == kind])
        for kind, label in KINDS.items()
        if any(item.kind == kind for item in items)
    ]
