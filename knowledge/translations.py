"""Translation state of knowledge pages: which locales exist and which are out of date.

A translation is out of date when its source page was published after wagtail-localize last
synced the source (TranslationSource.last_updated_at): the editor has not yet pushed the
changes to the translations.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language_info
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


@dataclass
class OutdatedSource:
    code: str
    language_name: str
    updated: object
    url: str


def translation_source_for(page):
    """The wagtail-localize source this page was translated from, if any (one query)."""
    content_type = ContentType.objects.get_for_model(page.specific_class)
    return (
        TranslationSource.objects.filter(
            object_id=page.translation_key, specific_content_type=content_type
        )
        .select_related("locale")
        .first()
    )


def outdated_source(page, request=None):
    """Describe the original when this translated page lags behind it, else None."""
    source = translation_source_for(page)
    if source is None or source.locale_id == page.locale_id:
        return None
    original = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id)
        .live()
        .first()
    )
    if original is None or original.last_published_at is None:
        return None
    if original.last_published_at <= source.last_updated_at:
        return None
    code = source.locale.language_code
    return OutdatedSource(
        code=code,
        language_name=get_language_info(code)["name_translated"].lower(),
        updated=original.last_published_at,
        url=original.get_url(request),
    )


def translation_status(pages, locales):
    """Per source page: for each locale, 'missing', 'outdated' or 'current'.

    Runs three queries for any number of pages.
    """
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    translations = {}
    for translated in Page.objects.filter(translation_key__in=keys).only(
        "pk", "translation_key", "locale_id", "live", "last_published_at"
    ):
        translations[(translated.translation_key, translated.locale_id)] = translated
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys)
    }
    rows = []
    for page in pages:
        source = sources.get((page.translation_key, page.locale_id))
        states = {}
        for locale in locales:
            if locale.pk == page.locale_id:
                continue
            translated = translations.get((page.translation_key, locale.pk))
            if translated is None:
                states[locale.language_code] = "missing"
            elif (
                source is not None
                and page.last_published_at
                and page.last_published_at > source.last_updated_at
            ):
                states[locale.language_code] = "outdated"
            else:
                states[locale.language_code] = "current"
        rows.append((page, states))
    return rows
