"""Fixtures: an agenda under the nl home page, with fr and en translations."""

import pytest

from tests.conftest import publish
from tests.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def agenda(site_tree):
    index = EventIndexPageFactory(parent=site_tree.homes["nl"])
    publish(index)
    for code in ("fr", "en"):
        site_tree.translate(index, code, title=f"Agenda {code}", slug=f"agenda-{code}")
    return index


@pytest.fixture
def event(agenda):
    page = EventPageFactory(parent=agenda, slug="studiedag", title="Studiedag")
    return publish(page)


@pytest.fixture
def registrant():
    from agenda.services import Registrant

    def make(n=0, **overrides):
        values = {
            "name": f"Deelnemer {n}",
            "email": f"persoon{n}@example.org",
            "organisation_name": "Stad Gent",
            "role": "Aankoper",
            "green_deal": "yes",
            "language": "nl",
        }
        values.update(overrides)
        return Registrant(**values)

    return make
