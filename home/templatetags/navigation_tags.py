"""Template tags for the site layout; the work is done in home.navigation."""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

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


class CachedFragmentNode(template.Node):
    """Renders its content once per navigation version, language, site and vary-on values."""

    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = getattr(request, "_wagtail_site", None)
        parts = [get_language() or "", str(site.pk if site else ""), self.name]
        parts += [str(value.resolve(context)) for value in self.vary_on]
        digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
        html = navigation.cached(f"fragment:{digest}", lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped when rendered


@register.tag
def cachedfragment(parser, token):
    """`{% cachedfragment "name" value ... %}...{% endcachedfragment %}`

    Keeps the rendered content in the navigation cache, which a publish, a move, a deletion
    or a settings change clears, so only for markup that depends on nothing else than the
    page tree, the active language, the site and the listed values: never a CSRF token, the
    user, messages or the query string. Previews always render afresh.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedfragment needs a name")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]]
    )
