"""Create real wagtail-localize translations of demo pages and snippets.

Demo texts are written as `T(nl=..., fr=..., en=...)`. The Dutch text is saved on the source
object; `translate()` then fills wagtail-localize's string translations for every segment and
lets wagtail-localize create or update the translated object, exactly as its editor would.
"""

import html
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

SOURCE_LANGUAGE = "nl"
TARGET_LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class T:
    """One demo text in the three site languages."""

    nl: str
    fr: str
    en: str

    def __str__(self):
        return self.nl

    def get(self, language):
        return getattr(self, language)


class MissingDemoTranslation(Exception):
    """A segment of a demo object has no translation in the demo texts."""


class Glossary:
    """Collects the T texts used to build a source object, to translate its segments."""

    def __init__(self):
        self._texts = {}

    def add(self, text):
        """Register a T and return its Dutch text (use it where the field value goes)."""
        self._texts[text.nl.strip()] = text
        return text.nl

    def paragraph(self, text):
        """A rich-text paragraph whose single segment is `text`."""
        self.add(text)
        return f"<p>{html.escape(text.nl, quote=False)}</p>"

    def lookup(self, source_text, language):
        found = self._texts.get(source_text.strip()) or self._texts.get(
            html.unescape(source_text).strip()
        )
        if found is None:
            return None
        value = found.get(language)
        if source_text.strip() != html.unescape(source_text).strip():
            # The segment came out of rich text: keep entities escaped the same way.
            return html.escape(value, quote=False)
        return value


def get_locale(language_code):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


@transaction.atomic
def translate(instance, glossary, languages=TARGET_LANGUAGES):
    """Translate `instance` into `languages` with the texts in `glossary`.

    Raises MissingDemoTranslation (and rolls back) if any segment has no text, so the demo
    never publishes a half-translated page.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    translated = []
    for language in languages:
        locale = get_locale(language)
        Translation.objects.get_or_create(source=source, target_locale=locale)
        for segment in segments:
            value = glossary.lookup(segment.string.data, language)
            if value is None:
                raise MissingDemoTranslation(
                    f"No {language} text for {segment.string.data!r} in {instance!r}"
                )
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": value},
            )
        # Publish ourselves rather than through wagtail-localize's on_commit hook: a deferred
        # publish of a stale parent object would overwrite its tree data once children exist.
        # Objects without drafts (most snippets) cannot be saved unpublished: they are saved.
        obj, _ = source.create_or_update_translation(
            locale,
            publish=not isinstance(instance, DraftStateMixin),
            fallback=False,
            copy_parent_pages=True,
        )
        obj = type(obj).objects.get(pk=obj.pk)
        revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
        if revision is not None:
            revision.publish()
        translated.append(obj)
    return translated
