"""An organisation's page lists the work sessions its people attended: checked in, and over."""

import datetime

import pytest
from django.utils import timezone

from agenda.models import RegistrationStatus
from tests.conftest import publish
from tests.events.factories import (
    EventIndexPageFactory,
    RegistrationFactory,
    WorkSessionPageFactory,
)
from tests.knowledge.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# The organisation, its knowledge pages, its sessions, their comment counts, the locale and
# the session: the same whatever the number of sessions.
QUERIES = 4


@pytest.fixture
def agenda(site_tree):
    index = EventIndexPageFactory(parent=site_tree.homes["nl"])
    return publish(index)


def session(agenda, title, days_ago):
    """A published work session that started `days_ago` days ago (negative: in the future)."""
    start = timezone.now() - datetime.timedelta(days=days_ago)
    page = WorkSessionPageFactory(
        parent=agenda, title=title, start=start, end=start + datetime.timedelta(hours=3)
    )
    return publish(page)


def attended(page, organisation, **fields):
    values = {
        "event": page,
        "organisation": organisation,
        "organisation_name": organisation.name,
        "checked_in_at": page.start,
    }
    values.update(fields)
    return RegistrationFactory(**values)


def session_titles(client, organisation):
    response = client.get(f"/nl/organisations/{organisation.slug}/")
    assert response.status_code == 200
    return [page.title for page in response.context["work_sessions"]]


def test_a_cancellation_by_another_organisation_does_not_hide_a_session(client, agenda):
    gent = OrganisationFactory(name="Stad Gent")
    brugge = OrganisationFactory(name="Stad Brugge")
    ict = session(agenda, "Werksessie ICT", days_ago=10)
    attended(ict, gent)
    attended(ict, brugge, status=RegistrationStatus.CANCELLED, checked_in_at=None)

    assert session_titles(client, gent) == ["Werksessie ICT"]
    assert session_titles(client, brugge) == []


def test_only_attended_past_sessions_count(client, agenda):
    gent = OrganisationFactory(name="Stad Gent")
    done = session(agenda, "Werksessie meubilair", days_ago=10)
    no_show = session(agenda, "Werksessie verlichting", days_ago=20)
    coming = session(agenda, "Werksessie ICT", days_ago=-10)
    cancelled = session(agenda, "Werksessie textiel", days_ago=30)
    attended(done, gent)
    attended(no_show, gent, checked_in_at=None)
    # A check-in recorded ahead of time does not make a future session done.
    attended(coming, gent, checked_in_at=timezone.now())
    attended(cancelled, gent, status=RegistrationStatus.CANCELLED)

    assert session_titles(client, gent) == ["Werksessie meubilair"]


def test_another_organisations_attendance_is_not_ours(client, agenda):
    gent = OrganisationFactory(name="Stad Gent")
    brugge = OrganisationFactory(name="Stad Brugge")
    attended(session(agenda, "Werksessie ICT", days_ago=5), brugge)

    assert session_titles(client, gent) == []
    assert session_titles(client, brugge) == ["Werksessie ICT"]


def test_organisation_page_queries_do_not_grow_with_its_sessions(
    client, agenda, django_assert_num_queries
):
    gent = OrganisationFactory(name="Stad Gent")
    attended(session(agenda, "Werksessie 1", days_ago=5), gent)
    url = f"/nl/organisations/{gent.slug}/"
    client.get(url)  # warms the navigation and site caches, as for every later reader

    with django_assert_num_queries(QUERIES):
        assert len(client.get(url).context["work_sessions"]) == 1

    for number in range(2, 6):
        attended(session(agenda, f"Werksessie {number}", days_ago=5 + number), gent)
    client.get(url)  # publishing cleared the navigation cache
    with django_assert_num_queries(QUERIES):
        assert len(client.get(url).context["work_sessions"]) == 5
