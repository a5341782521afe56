"""Community tests reuse the knowledge base's page tree and themes."""

from tests.knowledge.conftest import knowledge_tree  # noqa: F401
