"""Offers are found by the site search, in the reader's language; hidden ones are not."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests.exchange.factories import ComponentOfferFactory


@pytest.mark.parametrize(
    ("language", "query", "name"),
    [
        ("nl", "binnendeur", "Houten binnendeur"),
        ("fr", "porte bois", "Porte intérieure en bois"),
        ("en", "wooden door", "Wooden interior door"),
    ],
)
def test_the_site_search_finds_offers(client, pilot, offer, language, query, name):
    ComponentOfferFactory(pilot_case=pilot["nl"], name="Verborgen binnendeur", published=False)
    with translation.override(language):
        search_url = reverse("search")
        offer_url = reverse("exchange_offer", args=[offer.pk])
    html = client.get(search_url, {"q": query}).content.decode()
    assert f'href="{offer_url}">{name}' in html
    assert "Verborgen" not in html


def test_short_or_unrelated_words_find_no_offer(client, offer):
    html = client.get("/nl/search/", {"q": "ab xyzzy"}).content.decode()
    assert 'id="search-offers-title"' not in html


def offer_names(client, query):
    html = client.get("/nl/search/", {"q": query}).content.decode()
    return [
        name for name in ("Eiken binnendeur", "Oude radiator", "Houten binnendeur") if name in html
    ]


def test_found_offers_follow_every_change_without_a_stale_read(client, pilot):
    """The searchable offers are cached: a new, changed, ended or unpublished offer and an
    unpublished pilot case show in the very next search."""
    from exchange.models import ComponentOffer

    first = ComponentOfferFactory(pilot_case=pilot["nl"], name="Eiken binnendeur")
    assert offer_names(client, "binnendeur") == ["Eiken binnendeur"]

    ComponentOfferFactory(pilot_case=pilot["nl"], name="Oude radiator", location="Gent")
    assert offer_names(client, "radiator") == ["Oude radiator"]
    assert offer_names(client, "GENT") == ["Oude radiator"]  # any case, the place too

    first.name = "Houten binnendeur"
    first.save()
    assert offer_names(client, "binnendeur") == ["Houten binnendeur"]

    first.available_until = datetime.date(2026, 2, 1)  # over: the offer is no longer found
    first.save()
    assert offer_names(client, "binnendeur") == []

    ComponentOffer.objects.filter(name="Oude radiator").update(published=False)
    ComponentOffer.objects.get(name="Oude radiator").save()  # as the admin saves it
    assert offer_names(client, "radiator") == []

    ComponentOfferFactory(pilot_case=pilot["nl"], name="Eiken binnendeur")
    assert offer_names(client, "binnendeur") == ["Eiken binnendeur"]
    pilot["nl"].unpublish()
    assert offer_names(client, "binnendeur") == []


def test_the_first_five_offers_are_found_in_the_order_offers_are_listed(pilot):
    from exchange.services import search_offers

    for day in (5, 3, 1, 4, 2, 6):
        ComponentOfferFactory(
            pilot_case=pilot["nl"],
            name=f"Radiator {day}",
            available_from=datetime.date(2026, 1, day),
        )
    found = search_offers("radiator", today=datetime.date(2026, 3, 1))
    assert [offer.name for offer in found] == [f"Radiator {day}" for day in (1, 2, 3, 4, 5)]
