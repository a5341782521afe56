"""What a page tells search engines and link previews: title, description, canonical URL,
Open Graph and Twitter card.

One function, `page_meta`, reads the template context, so every route gets sensible values
without a view having to prepare them: a clause, a theme, a book chapter, an organisation or
a search names itself; a page uses its search description, else its summary or introduction,
else the site's own description. URLs are absolute on BASE_URL, never on the request's Host.
"""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue, StructValue
from wagtail.models import Page

from network.base_url import absolute_url
from network.media_files import usable_rendition

# Open Graph wants a territory: the network is Belgian; English readers get British English.
OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB"}
DESCRIPTION_LENGTH = 200
# Page fields that say what a page is about, best first (search_description comes before).
DESCRIPTION_FIELDS = (
    "summary",
    "intro",
    "subtitle",
    "foreword",
    "description",
    "context",
    "recommendation",
    "body",
)
# Page types read as articles by link previews; the rest are websites.
ARTICLE_TYPES = {
    "lessonpage",
    "practiceexamplepage",
    "pilotcasepage",
    "policyrecommendationpage",
    "topicpage",
}
IMAGE_FIELDS = ("cover_image", "image")
STREAM_IMAGE_FIELDS = ("gallery", "body")
IMAGE_SPEC = "fill-1200x630"


def site_name():
    return _("De Circulaire Aankopers")


def _text(value):
    """Plain text of a field value (rich text included), shortened for a description."""
    if not isinstance(value, str):
        return ""
    text = " ".join(strip_tags(value).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def _page_description(page):
    text = _text(getattr(page, "search_description", ""))
    for field in DESCRIPTION_FIELDS:
        if text:
            break
        text = _text(getattr(page, field, ""))
    return text


def _first_stream_image(page):
    """The first image of the page's gallery or body (a figure or gallery block), or None."""
    for field in STREAM_IMAGE_FIELDS:
        stream = getattr(page, field, None)
        if not isinstance(stream, StreamValue):
            continue
        for block in stream:
            image = block.value.get("image") if isinstance(block.value, StructValue) else None
            if image is not None:
                return image
    return None


def _page_image_url(page):
    """An absolute rendition URL of the page's own image, or "" where it has none."""
    image = next(
        (getattr(page, field) for field in IMAGE_FIELDS if getattr(page, field, None)), None
    )
    image = image or _first_stream_image(page)
    if image is None or not hasattr(image, "get_rendition"):
        return ""
    # A missing file leaves the preview without an image, never the page without a head.
    rendition = usable_rendition(image, IMAGE_SPEC)
    return absolute_url(rendition.url) if rendition is not None else ""


def _route_title_and_description(context, page):
    """Title and description of a route that shows one thing below its page (or None)."""
    if context.get("meta_title"):
        description = _text(context.get("meta_description", ""))
        return context["meta_title"], description or (_page_description(page) if page else "")
    if context.get("clause") is not None:
        clause = context["clause"]
        return clause.title, _text(clause.rationale) or _text(clause.text)
    if context.get("chapter") is not None and page is not None:
        chapter = context["chapter"]
        return f"{chapter.title} · {page.title}", _page_description(page)
    if context.get("theme") is not None:
        theme = context["theme"]
        return theme.name, _text(theme.description)
    if context.get("organisation") is not None:
        organisation = context["organisation"]
        return organisation.name, _text(getattr(organisation, "description", ""))
    outcome = context.get("outcome")
    if outcome is not None and getattr(outcome, "query", ""):
        return _("Search: %(query)s") % {"query": outcome.query}, ""
    return None


def page_meta(context, language_links):
    """The head's meta values for the page being rendered (see the module docstring)."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    title = description = ""
    route = _route_title_and_description(context, page)
    if route is not None:
        title, description = route
    elif page is not None:
        title = page.seo_title or page.title
        description = _page_description(page)
    description = description or _(
        "The learning network of Belgian buyers who procure circular: lessons, practice "
        "examples, tender clauses and meetings."
    )
    current = get_language()
    path = request.path if request is not None else "/"
    model = page.specific_class._meta.model_name if page is not None else ""
    is_article = model in ARTICLE_TYPES or bool(context.get("clause") or context.get("chapter"))
    return {
        "title": title,  # empty where the template's title block names the page
        "og_title": title or site_name(),
        "site_name": site_name(),
        "description": description,
        "canonical": absolute_url(path),
        "type": "article" if is_article else "website",
        "locale": OG_LOCALES.get(current, current),
        "locale_alternates": [
            OG_LOCALES.get(link["code"], link["code"])
            for link in language_links
            if link["exists"] and link["code"] != current
        ],
        "image": _page_image_url(page.specific if page is not None else None)
        if page is not None
        else "",
    }
