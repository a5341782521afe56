"""The cross-process tests use the knowledge base's page tree and themes."""

from tests.knowledge.conftest import knowledge_tree  # noqa: F401
