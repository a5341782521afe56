"""The exchange's rules: holding, accepting, declining, collecting, e-mails and impact."""

import pytest
from django.core.exceptions import ValidationError

from exchange import services
from exchange.models import ComponentRequest, RequestStatus
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


def test_impact_adds_up_collected_units_and_kilograms(pilot, offer, requester, knowledge_tree):
    beams = ComponentOfferFactory(
        pilot_case=pilot["nl"], element_type="structure", quantity=5, weight_per_unit_kg="120"
    )
    for item, quantity in ((offer, 3), (offer, 2), (beams, 4)):
        held = services.request_components(item, requester(quantity), quantity, "Graag.")
        services.mark_collected(services.accept(held))
    services.request_components(offer, requester(9), 1, "Nog niet opgehaald.")
    figures = services.impact(pilot_case=pilot["en"])
    assert figures.units == 9
    assert figures.kilograms == 5 * 25 + 4 * 120
    assert [(row.element_type, row.units, row.percent) for row in figures.rows] == [
        ("structure", 4, 100),
        ("door", 5, 26),
    ]
    theme = knowledge_tree.themes["furniture"]["fr"]
    assert services.impact(theme=theme).units == 9
    assert services.impact(theme=knowledge_tree.themes["ict"]["nl"]).rows == []
    assert services.impact().kilograms == figures.kilograms


def test_impact_figures_are_cached_until_a_request_changes(
    offer, requester, django_assert_num_queries
):
    """The figures cost no query once warm, and a collected request counts at once."""
    services.impact()
    with django_assert_num_queries(0):
        before = services.impact()
    held = services.request_components(offer, requester(2), 2, "Voor de school.")
    services.mark_collected(services.accept(held))
    assert services.impact().units == before.units + 2
