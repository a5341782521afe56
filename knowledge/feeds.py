"""Atom feed of new knowledge pages, one per language (served by the index page).

Each entry's themes are Atom categories whose term is the theme's language-independent key
(the same in the three feeds) and whose label is its name in the feed's language.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledge import listing
from knowledge.taxonomy_keys import theme_data
from network.base_url import absolute_url, page_url

FEED_SIZE = 20


class LabelledCategoriesAtomFeed(Atom1Feed):
    """Atom 1.0 with a `label` on each category (Django writes the term only)."""

    def add_item_elements(self, handler, item):
        labels = item.get("category_labels") or {}
        categories, item["categories"] = item["categories"], ()
        super().add_item_elements(handler, item)
        item["categories"] = categories
        for term in categories or ():
            attributes = {"term": term}
            if labels.get(term):
                attributes["label"] = labels[term]
            handler.addQuickElement("category", "", attributes)


class KnowledgeFeed(Feed):
    feed_type = LabelledCategoriesAtomFeed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return _("New in the knowledge base of De Circulaire Aankopers")

    def subtitle(self, obj):
        return obj.intro

    # Absolute URLs on BASE_URL, whatever Host the request named: the syndication framework
    # would otherwise prefix relative ones with the request's scheme and the Sites domain.
    def link(self, obj):
        return page_url(obj, self.request)

    def feed_url(self, obj):
        return absolute_url(self.request.get_full_path())

    def items(self, obj):
        return (
            listing.knowledge_pages(obj)
            .select_related("locale")
            .order_by("-publication_date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale.language_code}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(
            datetime.datetime.combine(item.publication_date, datetime.time(9, 0))
        )

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [data["key"] for data in self._themes(item)]

    def item_extra_kwargs(self, item):
        return {"category_labels": {data["key"]: data["name"] for data in self._themes(item)}}

    def _themes(self, item):
        return [theme_data(theme, item.locale_id) for theme in item.themes.all()]
