"""The seats an event page shows: counted afresh for every request, in every language, from
the registrations and capacity of the event's canonical page."""

import re

import pytest
from bs4 import BeautifulSoup

from agenda import services
from tests.conftest import publish

pytestmark = pytest.mark.django_db


def places(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    facts = " ".join(soup.select_one("dl.facts").get_text().split())
    return re.search(r"(\d+) \(\D*(\d+) ", facts).groups()  # "3 (3 left)", "3 (nog 3 vrij)"


def test_seats_follow_registrations_and_a_new_capacity_at_the_next_read(
    client, event, registrant, site_tree, settings
):
    settings.PAGE_CACHE_ENABLED = False  # read the page as rendered, not a cached copy
    event.capacity = 3
    publish(event)
    english = site_tree.translate(event, "en", title="Study day", slug="study-day")
    assert places(client, english) == ("3", "3")
    assert places(client, event) == ("3", "3")

    services.register(event, registrant(1))
    services.register(english, registrant(2, language="en"))  # stored on the Dutch page
    assert places(client, english) == ("3", "1")
    assert places(client, event) == ("3", "1")

    event.capacity = 5
    publish(event)  # the capacity follows into the live translation
    assert places(client, english) == ("5", "3")
    assert places(client, event) == ("5", "3")
