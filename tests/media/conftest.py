"""Media tests: a MEDIA_ROOT of each test's own, and the knowledge base's fixtures."""

import pytest
from wagtail.models import Collection

from tests.knowledge.conftest import knowledge_tree  # noqa: F401


@pytest.fixture(autouse=True)
def temporary_media(settings, tmp_path):
    """Uploads in a folder of this test's own, which the test may empty at will."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def ensure_root_collection():
    """The root collection uploads go into. Wagtail's migrations create it, but a
    transactional test run earlier in this process flushes it away with everything else."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def root_collection(db):
    return ensure_root_collection()
