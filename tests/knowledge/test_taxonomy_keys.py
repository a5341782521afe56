"""Themes and clauses in the reader's language, with one key that joins nl, fr and en data.

The key of a theme or clause is the slug of its Dutch version (knowledge/taxonomy_keys.py);
the API, the Atom feeds and the open-data exports of every language carry it beside the name
in their own language.
"""

import csv
import io
import json

import feedparser
import pytest

from knowledge.taxonomy_keys import theme_key, theme_translation_key
from tests.knowledge.factories import (
    LessonPageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)

pytestmark = pytest.mark.django_db

NAMES = {
    "nl": {"Meubilair", "ICT"},
    "fr": {"Mobilier", "TIC"},
    "en": {"Furniture", "ICT"},
}
KEYS = {"meubilair", "ict"}


@pytest.fixture
def content(knowledge_tree):
    """A lesson and a practice example on both themes, and a clause, in three languages."""
    themes = knowledge_tree.themes
    both = [themes["furniture"]["nl"], themes["ict"]["nl"]]
    pages = {}
    for name, factory in (("lesson", LessonPageFactory), ("example", PracticeExamplePageFactory)):
        page = factory(parent=knowledge_tree.indexes["nl"], title=f"Stoelen {name}", themes=both)
        page.save_revision().publish()
        pages[name] = {"nl": page}
        for code in ("fr", "en"):
            pages[name][code] = knowledge_tree.translate(page, code, title=f"{name} {code}")
    clause = TenderClauseFactory(
        title="Terugname van meubilair", slug="terugname", theme=themes["furniture"]["nl"]
    )
    for code, slug in (("fr", "reprise"), ("en", "take-back")):
        translated = clause.copy_for_translation(knowledge_tree.site_tree.locales[code])
        translated.slug = slug
        translated.theme = themes["furniture"][code]
        translated.save()
    return pages


def api_themes(client, code):
    response = client.get(
        "/api/v2/pages/",
        {"type": "knowledge.LessonPage", "fields": "themes", "locale": code},
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    return {(theme["key"], theme["name"]) for theme in item["themes"]}


def test_the_api_names_themes_in_the_pages_language_with_the_same_keys(client, content):
    for code in ("nl", "fr", "en"):
        themes = api_themes(client, code)
        assert {name for _, name in themes} == NAMES[code]
        assert {key for key, _ in themes} == KEYS
    assert ("meubilair", "Mobilier") in api_themes(client, "fr")


def test_the_api_filters_by_theme_key_and_refuses_an_unknown_key(client, content):
    response = client.get("/api/v2/pages/", {"theme": "meubilair", "locale": "fr"})
    assert [item["title"] for item in response.json()["items"]] == ["lesson fr", "example fr"]
    response = client.get("/api/v2/pages/", {"theme": "nope", "locale": "fr"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "theme" in response.json()["message"]


def feed_tags(client, knowledge_tree, code):
    feed = feedparser.parse(client.get(knowledge_tree.indexes[code].url + "feed/").content)
    assert not feed.bozo
    return {(tag.term, tag.label) for entry in feed.entries for tag in entry.tags}


def test_feeds_categorise_by_key_with_the_name_in_the_feeds_language(
    client, knowledge_tree, content
):
    for code in ("nl", "fr", "en"):
        tags = feed_tags(client, knowledge_tree, code)
        assert {term for term, _ in tags} == KEYS
        assert {label for _, label in tags} == NAMES[code]
    assert ("ict", "TIC") in feed_tags(client, knowledge_tree, "fr")


def test_open_data_of_three_languages_join_on_theme_and_clause_keys(
    client, knowledge_tree, content
):
    examples, clauses = {}, {}
    for code in ("nl", "fr", "en"):
        base = knowledge_tree.indexes[code].url + "open-data/"
        rows = list(
            csv.DictReader(io.StringIO(client.get(base + "examples/csv/").content.decode()))
        )
        (examples[code],) = rows
        (clauses[code],) = json.loads(client.get(base + "clauses/json/").content)["items"]
    for code in examples:
        assert set(examples[code]["themes"].split(";")) == KEYS
    assert set(examples["fr"]["theme_names"].split(";")) == NAMES["fr"]
    assert {clauses[code]["key"] for code in clauses} == {"terugname"}
    assert {clauses[code]["theme"] for code in clauses} == {"meubilair"}
    assert [clauses[code]["theme_name"] for code in ("nl", "fr", "en")] == [
        "Meubilair",
        "Mobilier",
        "Furniture",
    ]
    assert clauses["fr"]["url"].endswith("/clauses/reprise/")


def test_a_theme_without_a_dutch_version_is_keyed_by_its_translation_key(knowledge_tree):
    from tests.knowledge.factories import ThemeFactory

    french_only = ThemeFactory(
        name="Textile", slug="textile", locale=knowledge_tree.site_tree.locales["fr"]
    )
    assert theme_key(french_only) == str(french_only.translation_key)
    assert theme_translation_key(str(french_only.translation_key)) == french_only.translation_key
    assert theme_translation_key("nope") is None


@pytest.mark.parametrize(
    "path",
    [
        "/fr/base-de-connaissances/themes/nope/",
        "/en/knowledge-base/themes/nope/",
        "/nl/kennisbank/themes/nope/",
    ],
)
def test_an_unknown_theme_is_a_404_in_every_language(client, knowledge_tree, path):
    assert client.get(path).status_code == 404
