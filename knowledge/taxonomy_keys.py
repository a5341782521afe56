"""One language-independent key per theme and tender clause, and names in the reader's language.

A theme or clause exists once per language (wagtail-localize translations sharing a
translation key). Its key is the slug of its version in the site's default language
(`meubilair`), the same in every language, so the API, the feeds and the open-data datasets
of nl, fr and en join on it. Where a theme or clause has no default-language version, its
translation key (a UUID) stands in. The key changes only when an editor changes the
default-language slug, which changes that version's address too.
"""

from django.conf import settings

from home.navigation import cached


def _keys(model, cache_key):
    """{translation key: key} for every row of a translatable model (cached; themes and
    clauses retire the cache when they change, see knowledge.signals)."""

    def compute():
        keys = {}
        rows = model.objects.values_list("translation_key", "slug", "locale__language_code")
        for translation_key, slug, language in rows:
            if language == settings.LANGUAGE_CODE:
                keys[translation_key] = slug
            else:
                keys.setdefault(translation_key, str(translation_key))
        return keys

    return cached(cache_key, compute)


def theme_keys():
    from knowledge.models.taxonomy import Theme

    return _keys(Theme, "theme-keys")


def clause_keys():
    from knowledge.models.taxonomy import TenderClause

    return _keys(TenderClause, "clause-keys")


def theme_key(theme):
    """The language-independent key of a theme (no query once the keys are cached)."""
    return theme_keys().get(theme.translation_key, str(theme.translation_key))


def clause_key(clause):
    """The language-independent key of a tender clause."""
    return clause_keys().get(clause.translation_key, str(clause.translation_key))


def theme_translation_key(key):
    """The translation key of the theme with this key, or None for an unknown key."""
    return next((tk for tk, value in theme_keys().items() if value == key), None)


def localized_theme(theme, locale_id):
    """`theme` in the language of `locale_id`, or as it is when it has no such translation."""
    from knowledge.listing import themes_by_key

    return themes_by_key(locale_id).get(theme.translation_key, theme)


def theme_data(theme, locale_id):
    """A theme for open data: its key, and its name and slug in the language of `locale_id`."""
    local = localized_theme(theme, locale_id)
    return {"key": theme_key(theme), "name": local.name, "slug": local.slug}
