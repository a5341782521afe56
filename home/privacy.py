"""Privacy follows translations: one view restriction for every language of a page.

Wagtail keeps a view restriction on one page and its subtree, and each language has its own
tree, so a page made private in Dutch would stay public in French and English. Every
restriction is therefore mirrored onto the page's translations: added, changed (type,
password, groups) or removed on any page of a translation group, the same change is made on
the others in the same transaction. Mirroring keeps the restrictions where Wagtail looks for
them, so `.public()`, `before_serve_page`, the API, documents and the admin's privacy
indicators all treat the translations alike without code of their own. Translations created
later copy the restrictions of their source (`copy_for_translation_done`; wagtail-localize
does the same when it syncs); deleting a page takes only its own restrictions with it.

Besides mirroring, `is_private` and `may_view` answer "may this reader see this page" for the
lists that show pages outside page serving (member profiles, threads), from the private
sections kept in the navigation cache; page models read their own restrictions through them
(`CachedPrivacyMixin`), so serving a public page asks the database nothing about privacy.
"""

import threading

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

from home.navigation import cached

_state = threading.local()


class _Mirroring:
    """Marks the restriction changes made by mirroring, so they are not mirrored again."""

    def __enter__(self):
        _state.depth = getattr(_state, "depth", 0) + 1

    def __exit__(self, *exc):
        _state.depth -= 1


def _mirroring():
    return getattr(_state, "depth", 0) > 0


def translations_of(page):
    """The other pages of `page`'s translation group that can hold restrictions.

    Aliases are left out: Wagtail reads an alias's restrictions from its original.
    """
    return Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True).exclude(
        pk=page.pk
    )


def copy_restrictions(source, target):
    """Make `target`'s own restrictions the same as `source`'s (type, password, groups)."""
    wanted = list(source.view_restrictions.order_by("pk").prefetch_related("groups"))
    existing = list(target.view_restrictions.order_by("pk").prefetch_related("groups"))
    with _Mirroring():
        for index, original in enumerate(wanted):
            copy = existing[index] if index < len(existing) else None
            if copy is None:
                copy = PageViewRestriction(page=target)
            changed = copy.pk is None or (copy.restriction_type, copy.password) != (
                original.restriction_type,
                original.password,
            )
            if changed:
                copy.restriction_type = original.restriction_type
                copy.password = original.password
                copy.save()
            groups = {group.pk for group in original.groups.all()}
            if groups != {group.pk for group in copy.groups.all()}:
                copy.groups.set(groups)
        for extra in existing[len(wanted) :]:
            extra.delete()


def mirror_to_translations(page):
    """Give every translation of `page` the restrictions `page` has now."""
    with transaction.atomic():
        for translation in translations_of(page):
            copy_restrictions(page, translation)


def _deleted_with_a_page(origin):
    """True when a restriction goes because its page is deleted, not because it is lifted."""
    if isinstance(origin, Page):
        return True
    return isinstance(origin, QuerySet) and issubclass(origin.model, Page)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="privacy-restriction-saved")
def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw or _mirroring():
        return
    mirror_to_translations(instance.page)


@receiver(
    m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="privacy-groups-changed"
)
def restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """The admin sets a restriction's groups after saving it: mirror the groups too."""
    if _mirroring() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        mirror_to_translations(instance.page)
    elif pk_set:
        for restriction in PageViewRestriction.objects.filter(pk__in=pk_set).select_related("page"):
            mirror_to_translations(restriction.page)


@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="privacy-restriction-deleted")
def restriction_deleted(sender, instance, origin=None, **kwargs):
    """A lifted restriction is lifted in every language; a deleted page keeps the others'."""
    if _mirroring() or _deleted_with_a_page(origin):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        mirror_to_translations(page)


@receiver(copy_for_translation_done, dispatch_uid="privacy-translation-created")
def translation_created(sender, source_obj, target_obj, **kwargs):
    """A new translation is as private as its source from the start."""
    if isinstance(source_obj, Page) and isinstance(target_obj, Page) and not target_obj.alias_of_id:
        copy_restrictions(source_obj, target_obj)


def private_sections():
    """(path, depth) of each page whose subtree is private (cached until the next change to a
    restriction or the page tree).

    These are the pages with a view restriction of their own, and the aliases of such pages:
    Wagtail reads an alias's restrictions from its original, for the alias and its subtree.
    """

    def compute():
        own = PageViewRestriction.objects.order_by().values_list("page__path", "page__depth")
        aliases = (
            Page.objects.filter(
                Q(alias_of__view_restrictions__isnull=False)
                | Q(alias_of__alias_of__view_restrictions__isnull=False)
            )
            .order_by()
            .values_list("path", "depth")
        )
        return sorted(set(own.union(aliases)))  # one query

    return cached("private-sections", compute)


def _in_private_sections():
    """The condition that a page lies in a private section, or None when there is none."""
    private = Q()
    for path, depth in private_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return private or None


def public(pages):
    """`pages.public()`, Wagtail's filter of the pages outside every private section, with
    the sections read from the cache instead of the database (no query)."""
    private = _in_private_sections()
    return pages if private is None else pages.exclude(private)


def not_public(pages):
    """`pages.not_public()`, the pages in a private section, from the cached sections."""
    private = _in_private_sections()
    return pages.none() if private is None else pages.filter(private)


class CachedPrivacyMixin:
    """For page models: `get_view_restrictions()` without a query for a page outside every
    private section.

    Wagtail checks a page's restrictions before serving it, with two queries (the page's
    ancestors, then their restrictions). A page whose path lies under no private section
    (`private_sections`: every page with a restriction of its own and every alias of one)
    has none, so an empty queryset answers; any other page asks Wagtail as usual. A system
    check (home.checks) makes sure every page model of the site has this mixin.
    """

    def get_view_restrictions(self):
        if self.path and not is_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def is_private(page):
    """Whether a view restriction applies to `page` (no query: the sections are cached)."""
    return any(page.path.startswith(path) for path, _depth in private_sections())


def may_view(request, page):
    """Whether the reader of `request` passes every view restriction on `page`, as Wagtail's
    `check_view_restrictions` would let them see it."""
    if not is_private(page):
        return True
    if request is None:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def private_in_any_language(page):
    """Whether `page` or any page of its translation group is under a view restriction (one
    query)."""
    sections = private_sections()
    if not sections:
        return False
    paths = Page.objects.filter(translation_key=page.translation_key).values_list("path", flat=True)
    return any(path.startswith(section) for path in paths for section, _depth in sections)
