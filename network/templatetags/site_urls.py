"""`absolute_url` filter: a path made absolute on BASE_URL, for e-mails, PDFs and head links."""

from django import template

from network.base_url import absolute_url as make_absolute

register = template.Library()


@register.filter
def absolute_url(url):
    """`{{ page.url|absolute_url }}`: never the request's host, always the public address."""
    return make_absolute(url)
