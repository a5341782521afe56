"""Search tests run twice: on Wagtail's database backend and on OpenSearch (osmem-server).

osmem-server is an in-memory OpenSearch-compatible server from PyPI; its pytest plugin gives
each test a fresh clone (`osmem_clone`). The backend is switched through the same setting
production uses, so the code path under test is the real one.
"""

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture

BACKENDS = ["database", "opensearch"]


class SearchBackend:
    def __init__(self, name):
        self.name = name

    def refresh(self):
        """Make what was indexed visible, as a real cluster needs before reading."""
        if self.name != "opensearch":
            return
        backend = get_search_backend()
        refreshed = set()
        for model in get_indexed_models():
            index = backend.get_index_for_model(model)
            if index.name not in refreshed:
                refreshed.add(index.name)
                if index.exists():
                    index.refresh()

    def rebuild(self):
        call_command("update_index", verbosity=0)
        self.refresh()


@pytest.fixture(params=BACKENDS)
def search_backend(request, settings):
    if request.param == "opensearch":
        clone = request.getfixturevalue("osmem_clone")
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "wagtail.search.backends.opensearch3",
                "URLS": [clone.url],
                "INDEX_PREFIX": "test-",
                "TIMEOUT": 10,
                "AUTO_UPDATE": True,
            }
        }
    return SearchBackend(request.param)
