"""Keep cached navigation right: any change to the page tree invalidates it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings
from home.navigation import invalidate_navigation, now_and_on_commit


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_tree_changed(sender, **kwargs):
    invalidate_navigation()


@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def page_or_locale_saved(sender, **kwargs):
    invalidate_navigation()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, **kwargs):
    # A page made private leaves cached listings, search results and menus at once; one made
    # public again joins them. Once more when the transaction commits: pages are served by
    # the cached private sections (home.privacy), and a request between the change and its
    # commit reads the restrictions of before.
    now_and_on_commit(invalidate_navigation)


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def search_promotion_changed(sender, **kwargs):
    # Cached search results carry the promotions of their query.
    invalidate_navigation()


@receiver(post_save, sender=SiteSettings)
def site_settings_saved(sender, created=False, **kwargs):
    # Settings are created empty on first read; only edits change what pages show.
    if not created:
        invalidate_navigation()
