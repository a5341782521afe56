"""The bell in the page header: a member's unread notifications, one query."""

from django import template

from network import inbox

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """How many notifications the member has not read; no query for visitors, whose header
    (and whole page) may come from the page cache."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    return inbox.unread_count(request.user)
