"""The moderators' pin and lock controls on a topic page."""

from django import template

from network.topics import may_moderate

register = template.Library()


@register.inclusion_tag("network/includes/topic_moderation.html", takes_context=True)
def topic_moderation(context, page):
    request = context["request"]
    return {
        "page": page,
        "show": may_moderate(request.user),
        "csrf_token": context.get("csrf_token"),
    }
