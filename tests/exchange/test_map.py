"""The network map: GeoJSON per language (validated), the list without JavaScript, and
coordinates that must lie in or near Belgium."""

import geojson
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from exchange.models import MapLocation
from tests.exchange.factories import ComponentOfferFactory
from tests.knowledge.factories import PracticeExamplePageFactory


def url(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def places(pilot, offer, organisation, knowledge_tree):
    """The pilot in Herzele, its organisation, and a private practice example."""
    MapLocation.objects.create(page=pilot["fr"], latitude="50.8345", longitude="3.8870")
    MapLocation.objects.create(organisation=organisation, latitude="50.8400", longitude="3.8900")
    hidden = PracticeExamplePageFactory(parent=knowledge_tree.indexes["nl"], title="Verborgen")
    hidden.unpublish()
    MapLocation.objects.create(page=hidden, latitude="51.0", longitude="4.0")
    return pilot


@pytest.mark.parametrize(
    ("language", "pilot_title", "offer_name"),
    [
        ("nl", "Oude school Herzele", "Houten binnendeur"),
        ("fr", "Ancienne école d'Herzele", "Porte intérieure en bois"),
        ("en", "Old school in Herzele", "Wooden interior door"),
    ],
)
def test_geojson_is_valid_and_in_the_readers_language(
    client, places, offer, language, pilot_title, offer_name
):
    response = client.get(url("exchange_map_geojson", language))
    assert response["Content-Type"] == "application/geo+json"
    collection = geojson.loads(response.content.decode())
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    by_kind = {f["properties"]["kind"]: f for f in collection["features"]}
    assert sorted(by_kind) == ["offer", "organisation", "pilot"]  # the private example is not
    assert by_kind["pilot"]["properties"]["title"] == pilot_title
    assert by_kind["pilot"]["properties"]["url"] == f"http://testserver{places[language].url}"
    assert by_kind["pilot"]["geometry"]["coordinates"] == [3.887, 50.8345]
    # An offer without coordinates of its own is placed at its pilot building.
    assert by_kind["offer"]["properties"]["title"].startswith(offer_name)
    assert by_kind["offer"]["geometry"]["coordinates"] == [3.887, 50.8345]


def test_the_list_holds_the_same_places_without_javascript(client, places, offer):
    ComponentOfferFactory(
        pilot_case=places["nl"],
        name="Stalen ligger",
        name_en="Steel beam",
        latitude="50.9",
        longitude="4.1",
    )
    html = client.get(url("exchange_map", "en")).content.decode()
    for text in ("Pilot buildings", "Old school in Herzele", "Gemeente Herzele", "Steel beam"):
        assert text in html
    assert "Verborgen" not in html
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert "<script>" not in html  # no inline script


def test_the_tile_host_is_allowed_for_images(client, places):
    policy = client.get(url("exchange_map", "nl"))["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "https://tile.openstreetmap.org" in img_src


def test_the_map_query_count_does_not_grow(client, places, pilot, django_assert_num_queries):
    client.get(url("exchange_map_geojson", "nl"))
    with django_assert_num_queries(3) as captured:
        client.get(url("exchange_map_geojson", "nl"))
    for n in range(5):
        ComponentOfferFactory(pilot_case=pilot["nl"], name=f"Deur {n}")
    with django_assert_num_queries(len(captured.captured_queries)):
        response = client.get(url("exchange_map_geojson", "nl"))
    assert len(response.json()["features"]) == 8


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [
        ("51.9000", "2.5000", "latitude"),  # the North Sea
        ("50.8500", "-20.0000", "longitude"),  # the Atlantic
        ("4.3500", "50.8500", "latitude"),  # swapped
    ],
)
def test_coordinates_in_the_ocean_are_refused_clearly(pilot, offer, latitude, longitude, field):
    location = MapLocation(page=pilot["nl"], latitude=latitude, longitude=longitude)
    with pytest.raises(ValidationError) as refused:
        location.full_clean()
    with translation.override("nl"):
        message = refused.value.message_dict[field][0]
    assert "België" in message
    offer.latitude, offer.longitude = latitude, longitude
    with pytest.raises(ValidationError):
        offer.full_clean()


def test_only_pilots_and_examples_go_on_the_map(knowledge_tree, organisation, pilot):
    with pytest.raises(ValidationError):
        MapLocation(
            page=knowledge_tree.indexes["nl"], latitude="50.8", longitude="4.3"
        ).full_clean()
    with pytest.raises(ValidationError):
        MapLocation(
            page=pilot["nl"], organisation=organisation, latitude="50.8", longitude="4.3"
        ).full_clean()
    MapLocation(page=pilot["en"], latitude="50.8", longitude="4.3").full_clean()
