"""Facts follow the source: publishing the original page updates its live translations.

A page's facts (times, capacities, dates, choices, themes, figures) are the same in every
language. Translators only translate text, and wagtail-localize copies its synchronised
fields only when a translator syncs; until then the French and English pages (and their
calendar files, structured data and e-mails) would keep the old facts. So when the source
page is published, each live translation gets the source's facts in the same transaction:
its live row is updated with a new live revision, and an unpublished draft of the translation
(even one under review) gets the same facts, so neither the next edit in the admin nor an
approval brings an old value back. The translated text stays as it is.

A page type declares what follows its source, once:

- ``synchronized_fields``: fields copied as they are; a foreign key or many-to-many to a
  translatable model (a theme, a tender clause, a page) is mapped to that object's
  translation in the translation's locale where one exists;
- ``synchronized_when_changed``: text fields that name a fact (a venue, a municipality).
  Translators may localise them (Brussels streets have a Dutch and a French name), so they
  are copied only when the source's value changed in this publication: the right place in
  the source's words beats the old place in translated ones;
- ``synchronized_children``: child relation -> fields (a many-to-many field, such as a
  session's speakers, is copied as its set of objects); rows are matched by translation key,
  rows added to the source are added to translations (with the source's text until it is
  translated: a French registrant must be able to choose a new session), rows removed from
  the source are removed;
- ``synchronized_stream_fields``: stream field -> block value keys; blocks are matched by
  block id, the order and the set of blocks follow the source, translated text is kept.
"""

import copy

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PageLogEntry, TranslatableMixin
from wagtail.signals import page_published


def source_locale_id(page):
    """The locale translations of `page` are made from: wagtail-localize's source, else the
    site's default locale (one or two queries)."""
    from wagtail_localize.models import TranslationSource

    locale_id = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .values_list("locale_id", flat=True)
        .first()
    )
    return locale_id or Locale.get_default().pk


def follows_source(page_class):
    """Whether a page type declares any facts to copy to its translations."""
    return any(
        getattr(page_class, name, None)
        for name in (
            "synchronized_fields",
            "synchronized_when_changed",
            "synchronized_children",
            "synchronized_stream_fields",
        )
    )


def previously_published(page, revision=None):
    """The page as it was published before `revision`, or None on its first publication.

    Wagtail logs a publication after sending `page_published`, so during that signal the
    newest publish entry is the previous one.
    """
    entries = PageLogEntry.objects.filter(
        page_id=page.pk, action__startswith="wagtail.publish", revision__isnull=False
    ).select_related("revision")
    if revision is not None:
        entries = entries.exclude(revision_id=revision.pk)
    entry = entries.order_by("-timestamp", "-pk").first()
    return entry.revision.as_object() if entry else None


def in_locale(objects, locale_id):
    """Each object's translation in `locale_id` where it exists, else the object itself (one
    query per model; none for models that are not translatable)."""
    objects = list(objects)
    if not objects or not isinstance(objects[0], TranslatableMixin):
        return objects
    model = Page if isinstance(objects[0], Page) else type(objects[0])
    translated = {
        item.translation_key: item
        for item in model.objects.filter(
            translation_key__in=[item.translation_key for item in objects], locale_id=locale_id
        )
    }
    return [translated.get(item.translation_key, item) for item in objects]


def copy_facts(source, target, changed_text=()):
    """Put the facts of `source` on `target` (a translation, in memory; nothing is saved).

    `changed_text` names the `synchronized_when_changed` fields whose source value changed.
    """
    meta = type(source)._meta
    for name in getattr(source, "synchronized_fields", ()):
        field = meta.get_field(name)
        if field.many_to_many:
            setattr(target, name, in_locale(getattr(source, name).all(), target.locale_id))
        elif field.many_to_one:
            related = getattr(source, name)
            if related is not None:
                related = in_locale([related], target.locale_id)[0]
            setattr(target, field.attname, related.pk if related is not None else None)
        else:
            setattr(target, field.attname, getattr(source, field.attname))
    for name in changed_text:
        setattr(target, name, getattr(source, name))
    for relation, names in getattr(source, "synchronized_children", {}).items():
        setattr(target, relation, _children(source, target, relation, names))
    for name, keys in getattr(source, "synchronized_stream_fields", {}).items():
        setattr(target, name, _stream_blocks(getattr(source, name), getattr(target, name), keys))


