"""The exchange's rules: holding, accepting, declining, collecting, e-mails and impact."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from exchange import services
from exchange.models import ComponentOffer, ComponentRequest, RequestStatus
from tests.exchange.factories import ComponentOfferFactory


def test_a_request_holds_its_quantity_and_mails_both_sides(offer, requester, mailoutbox, committed):
    with committed():
        held = services.request_components(offer, requester(1), 4, "Voor ons buurthuis.")
    assert held.status == RequestStatus.REQUESTED
    assert services.remaining_quantity(offer) == 6
    assert [m.to for m in mailoutbox] == [["aanvrager1@example.org"], ["an.peeters@herzele.be"]]
    assert "Houten binnendeur" in mailoutbox[1].subject
    assert "Voor ons buurthuis." in mailoutbox[1].body


def test_asking_for_more_than_is_left_is_refused_with_what_is_left(offer, requester):
    services.request_components(offer, requester(1), 8, "Graag.")
    with pytest.raises(services.ExchangeError) as refused:
        services.request_components(offer, requester(2), 3, "Graag.")
    assert refused.value.code == "too_many"
    assert "2" in str(refused.value.message)
    assert ComponentRequest.objects.count() == 1


def test_nothing_left_is_said_plainly(offer, requester):
    services.request_components(offer, requester(1), 10, "Alles.")
    with pytest.raises(services.ExchangeError) as refused:
        services.request_components(offer, requester(2), 1, "Eén.")
    assert refused.value.code == "none_left"


def test_accept_reserves_and_collect_counts(offer, requester, decider, mailoutbox, committed):
    held = services.request_components(offer, requester(1), 4, "Graag.")
    with committed():
        reserved = services.accept(held, user=decider, note="Ophalen op maandag.")
    assert reserved.status == RequestStatus.RESERVED
    assert reserved.decided_by == decider
    assert services.remaining_quantity(offer) == 6
    collected = services.mark_collected(reserved, user=decider)
    assert collected.status == RequestStatus.COLLECTED
    assert collected.collected_at is not None
    assert services.remaining_quantity(offer) == 6
    assert "Ophalen op maandag." in mailoutbox[0].body


def test_decline_frees_the_quantity(offer, requester, decider):
    held = services.request_components(offer, requester(1), 10, "Alles.")
    services.decline(held, user=decider, note="Al beloofd aan de school.")
    assert services.remaining_quantity(offer) == 10
    services.request_components(offer, requester(2), 10, "Nu wel.")


def test_a_decision_cannot_be_taken_twice(offer, requester, decider):
    held = services.request_components(offer, requester(1), 1, "Eén.")
    services.decline(held, user=decider)
    with pytest.raises(services.ExchangeError):
        services.accept(held, user=decider)
    with pytest.raises(services.ExchangeError):
        services.mark_collected(held, user=decider)


@pytest.mark.parametrize(
    ("language", "received", "reserved", "declined"),
    [
        ("nl", "Je aanvraag voor", "Voor jou gereserveerd", "is afgewezen"),
        ("fr", "Ta demande pour", "Réservé pour toi", "a été refusée"),
        ("en", "Your request for", "Reserved for you", "was declined"),
    ],
)
def test_e_mails_are_in_the_members_language(
    offer, requester, decider, mailoutbox, committed, language, received, reserved, declined
):
    with committed():
        first = services.request_components(offer, requester(1, language=language), 1, "1")
        second = services.request_components(offer, requester(2, language=language), 1, "2")
    with committed():
        services.accept(first, user=decider)
        services.decline(second, user=decider)
    to_member = [m for m in mailoutbox if m.to == [first.email] or m.to == [second.email]]
    assert received in to_member[0].subject
    assert reserved in to_member[2].subject
    assert declined in to_member[3].subject
    assert all(m.extra_headers["Content-Language"] == language for m in to_member)
    assert f"/{language}/components/{offer.pk}/" in to_member[2].body
    # The offering side hears in its contact's language, whatever the member's.
    to_contact = [m for m in mailoutbox if m.to == [offer.contact_email]]
    assert all("Nieuwe aanvraag" in m.subject for m in to_contact)


def test_an_offer_on_a_translation_belongs_to_the_original_page(pilot):
    offer = ComponentOfferFactory(pilot_case=pilot["fr"])
    assert offer.pilot_case_id == pilot["nl"].pk


def test_the_quantity_cannot_drop_below_what_is_taken(offer, requester):
    services.request_components(offer, requester(1), 6, "Graag.")
    offer.quantity = 5
    with pytest.raises(ValidationError) as refused:
        offer.full_clean()
    assert "quantity" in refused.value.message_dict


def collect(offer, requester, quantity, n=0):
    held = services.request_components(offer, requester(n), quantity, "Graag.")
    services.mark_collected(services.accept(held))


def test_impact_adds_up_collected_units_and_kilograms(pilot, offer, requester, knowledge_tree):
    beams = ComponentOfferFactory(
        pilot_case=pilot["nl"], element_type="structure", quantity=5, weight_per_unit_kg="120"
    )
    for item, quantity in ((offer, 3), (offer, 2), (beams, 4)):
        collect(item, requester, quantity)
    services.request_components(offer, requester(9), 1, "Nog niet opgehaald.")
    figures = services.impact(pilot_case=pilot["en"])
    [pieces] = figures.groups
    assert (pieces.unit, pieces.quantity, pieces.unweighed) == ("piece", 9, 0)
    assert figures.kilograms == 5 * 25 + 4 * 120
    assert figures.unweighed == []
    assert [(row.element_type, row.quantity, row.percent) for row in pieces.rows] == [
        ("door", 5, 100),
        ("structure", 4, 80),
    ]
    theme = knowledge_tree.themes["furniture"]["fr"]
    assert services.impact(theme=theme).groups[0].quantity == 9
    assert services.impact(theme=knowledge_tree.themes["ict"]["nl"]).groups == []
    assert services.impact().kilograms == figures.kilograms


def test_impact_never_adds_up_different_units(pilot, offer, requester):
    """12 pieces, 40 m² and 3 m³ stay three figures, never "55 units"."""
    tiles = ComponentOfferFactory(
        pilot_case=pilot["nl"],
        element_type="flooring",
        quantity=50,
        unit="m2",
        weight_per_unit_kg=None,
    )
    slabs = ComponentOfferFactory(
        pilot_case=pilot["nl"],
        element_type="structure",
        quantity=5,
        unit="m3",
        weight_per_unit_kg="2400",
    )
    offer.quantity = 20
    offer.save()
    collect(offer, requester, 12)
    collect(tiles, requester, 40, n=1)
    collect(slabs, requester, 3, n=2)
    with translation.override("en"):
        figures = services.impact()
    assert [(g.unit, g.quantity, g.unweighed) for g in figures.groups] == [
        ("piece", 12, 0),
        ("m2", 40, 40),
        ("m3", 3, 0),
    ]
    assert figures.quantities == ["12 pieces", "40\u00a0m²", "3\u00a0m³"]
    assert figures.kilograms == 12 * 25 + 3 * 2400  # the tiles' weight is not known
    assert figures.unweighed == ["40\u00a0m²"]


def test_impact_counts_offers_in_kg_and_tonnes_as_their_weight(pilot, requester):
    rubble = ComponentOfferFactory(
        pilot_case=pilot["nl"],
        element_type="masonry",
        quantity=10,
        unit="tonne",
        weight_per_unit_kg=None,
    )
    glass = ComponentOfferFactory(
        pilot_case=pilot["nl"],
        element_type="window",
        quantity=500,
        unit="kg",
        weight_per_unit_kg=None,
    )
    collect(rubble, requester, 2)
    collect(glass, requester, 150, n=1)
    figures = services.impact()
    assert figures.kilograms == 2000 + 150
    assert figures.unweighed == []
    assert [g.unit for g in figures.groups] == ["kg", "tonne"]


def test_impact_texts_follow_the_language(pilot, offer, requester):
    collect(offer, requester, 1)
    with translation.override("nl"):
        assert services.impact().quantities == ["1 stuk"]
    with translation.override("fr"):
        assert services.impact().quantities == ["1 pièce"]


def test_an_old_zero_weight_means_unknown(pilot, offer, requester):
    """Offers stored before weights could be left empty had 0; they count as unknown."""
    ComponentOffer.objects.filter(pk=offer.pk).update(weight_per_unit_kg=0)
    collect(offer, requester, 4)
    figures = services.impact()
    assert figures.kilograms == 0
    assert figures.groups[0].unweighed == 4


def test_a_weight_per_unit_must_be_positive(offer):
    offer.weight_per_unit_kg = "-3"
    with pytest.raises(ValidationError) as refused:
        offer.full_clean()
    assert "weight_per_unit_kg" in refused.value.message_dict


def test_impact_figures_are_cached_until_a_request_changes(
    offer, requester, django_assert_num_queries
):
    """One query when cold, none once warm; a collected request counts at once."""
    collect(offer, requester, 1)
    with django_assert_num_queries(1):
        services.impact()
    with django_assert_num_queries(0):
        before = services.impact()
    assert before.groups[0].quantity == 1
    collect(offer, requester, 2, n=1)
    assert services.impact().groups[0].quantity == 3


def test_impact_figures_follow_a_changed_weight(offer, requester):
    collect(offer, requester, 2)
    assert services.impact().kilograms == 50
    offer.weight_per_unit_kg = None
    offer.save()
    assert services.impact().kilograms == 0
    assert services.impact().groups[0].unweighed == 2
