"""The exchange in the Wagtail admin: offers and map locations, with clear errors."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from exchange.models import ComponentRequest, MapLocation


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("redactie", "redactie@example.org", "x")
    client.force_login(user)
    return user


def test_ocean_coordinates_are_refused_in_the_admin_and_nothing_is_saved(client, editor, pilot):
    add_url = reverse("wagtailsnippets_exchange_maplocation:add")
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url, {"page": pilot["nl"].pk, "latitude": "54.5", "longitude": "3.0"}
    )
    assert response.status_code == 200
    assert "Deze breedtegraad ligt niet in of bij België" in response.content.decode()
    assert not MapLocation.objects.exists()
    client.post(add_url, {"page": pilot["nl"].pk, "latitude": "50.88", "longitude": "3.89"})
    assert MapLocation.objects.get().page_id == pilot["nl"].pk


def test_offers_and_requests_are_listed_in_the_admin(client, editor, offer, requester):
    from exchange import services

    services.request_components(offer, requester(1), 2, "Graag.")
    offers = client.get(reverse("wagtailsnippets_exchange_componentoffer:list"))
    assert offer.name in offers.content.decode()
    assert (
        client.get(
            reverse("wagtailsnippets_exchange_componentoffer:edit", args=[offer.pk])
        ).status_code
        == 200
    )
    requests = client.get(reverse("wagtailsnippets_exchange_componentrequest:list"))
    assert "Aanvrager 1" in requests.content.decode()
    assert ComponentRequest.objects.count() == 1


def test_requests_are_read_only_in_the_admin(client, editor, offer, requester):
    """Changing a request in the admin would skip the offer's lock and the e-mails."""
    from exchange import services

    held = services.request_components(offer, requester(1), 2, "Graag.")
    edit = reverse("wagtailsnippets_exchange_componentrequest:edit", args=[held.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, {"status": "collected", "quantity": 2})
    held.refresh_from_db()
    assert held.status == "requested"
    add = reverse("wagtailsnippets_exchange_componentrequest:add")
    assert client.get(add).status_code in (302, 403)
    delete = reverse("wagtailsnippets_exchange_componentrequest:delete", args=[held.pk])
    client.post(delete)
    assert ComponentRequest.objects.filter(pk=held.pk).exists()
    inspect = reverse("wagtailsnippets_exchange_componentrequest:inspect", args=[held.pk])
    assert client.get(inspect).status_code == 200


def test_the_editors_group_runs_the_exchange(client, offer, requester):
    from django.contrib.auth.models import Group

    from exchange import services

    editor = get_user_model().objects.create_user("redacteur", "redacteur@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_exchange_componentoffer:list")).status_code == 200
    edit = reverse("wagtailsnippets_exchange_componentoffer:edit", args=[offer.pk])
    assert client.get(edit).status_code == 200
    held = services.request_components(offer, requester(1), 2, "Graag.")
    assert services.can_decide(editor, offer)
    services.accept(held, user=editor)
    held.refresh_from_db()
    assert held.status == "reserved"
