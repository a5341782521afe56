"""Atom feed of new knowledge pages, one per language (served by the index page)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledge import listing
from network.base_url import absolute_url, page_url

FEED_SIZE = 20


class KnowledgeFeed(Feed):
    feed_type = Atom1Feed

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
        return [theme.name for theme in item.themes.all()]
