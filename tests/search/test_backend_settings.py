"""The environment picks the search backend; each supported engine's backend builds from it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from modelsearch.backends import get_search_backend

ROOT = Path(__file__).resolve().parents[2]

PRINT_BACKENDS = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))"
)


def backend_settings(**env):
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", "shell", "-c", PRINT_BACKENDS],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_database_backend_by_default():
    config = backend_settings(ELASTICSEARCH_URL="", SEARCH_BACKEND="")
    assert config == {"BACKEND": "home.search_backends"}


def test_elasticsearch_url_selects_elasticsearch8_with_prefix():
    config = backend_settings(
        ELASTICSEARCH_URL="https://search.example.org:9200",
        SEARCH_BACKEND="",
        SEARCH_INDEX_PREFIX="dca-prod-",
    )
    assert config["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert config["URLS"] == ["https://search.example.org:9200"]
    assert config["INDEX_PREFIX"] == "dca-prod-"


@pytest.mark.parametrize(
    "backend",
    [
        "wagtail.search.backends.elasticsearch8",
        "wagtail.search.backends.elasticsearch9",
        "wagtail.search.backends.opensearch2",
        "wagtail.search.backends.opensearch3",
    ],
)
def test_each_supported_engine_builds_from_the_settings(backend):
    config = backend_settings(ELASTICSEARCH_URL="http://127.0.0.1:9200", SEARCH_BACKEND=backend)
    assert config["BACKEND"] == backend
    instance = get_search_backend(backend, URLS=config["URLS"], INDEX_PREFIX=config["INDEX_PREFIX"])
    assert instance.index_prefix == config["INDEX_PREFIX"]
