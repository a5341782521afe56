"""Live Wagtail pages inserted in bulk, for the synthetic data of `manage.py seed_scale`
(lessons and events in knowledge, topics and comments in network.management.community_seed).

Django cannot bulk-create multi-table-inherited models, and Wagtail's `add_child` runs one
tree update per page: rows are inserted per table in batches, with tree paths computed the
way treebeard does, and each parent's child count is set once at the end.
"""

import uuid

from django.core.management.base import CommandError
from django.db import connections
from django.utils.text import slugify
from wagtail.models import Page

CHUNK_SIZE = 2_000  # pages built and inserted per round; bounds memory use


class TreePaths:
    """Materialised paths for new children of one parent, as treebeard's MP_Node builds them."""

    def __init__(self, parent):
        self.alphabet = Page.alphabet
        self.steplen = Page.steplen
        self.prefix = parent.path
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.next_step = self.decode(last[-self.steplen :]) + 1 if last else 1
        self.capacity = len(self.alphabet) ** self.steplen - 1

    def decode(self, step):
        value = 0
        for char in step:
            value = value * len(self.alphabet) + self.alphabet.index(char)
        return value

    def encode(self, number):
        chars = []
        for _ in range(self.steplen):
            number, digit = divmod(number, len(self.alphabet))
            chars.append(self.alphabet[digit])
        return "".join(reversed(chars))

    def take(self):
        if self.next_step > self.capacity:
            raise CommandError("The parent page has no room for that many more pages.")
        path = self.prefix + self.encode(self.next_step)
        self.next_step += 1
        return path


def insert_rows(model, objs, fields, using, returning=False):
    """INSERT one table's rows for `objs` in batches the database accepts; the new ids if asked."""
    connection = connections[using]
    batch_size = max(connection.ops.bulk_batch_size(fields, objs), 1)
    returning_fields = [model._meta.pk] if returning else None
    ids = []
    for start in range(0, len(objs), batch_size):
        rows = model._base_manager._insert(
            objs[start : start + batch_size],
            fields=fields,
            returning_fields=returning_fields,
            using=using,
        )
        if returning:
            ids.extend(row[0] for row in rows)
    return ids


def insert_page_rows(pages, using):
    """INSERT the wagtailcore_page rows of unsaved pages and give each page its new id."""
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    ids = insert_rows(Page, pages, page_fields, using, returning=True)
    if len(ids) != len(pages):
        raise CommandError("The database did not return the ids of the new pages.")
    for page, pk in zip(pages, ids, strict=True):
        page.id = pk
        for model in [type(page), *type(page)._meta.get_parent_list()]:
            for link in model._meta.parents.values():
                setattr(page, link.attname, pk)


def unique_slug(title, taken):
    base = slugify(title)[:80].strip("-") or "les"
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def live_child_fields(parent, locale, title, published_at, context):
    """The page-tree fields of a new live child of `parent`, with a slug unique among its
    siblings; `context` holds the parent's "paths", "taken_slugs" and the "content_type"."""
    slug = unique_slug(title, context["taken_slugs"])
    return {
        "path": context["paths"].take(),
        "depth": parent.depth + 1,
        "numchild": 0,
        "translation_key": uuid.uuid4(),
        "locale": locale,
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": published_at,
        "last_published_at": published_at,
        "title": title,
        "draft_title": title,
        "slug": slug,
        "url_path": f"{parent.url_path}{slug}/",
        "content_type": context["content_type"],
    }


def child_slugs(parent, using):
    return set(
        Page.objects.using(using)
        .filter(path__startswith=parent.path, depth=parent.depth + 1)
        .values_list("slug", flat=True)
    )


def update_child_count(parent, using):
    children = Page.objects.using(using).filter(
        path__startswith=parent.path, depth=parent.depth + 1
    )
    Page.objects.using(using).filter(pk=parent.pk).update(numchild=children.count())
