"""How many published comments each listed page's thread holds, for listing cards.

A thread belongs to the default-language page of a translation group (see
`network.discussions.thread_target`), so every translation of a page shows the count of the
one shared thread. A whole listing is counted in one query, whatever its length, and the
result is cached until a comment changes or a page is published.
"""

import hashlib
import uuid

from django.db.models import CharField, Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from wagtail.models import Page

from network.discussions import default_locale_id
from network.models import DiscussionComment

VERSION_KEY = "comment-counts:version"


def counts_version():
    """A token in the cache; a new one invalidates every cached count at once.

    Rendered parts that show counts name it among the values they vary on. When the cache
    cannot be reached there is no token: a throwaway one then keeps such parts from being
    found again.
    """
    from home.navigation import version_token

    return version_token(VERSION_KEY) or f"unshared-{uuid.uuid4().hex}"


def invalidate_comment_counts():
    """Retire the cached counts, and the order of the topic lists that follows the topics'
    latest activity and pins (network.topic_views.topic_page)."""
    from home.navigation import new_version

    new_version(VERSION_KEY)


def comment_counts_changed():
    """`invalidate_comment_counts` now, and once more when the transaction commits.

    The second catches a count or topic order read by another request between the change
    and its commit, from the rows of before.
    """
    from home.navigation import now_and_on_commit

    now_and_on_commit(invalidate_comment_counts)


def published_comments_subquery():
    """The number of public, not removed comments on the outer page's own thread."""
    comments = (
        DiscussionComment.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_pk=Cast(OuterRef("pk"), CharField()),
            is_public=True,
            is_removed=False,
        )
        .order_by()
        .values("content_type_id")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(comments, output_field=IntegerField()), 0)


def count_threads(pages):
    """Published comments per page pk, each page counted on its thread's page (one query)."""
    locale_id = default_locale_id()
    keys = {page.translation_key for page in pages}
    rows = (
        Page.objects.filter(
            Q(translation_key__in=keys, locale_id=locale_id) | Q(pk__in=[p.pk for p in pages])
        )
        .annotate(published_comments=published_comments_subquery())
        .values_list("pk", "translation_key", "locale_id", "published_comments")
    )
    by_source_key, by_pk = {}, {}
    for pk, key, row_locale_id, total in rows:
        by_pk[pk] = total
        if row_locale_id == locale_id:
            by_source_key[key] = total
    # Like thread_target: a group without a default-language page keeps its own thread.
    return {
        page.pk: by_source_key.get(page.translation_key, by_pk.get(page.pk, 0)) for page in pages
    }


def comment_counts(pages):
    """`count_threads`, cached per set of pages until comments or pages change."""
    from home.navigation import cached

    pks = ",".join(str(pk) for pk in sorted({page.pk for page in pages}))
    digest = hashlib.blake2b(pks.encode(), digest_size=16).hexdigest()
    return cached(f"comment-counts:{digest}", lambda: count_threads(pages), versions=[VERSION_KEY])


def attach_comment_counts(*page_lists):
    """Set `published_comments` on every page of the given lists; one query at most."""
    pages = [page for pages in page_lists for page in pages]
    if not pages:
        return
    counts = comment_counts(pages)
    for page in pages:
        page.published_comments = counts.get(page.pk, 0)
