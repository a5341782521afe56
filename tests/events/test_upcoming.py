"""The home page's next events: cached candidates that never show a past event or miss a new one."""

import datetime

import pytest
from django.utils import timezone

from agenda import listing
from tests.conftest import publish
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def event_in(agenda, days, title):
    start = timezone.now() + datetime.timedelta(days=days)
    page = EventPageFactory(
        parent=agenda, title=title, start=start, end=start + datetime.timedelta(hours=2)
    )
    return publish(page)


def titles(agenda):
    return [event.title for event in listing.next_upcoming(agenda.locale, 3)]


def test_next_events_follow_time_and_publishing_without_a_stale_one(
    agenda, monkeypatch, django_assert_num_queries
):
    for days in (1, 2, 3, 4):
        event_in(agenda, days, f"Dag {days}")
    assert titles(agenda) == ["Dag 1", "Dag 2", "Dag 3"]
    # Warm: the candidates and the private sections come from the cache; the three rows are
    # read.
    with django_assert_num_queries(1):
        assert titles(agenda) == ["Dag 1", "Dag 2", "Dag 3"]

    # A day and a half later the first event is over: it leaves the list, nothing published.
    later = timezone.now() + datetime.timedelta(days=1, hours=12)
    monkeypatch.setattr(listing.timezone, "now", lambda: later)
    assert titles(agenda) == ["Dag 2", "Dag 3", "Dag 4"]

    # An event published for tomorrow (of that later day) comes first at once.
    event_in(agenda, 0.1, "Nieuw")
    assert titles(agenda)[0] == "Nieuw"


def test_when_the_candidates_run_out_the_list_is_read_afresh(agenda, monkeypatch):
    monkeypatch.setattr(listing, "UPCOMING_CANDIDATES", 2)
    for days in (1, 2, 3, 4):
        event_in(agenda, days, f"Dag {days}")
    assert titles(agenda) == ["Dag 1", "Dag 2", "Dag 3"]
    assert titles(agenda) == ["Dag 1", "Dag 2", "Dag 3"]
