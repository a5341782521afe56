"""Keep cached navigation right: any change to the page tree invalidates it.

Every invalidation runs now and once more when the transaction commits
(home.navigation.now_and_on_commit): a request between a change and its commit would
otherwise cache what it read of the rows of before under the new token, and keep it until
the next change.
"""

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
    now_and_on_commit(invalidate_navigation)


@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def page_or_locale_saved(sender, **kwargs):
    now_and_on_commit(invalidate_navigation)


@receiver(post_save)
def site_root_saved(sender, instance, **kwargs):
    # Wagtail forgets the sites' root paths when a site's root page or a new translation of
    # it is saved, a draft's save included; the navigation cache keeps them too.
    if isinstance(instance, Page) and instance.is_site_root():
        now_and_on_commit(invalidate_navigation)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, **kwargs):
    # A page made private leaves cached listings, search results and menus at once; one made
    # public again joins them. Pages are served by the cached private sections (home.privacy).
    now_and_on_commit(invalidate_navigation)


@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def search_promotion_changed(sender, **kwargs):
    # Cached search results carry the promotions of their query.
    now_and_on_commit(invalidate_navigation)


@receiver(post_save, sender=SiteSettings)
def site_settings_saved(sender, created=False, **kwargs):
    # Settings are created empty on first read; only edits change what pages show.
    if not created:
        now_and_on_commit(invalidate_navigation)
