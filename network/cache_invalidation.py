"""Keep the page cache and the frontend cache (CDN) right when content changes.

Page cache: any change to a model that pages show (pages, snippets, site settings, images,
documents, comments, registrations ...) starts a new cache generation, so no anonymous
reader is served a page rendered before the change. One global generation is coarse (an edit
to one lesson re-renders every page once), but it is always right, and a site this size
changes far less often than it is read.

Frontend cache: Wagtail purges a page's URL when it is published or unpublished. A new or
moderated comment also changes the page it is on, and a registration the seats left on its
event page; those pages are purged here, in every language, after the transaction commits.
"""

import logging
from functools import cache as memoize

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import post_page_move

from agenda.models import Registration
from home.navigation import now_and_on_commit, renew_versions_after_outage, waiting_for_commit
from network.cache_backends import cache_recovered
from network.models import DiscussionComment
from network.page_cache import invalidate_page_cache

logger = logging.getLogger(__name__)

# Everything is content unless listed here, so a model added later invalidates by default.
# Apps whose models no public page shows:
UNSHOWN_APPS = frozenset(
    {
        "account",  # allauth's addresses and confirmations
        "admin",
        "auth",  # member names on pages come from their profiles
        "contenttypes",
        "django_tasks_database",  # the task queue: every queued e-mail writes a row
        "sessions",
        "sites",
        "wagtail_localize",  # its translations reach pages by publishing them
        "wagtailadmin",
        "wagtailembeds",  # oEmbed responses cached on first render
        "wagtailsearch",
        "wagtailusers",
    }
)
# ... and models that reading pages writes (search statistics, renditions made on first
# view), that editors write while drafting (revisions, logs, workflow states), or that only
# members see.
UNSHOWN_MODELS = frozenset(
    {
        "events.undeliveredemail",
        "home.searchtermstat",
        "network.digestlog",
        "network.keptemail",  # e-mails the mail server refused, kept to send again
        "network.threadfollow",
        "network.topicreadstate",  # written as members read threads
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.modellogentry",
        "wagtailcore.pagelogentry",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailcore.revision",
        "wagtailcore.taskstate",
        "wagtailcore.uploadedfile",
        "wagtailcore.workflowstate",
        "wagtailimages.rendition",
        "wagtailsearchpromotions.query",
        "wagtailsearchpromotions.querydailyhits",
    }
)


@memoize
def shows_on_pages(model):
    """Whether saving or deleting an instance of `model` can change a public page."""
    meta = model._meta
    return meta.app_label not in UNSHOWN_APPS and meta.label_lower not in UNSHOWN_MODELS


def invalidate_page_cache_safely():
    try:
        invalidate_page_cache()
    except Exception:
        logger.warning("Could not invalidate the page cache", exc_info=True)


def content_changed():
    """Invalidate the page cache now, and once more when the transaction commits
    (home.navigation.now_and_on_commit): a transaction that saves many rows, as publishing
    does, still invalidates once on commit.

    A cache that fails here never undoes nor hides the change: the failure is logged, and
    after the commit (a registration, a comment) the person who made it still gets their
    answer.
    """
    now_and_on_commit(invalidate_page_cache_safely)


def _settings_created_on_first_read(sender, created):
    # Site settings are created with their defaults the first time a page reads them.
    return created and issubclass(sender, (BaseGenericSetting, BaseSiteSetting))


@receiver(post_save)
def model_saved(sender, created=False, **kwargs):
    if shows_on_pages(sender) and not _settings_created_on_first_read(sender, created):
        content_changed()


@receiver(post_delete)
def model_deleted(sender, **kwargs):
    if shows_on_pages(sender):
        content_changed()


@receiver(m2m_changed)
def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and shows_on_pages(type(instance)):
        content_changed()


# Changes made while the shared cache was unreachable could not retire what it still holds:
# when it answers again, every cached page and value gets a new version.
cache_recovered.connect(invalidate_page_cache, dispatch_uid="page-cache-recovered")
cache_recovered.connect(renew_versions_after_outage, dispatch_uid="navigation-cache-recovered")


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    # Moving rewrites url paths with queryset updates, which send no save signals.
    content_changed()


# -- frontend cache ---------------------------------------------------------------------------


class PendingPurge:
    """Pages to purge from the CDN when the transaction commits, gathered into one batch."""

    def __init__(self, translation_keys):
        self.translation_keys = set(translation_keys)

    def __call__(self):
        pages = Page.objects.filter(translation_key__in=self.translation_keys).live()
        batch = PurgeBatch()
        batch.add_pages(pages)
        batch.purge()


def purge_pages_later(pages):
    """Purge these pages, in every language, from the CDN once the change commits.

    A comment or registration is often saved more than once in one transaction; its pages
    join the purge already waiting for that commit instead of being purged twice.
    """
    keys = {page.translation_key for page in pages if page is not None}
    if not keys:
        return
    pending = waiting_for_commit(lambda callback: isinstance(callback, PendingPurge))
    if pending is not None:
        pending.translation_keys.update(keys)
    else:
        transaction.on_commit(PendingPurge(keys), robust=True)


@receiver(post_save, sender=DiscussionComment)
@receiver(post_delete, sender=DiscussionComment)
def comment_changed(sender, instance, **kwargs):
    """The thread is on the default-language page and shown on each of its translations."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_later([Page.objects.filter(pk=instance.object_pk).first()])


@receiver(post_save, sender=Registration)
@receiver(post_delete, sender=Registration)
def registration_changed(sender, instance, **kwargs):
    """Seats left and the waitlist show on the event page."""
    if settings.WAGTAILFRONTENDCACHE:
        purge_pages_later([instance.event])
