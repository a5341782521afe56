"""Language-aware search: word forms and accents in the reader's language, on both backends."""

from bs4 import BeautifulSoup
from django.db import models
from wagtail.models import Page, get_page_models

from home.text_analysis import STEMS_FIELD, stemmed_query, stems_of


def result_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in page.select(".search-results h3 a")]


def test_stems_follow_the_language_of_the_text():
    assert "meubel" in stems_of("Oude meubels", "nl").split()
    assert "stoel" in stems_of("stoelen", "nl").split()
    assert "chais" in stems_of("des chaises", "fr").split()
    assert "reus" in stems_of("reusing", "en").split()
    # Accents are kept and also dropped, so readers who type without them still match.
    assert {"réemploi", "reemploi"} <= set(stems_of("Réemploi", "fr").split())
    # An unknown language still indexes the words themselves.
    assert stems_of("meubels", "xx").split() == ["meubels"]


def test_each_query_word_matches_itself_or_its_stem():
    query = stemmed_query("hergebruikte stoelen", "nl", "and")
    assert type(query).__name__ == "And"
    forms = [sorted(sub.query_string for sub in term.subqueries) for term in query.subqueries]
    assert forms == [["herbruik", "hergebruikte"], ["stoel", "stoelen"]]


def test_dutch_word_forms_find_the_page(client, corpus):
    # "stoel" is not in the text ("stoelen" is), nor is "hergebruikte" ("Hergebruik" is).
    response = client.get("/nl/search/", {"q": "hergebruikte stoel"})
    assert result_titles(response) == ["Hergebruik van meubilair in het stadhuis"]


def test_french_word_forms_and_missing_accents_find_the_page(client, corpus):
    expected = ["Réemploi du mobilier à l'hôtel de ville"]
    assert result_titles(client.get("/fr/search/", {"q": "chaise"})) == expected
    assert result_titles(client.get("/fr/search/", {"q": "reemploi"})) == expected


def test_word_forms_are_highlighted(client, corpus):
    response = client.get("/nl/search/", {"q": "stoel"})
    marks = [
        m.get_text().lower()
        for m in BeautifulSoup(response.content, "html.parser").select(".search-results mark")
    ]
    assert "stoelen" in marks


def test_stemming_stays_within_the_readers_language(client, corpus):
    # The French page says "chaises"; a Dutch reader searching "chaise" gets no Dutch page.
    response = client.get("/nl/search/", {"q": "chaise"})
    assert result_titles(response) == []


def test_every_page_type_is_indexed_with_the_stems_of_its_language():
    for model in get_page_models():
        if model is Page:
            continue
        stems = [field for field in model.get_search_fields() if field.field_name == STEMS_FIELD]
        assert len(stems) == 1, model
        # Elasticsearch names the field after the model that defines it: a model, no mixin.
        assert issubclass(stems[0].get_definition_model(model), models.Model), model


def test_a_landing_page_is_found_by_the_word_forms_of_its_introduction(
    client, corpus, knowledge_tree, search_backend
):
    index = knowledge_tree.indexes["nl"]
    index.intro = "Wat gemeenten leerden over stoelen en tafels met een tweede leven."
    index.save_revision().publish()
    search_backend.refresh()
    # "stoel" and "tafel" are not in the text ("stoelen" and "tafels" are).
    response = client.get("/nl/search/", {"q": "stoel tafel"})
    assert result_titles(response) == [index.title]
