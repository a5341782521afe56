"""Language-aware search: Snowball stems in each page's own language, on every backend.

The search backends analyse text without knowing its language (SQLite FTS5 has no Dutch or
French stemmer; one PostgreSQL text search configuration or one Elasticsearch analyzer serves
the whole index). So the site does the language part itself, with the Snowball algorithms that
PostgreSQL and Elasticsearch use for these languages:

- each indexed model declares `index.SearchField("search_stems")`: the stems of its searchable
  text in the object's language ("meubels" → "meubel", "réutilisations" → "réutilis"), plus the
  stems without accents;
- a query is rewritten so that every word matches either itself or its stem in the reader's
  language: "hergebruikte meubels" finds pages that say "hergebruik" and "meubel".

After a change here, `manage.py update_index` rebuilds the stems.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.encoding import force_str
from modelsearch.index import SearchField
from modelsearch.query import And, Or, PlainText

ALGORITHMS = {"nl": "dutch", "fr": "french", "en": "english"}
STEMS_FIELD = "search_stems"
WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=16)
def stemmer(language_code):
    """The Snowball stemmer of a language code such as "nl" or "fr-be", or None."""
    algorithm = ALGORITHMS.get((language_code or "")[:2].lower())
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def fold(word):
    """The word without accents: "réemploi" → "reemploi"."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=8192)
def word_forms(word, language_code):
    """The forms under which a (lower-case) word is indexed: its stem, with and without accents
    (remembered for the words used most: stemming runs in Python)."""
    language_stemmer = stemmer(language_code)
    stem = language_stemmer.stemWord(word) if language_stemmer else word
    return frozenset((stem, fold(stem)))


def flatten(value):
    """Text of a search field's value (strings, lists and dicts of them, other values)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(flatten(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(flatten(item) for item in value)
    return force_str(value)


def stems_of(text, language_code):
    """Space-separated distinct stems of a text, in order of first appearance."""
    seen = {}
    for word in WORD.findall(text.lower()):
        if len(word) < 3 or word.isdigit():
            continue
        for form in sorted(word_forms(word, language_code)):
            seen.setdefault(form, None)
    return " ".join(seen)


def object_stems(obj):
    """The stems of an indexed object's searchable text, in the object's language.

    Each indexed model declares `index.SearchField("search_stems")` and, in its own class body
    (the search engines map a field to the model that defines it),
    `search_stems = object_stems`.
    """
    texts = [
        flatten(field.get_value(obj))
        for field in obj.get_search_fields()
        if isinstance(field, SearchField) and field.field_name != STEMS_FIELD
    ]
    locale = getattr(obj, "locale", None)
    return stems_of(" ".join(texts), locale.language_code if locale else "")


def stemmed_query(query, language_code, operator="and"):
    """A search query object: each word of the (cleaned) query, or one of its forms.

    `operator` joins the words: "and" (every word must match) or "or".
    """
    terms = []
    for word in query.split():
        forms = sorted({word} | word_forms(word, language_code))
        terms.append(
            PlainText(word) if len(forms) == 1 else Or([PlainText(form) for form in forms])
        )
    if len(terms) == 1:
        return terms[0]
    return And(terms) if operator == "and" else Or(terms)
