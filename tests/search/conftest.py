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
from tests.knowledge.factories import (
    LessonPageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)

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
                "TIMEOUT": 60,
                "AUTO_UPDATE": True,
            }
        }
    return SearchBackend(request.param)


@pytest.fixture
def corpus(knowledge_tree, search_backend):  # noqa: F811 - the shared fixture
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    ict = knowledge_tree.themes["ict"]["nl"]
    pages = {
        "chairs": LessonPageFactory(
            parent=nl,
            title="Hergebruik van meubilair in het stadhuis",
            summary="Gent liet oude bureaus en stoelen opknappen in plaats van nieuwe te kopen.",
            themes=[furniture],
        ),
        "utrecht": PracticeExamplePageFactory(
            parent=nl,
            title="Utrecht huurt kantoormeubilair als dienst",
            summary="Meubilair als dienst met terugname en hergebruik na afloop.",
            themes=[furniture],
        ),
        "laptops": LessonPageFactory(
            parent=nl,
            title="Laptops met een tweede leven",
            summary="Refurbished laptops voor leerkrachten, met veilige gegevenswissing.",
            themes=[ict],
        ),
    }
    pages["chairs_fr"] = knowledge_tree.translate(
        pages["chairs"],
        "fr",
        title="Réemploi du mobilier à l'hôtel de ville",
        summary="Gand a fait rénover ses vieux bureaux et chaises.",
        slug="reemploi-mobilier",
    )
    TenderClauseFactory(
        title="Terugname van meubilair",
        slug="terugname-meubilair",
        theme=furniture,
        text="De opdrachtnemer neemt het meubilair terug voor hergebruik.",
    )
    search_backend.rebuild()
    return pages
