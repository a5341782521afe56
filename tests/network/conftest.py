"""Community tests reuse the knowledge base's page tree and themes."""

import pytest

from tests.knowledge.conftest import knowledge_tree  # noqa: F401
from tests.knowledge.factories import LessonPageFactory
from tests.network.community_fixtures import (  # noqa: F401 - shared fixtures
    discussions_index,
    lesson_translations,
    moderator,
    topic,
    waitlisted_registration,
)


@pytest.fixture
def lesson(knowledge_tree):  # noqa: F811 - the shared fixture above
    """A published Dutch lesson; modules that need its translations define their own."""
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    page.save_revision().publish()
    page.refresh_from_db()
    return page
