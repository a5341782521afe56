"""Media tests: a MEDIA_ROOT of each test's own, and the knowledge base's fixtures."""

import pytest

from tests.knowledge.conftest import knowledge_tree  # noqa: F401


@pytest.fixture(autouse=True)
def temporary_media(settings, tmp_path):
    """Uploads in a folder of this test's own, which the test may empty at will."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
