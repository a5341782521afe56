"""Template tags of the inspiration book."""

from django import template

from knowledge.books import pages_in_books

register = template.Library()


@register.simple_tag
def book_backlinks(page):
    """The books (of the page's language) that include `page`; cached, no queries when warm."""
    if page is None or not getattr(page, "translation_key", None):
        return []
    return pages_in_books(page.locale_id).get(str(page.translation_key), [])
