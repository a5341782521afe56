"""Fixtures for the security tests: a small site with every public form and listing on it."""

import pytest

from network.models import DiscussionIndexPage
from tests.conftest import publish
from tests.events.conftest import agenda, event  # noqa: F401
from tests.knowledge.conftest import knowledge_tree  # noqa: F401
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member

REGISTRATION = {
    "name": "An Peeters",
    "email": "an@example.org",
    "organisation": "Stad Gent",
    "role": "Aankoper",
    "green_deal": "yes",
    "privacy_consent": "on",
}


@pytest.fixture
def lesson(knowledge_tree):  # noqa: F811
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    return publish(page)


@pytest.fixture
def discussions_page(knowledge_tree):  # noqa: F811
    index = DiscussionIndexPage(title="Discussies", slug="discussies", intro="Vraag het.")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=index)
    return publish(index)


@pytest.fixture
def writer():
    """A verified, trusted member: their posts are published at once."""
    return member(trusted=True)
