"""Slugs for pages the site makes itself (topics, theme proposals, draft pilot cases, draft
work sessions), unique among their siblings."""

from django.utils.text import slugify


def unique_child_slug(parent, text, fallback, max_length=None):
    """A slug for a new child of `parent`: `text` slugified (at most `max_length` characters,
    `fallback` when nothing is left), with -2, -3, … added until no sibling has it."""
    base = slugify(text)[:max_length] or fallback
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
