"""Offers are found by the site search, in the reader's language; hidden ones are not."""

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