def _many_to_many(row, name):
    return row._meta.get_field(name).many_to_many


def _child_value(row, name):
    """A child row's fact: a plain value, or the list of related objects of a many-to-many
    (a session's speakers, which are the same in every language)."""
    if _many_to_many(row, name):
        return list(getattr(row, name).all())
    return getattr(row, name)


def _children(source, target, relation, names):
    """The target's child rows for `relation`, following the source's rows."""
    own = {row.translation_key: row for row in getattr(target, relation).all()}
    rows = []
    for row in getattr(source, relation).all():
        translated = own.get(row.translation_key)
        if translated is None:
            # A row new on the source: its text stays in the source's language until the
            # translator gets to it, but its key lets every language refer to it.
            translated = copy.copy(row)
            translated.pk = None
            translated.locale_id = target.locale_id
            # The copy must not share the source row's in-memory related objects.
            translated.__dict__.pop("_cluster_related_objects", None)
            names_to_copy = [name for name in names if _many_to_many(row, name)]
        else:
            names_to_copy = names
        for name in names_to_copy:
            setattr(translated, name, _child_value(row, name))
        if hasattr(row, "sort_order"):
            translated.sort_order = row.sort_order
        rows.append(translated)
    return rows


def _stream_blocks(source_value, target_value, keys):
    """Raw blocks for the target: the source's blocks and order, with the target's own text
    and the source's values under `keys`."""
    own = {block.get("id"): block for block in target_value.get_prep_value()}
    blocks = []
    for block in source_value.get_prep_value():
        translated = own.get(block.get("id"))
        if translated is None or translated["type"] != block["type"]:
            blocks.append(copy.deepcopy(block))
            continue
        value = translated["value"]
        if isinstance(value, dict) and isinstance(block["value"], dict):
            value = {**value, **{key: block["value"][key] for key in keys if key in block["value"]}}
        blocks.append({**translated, "value": value})
    return blocks


def _save_translation(translation, apply, user):
    """Publish `translation` with `apply` done, keeping live row and revisions in agreement.

    The live content with the new facts becomes a new live revision. Wagtail's publish
    action is not used because it would cancel a review in progress on the translation; a
    pending draft (possibly the revision under review) gets the facts in place instead, so
    neither the next edit nor an approval brings an old value back.
    """
    draft_revision = None
    if (
        translation.has_unpublished_changes
        and translation.latest_revision_id
        and translation.latest_revision_id != translation.live_revision_id
    ):
        draft_revision = translation.latest_revision
    apply(translation)
    revision = translation.save_revision(user=user, clean=False, changed=False)
    translation.live_revision = revision
    translation.last_published_at = revision.created_at
    translation.has_unpublished_changes = False
    if draft_revision is not None:
        draft = draft_revision.as_object()
        apply(draft)
        draft_revision.content = draft.serializable_data()
        draft_revision.save(update_fields=["content"])
        translation.latest_revision = draft_revision
        translation.draft_title = draft.title
        translation.has_unpublished_changes = True
    # Saves the facts, the child rows and the many-to-many values on the live page.
    translation.save(clean=False)
    log(instance=translation, action="wagtail.publish", user=user, revision=revision)
    # What follows a publication (caches, the CDN, books, the waitlist) follows this one too.
    page_published.send(sender=type(translation), instance=translation, revision=revision)


def sync_translations(page, revision=None):
    """Give every live translation of the just-published `page` its facts, if `page` is the
    source of its translations. Returns the translations updated."""
    page_class = type(page)
    if not follows_source(page_class) or not page.live:
        return []
    if page.locale_id != source_locale_id(page):
        return []
    translations = list(
        page_class.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(pk=page.pk)
        .select_related("latest_revision")
    )
    if not translations:
        return []
    text_fields = getattr(page_class, "synchronized_when_changed", ())
    previous = previously_published(page, revision) if text_fields else None
    changed_text = [
        name
        for name in text_fields
        if previous is None or getattr(previous, name) != getattr(page, name)
    ]
    user = revision.user if revision is not None else None
    with transaction.atomic():
        for translation in translations:
            _save_translation(
                translation, lambda target: copy_facts(page, target, changed_text), user
            )
    return translations
