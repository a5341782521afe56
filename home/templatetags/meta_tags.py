"""Template tag for the head's meta values; the work is done in home.meta."""

from django import template

from home import meta

register = template.Library()


@register.simple_tag(takes_context=True)
def get_page_meta(context, language_links):
    return meta.page_meta(context, language_links)
