"""Template tags for the site layout; the work is done in home.navigation."""

from django import template

from home import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_links(context):
    request = context.get("request")
    if request is None:
        return []
    return navigation.language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def get_main_menu(context):
    request = context.get("request")
    if request is None:
        return []
    home = navigation.current_home(request)
    return {"home": home, "items": navigation.main_menu(home)}


@register.simple_tag(takes_context=True)
def get_breadcrumbs(context):
    return navigation.breadcrumbs(context.get("page"))


@register.simple_tag(takes_context=True)
def get_footer_links(context):
    request = context.get("request")
    if request is None:
        return {}
    return navigation.footer(request)
