"""The registrations admin answers 404 to an event or registration id that names nothing.

An id past 64 bits matches no admin URL, so Django's usual slash and language redirects
may come first; followed, they end in a 404, never a server error.
"""

import pytest
from django.contrib.auth.models import Permission

from tests.network.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


@pytest.fixture
def manager_client(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_registrations"),
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/registrations/{HUGE}/",
        f"/admin/registrations/{HUGE}/export.csv",
        f"/admin/registrations/{HUGE}/check-in/",
        f"/admin/registrations/{2**63}/",
        "/admin/registrations/999999/",
    ],
)
def test_an_event_id_that_names_nothing_is_a_404(manager_client, event, url):
    response = manager_client.get(url, follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/registrations/{HUGE}/check-in/1/",
        "/admin/registrations/{pk}/check-in/" + f"{HUGE}/",
        f"/admin/registrations/{HUGE}/message/",
        f"/admin/registrations/{HUGE}/follow-up/",
    ],
)
def test_posting_to_an_id_that_names_nothing_is_a_404(manager_client, event, url):
    response = manager_client.post(
        url.format(pk=event.pk), {"attended": "1", "note": "x"}, follow=True
    )
    assert response.status_code == 404
