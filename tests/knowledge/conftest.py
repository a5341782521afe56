"""Fixtures for the knowledge base: an index page in every language and a few themes."""

from dataclasses import dataclass

import pytest

from tests.knowledge.factories import KnowledgeIndexPageFactory, ThemeFactory


@dataclass
class KnowledgeTree:
    site_tree: object
    indexes: dict
    themes: dict

    def translate(self, page, language, **fields):
        return self.site_tree.translate(page, language, **fields)

    def translate_theme(self, theme, language, **fields):
        translated = theme.copy_for_translation(self.site_tree.locales[language])
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save()
        return translated


@pytest.fixture
def knowledge_tree(site_tree):
    index = KnowledgeIndexPageFactory(parent=site_tree.homes["nl"], slug="kennisbank")
    indexes = {"nl": index}
    for code, slug in (("fr", "base-de-connaissances"), ("en", "knowledge-base")):
        indexes[code] = site_tree.translate(index, code, slug=slug, title=slug)
    furniture = ThemeFactory(name="Meubilair", slug="meubilair")
    ict = ThemeFactory(name="ICT", slug="ict")
    tree = KnowledgeTree(site_tree=site_tree, indexes=indexes, themes={})
    tree.themes = {
        "furniture": {
            "nl": furniture,
            "fr": tree.translate_theme(furniture, "fr", name="Mobilier", slug="mobilier"),
            "en": tree.translate_theme(furniture, "en", name="Furniture", slug="furniture"),
        },
        "ict": {
            "nl": ict,
            "fr": tree.translate_theme(ict, "fr", name="TIC", slug="tic"),
            "en": tree.translate_theme(ict, "en", name="ICT", slug="ict"),
        },
    }
    return tree
