"""The demo offers: components on offer in three pilots, loaded once however often it runs."""

import pytest

from exchange import demo as exchange_demo
from exchange import services
from exchange.models import ComponentOffer, ComponentRequest, MapLocation
from knowledge import demo as knowledge_demo


@pytest.mark.django_db
def test_demo_offers_come_from_three_pilots_and_load_once():
    knowledge_demo.load()
    exchange_demo.load()
    offers = list(ComponentOffer.objects.order_by("pk").values_list("pk", "pilot_case_id"))
    requests = list(ComponentRequest.objects.order_by("pk").values_list("pk", flat=True))
    places = MapLocation.objects.count()
    exchange_demo.load()
    assert MapLocation.objects.count() == places == 10
    assert list(ComponentOffer.objects.order_by("pk").values_list("pk", "pilot_case_id")) == (
        offers
    )
    assert list(ComponentRequest.objects.order_by("pk").values_list("pk", flat=True)) == requests
    assert len({pilot for _pk, pilot in offers}) == 3
    assert all(
        offer.pilot_case.locale.language_code == "nl" for offer in ComponentOffer.objects.all()
    )
    figures = services.impact()
    assert [(group.unit, group.quantity) for group in figures.groups] == [("piece", 210)]
    assert figures.unweighed == []
    assert figures.kilograms == 4 * 32 + 6 * 60 + 200 * 1.5
