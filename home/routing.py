"""Page routing that costs one query instead of two per level of the URL.

Wagtail finds the page for `/nl/kennisbank/some-lesson/` by loading each level's child by
slug and then its specific object: four queries for that URL. Here each level's child is
looked up in the navigation cache (which any publish, unpublish, move or deletion clears),
and only the page that answers is loaded, with one query whose SQL each process builds once
per page type (`load_page`). The outcome is Wagtail's own:
at each level a live routable page first tries its sub-routes (as
`RoutablePageMixin.route` does), an unknown slug is a 404, and the page found runs its
own `route()` with what is left of the path.
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from home.navigation import cached


def child_by_slug(parent, slug):
    """(pk, content type id, live, path, depth) of `parent`'s child with `slug`, or None."""
    pk, _content_type_id, _live, path, depth = parent
    # Any text can arrive here (the API's find endpoint routes a given path): hashed, the
    # key is short and safe for every cache backend.
    digest = hashlib.blake2b(slug.encode(), digest_size=16).hexdigest()
    return cached(
        f"route-child:{pk}:{digest}",
        lambda: (
            Page.objects.filter(path__startswith=path, depth=depth + 1, slug=slug)
            .values_list("pk", "content_type_id", "live", "path", "depth")
            .first()
        ),
    )


def handles_subpath(model, live, components):
    """Whether a routable page of `model` answers `components` with one of its sub-routes."""
    if not (live and issubclass(model, RoutablePageMixin)):
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(components) + "/")
    except Http404:
        return False
    return True


def route_from(root, request, path_components):
    """The RouteResult of `root.route(request, path_components)`, found as described above."""
    node = (root.pk, root.content_type_id, root.live, root.path, root.depth)
    model = type(root)
    consumed = 0
    for index, slug in enumerate(path_components):
        if handles_subpath(model, node[2], path_components[index:]):
            break
        node = child_by_slug(node, slug)
        if node is None:
            raise Http404
        model = ContentType.objects.get_for_id(node[1]).model_class()
        if model is None:  # a page type whose code is gone: let Wagtail decide
            return Page.route(root, request, path_components)
        consumed = index + 1
    remaining = path_components[consumed:]
    if consumed == 0:
        return Page.route(root, request, remaining)
    page = load_page(model, node[0])
    if page is None:  # deleted by another process a moment ago
        raise Http404
    return page.route(request, remaining)


def load_page(model, pk, using="default"):
    """`model.objects.get(pk=pk)`, or None when there is no such page, without building SQL.

    Building the SQL that loads a page type's row (its table joined to each table it
    extends, every column named) costs Django more than running it: half a millisecond for
    a page type of fifty fields, on every request. It depends only on the page type and
    the database, so each process builds it once; `raw()` turns the row into the page, with
    the same conversions of values as the ORM.
    """
    sql = _page_sql(model, using)
    return next(iter(model.objects.db_manager(using).raw(sql, [pk])), None)


@functools.cache
def _page_sql(model, using):
    sql, params = model.objects.db_manager(using).filter(pk=0).query.sql_with_params()
    if params != (0,):  # a default manager that filters or annotates: not this shortcut
        raise ValueError(f"{model.__name__}'s default query is not a lookup by primary key.")
    return sql


def localized_home(home):
    """The live home page in the active language, else `home`, as Wagtail's `localized`.

    Kept in the navigation cache as specific pages: Wagtail looks up the active locale, the
    translation and then its specific object on every request.
    """
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return home
    homes = cached(
        f"home-translations:{home.translation_key}",
        lambda: {
            page.locale.language_code: page.specific
            for page in home.get_translations(inclusive=True).live().select_related("locale")
        },
    )
    return homes.get(language, home)
