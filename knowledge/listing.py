"""Knowledge listings: parse filters from the query string, build one queryset, page it.

Everything here runs a fixed number of queries, whatever the number of pages, themes or
organisations: listings prefetch what cards show and translate themes through one lookup.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from home.privacy import public
from knowledge.models.base import KnowledgePage
from knowledge.models.pages import KNOWLEDGE_PAGE_TYPES
from knowledge.models.taxonomy import ProcurementPhase, Theme
from network.models import Organisation

PAGE_SIZE = 12
SORTS = {
    "newest": ("-publication_date", "-pk"),
    "title": ("title", "pk"),
}
TYPE_LABELS = {
    "lesson": _("Lessons"),
    "example": _("Practice examples"),
    "pilot": _("Pilot cases"),
    "recommendation": _("Policy recommendations"),
}
SORT_LABELS = [("newest", _("Newest first")), ("title", _("Title A–Z"))]


def themes_by_key(locale_id):
    """The locale's themes keyed by translation key (cached; cleared when a theme changes)."""
    from home.navigation import cached

    return cached(
        f"themes:{locale_id}",
        lambda: {
            theme.translation_key: theme
            for theme in Theme.objects.filter(locale_id=locale_id, live=True)
        },
    )


def theme_by_slug(theme_map, slug):
    """The theme with this slug among `theme_map`'s values, or None (no query)."""
    return next((theme for theme in theme_map.values() if theme.slug == slug), None)


def localize_themes(pages, theme_map):
    """Attach `localized_themes` to each page: its themes in the reader's language."""
    for page in pages:
        page.localized_themes = [
            theme_map.get(theme.translation_key, theme) for theme in page.themes.all()
        ]
    return pages


def prepared_cards(page_obj, theme_map):
    """The items of a listing page with their themes and comment counts, loaded when used.

    A listing whose rendered markup comes from the cache never uses them, and then runs no
    listing query at all.
    """
    from network.comment_counts import attach_comment_counts

    def prepare():
        items = localize_themes(list(page_obj.object_list), theme_map)
        attach_comment_counts(items)
        return items

    return SimpleLazyObject(prepare)


@dataclass
class KnowledgeFilters:
    """Validated filters; unknown values are dropped, never an error."""

    types: list = field(default_factory=list)
    theme: Theme | None = None
    phase: str = ""
    organisation: Organisation | None = None
    year: int | None = None
    sort: str = "newest"

    @classmethod
    def from_query(cls, params, theme_map):
        filters = cls()
        filters.types = [t for t in params.getlist("type") if t in KNOWLEDGE_PAGE_TYPES]
        theme_slug = params.get("theme", "")
        filters.theme = theme_by_slug(theme_map, theme_slug)
        phase = params.get("phase", "")
        filters.phase = phase if phase in ProcurementPhase.values else ""
        organisation_slug = params.get("organisation", "")
        if organisation_slug:
            filters.organisation = Organisation.objects.filter(slug=organisation_slug).first()
        year = params.get("year", "")
        if year.isascii() and year.isdigit() and 1900 < int(year) < 3000:
            filters.year = int(year)
        sort = params.get("sort", "newest")
        filters.sort = sort if sort in SORTS else "newest"
        return filters

    def apply(self, queryset):
        if self.types:
            queryset = queryset.type(*[KNOWLEDGE_PAGE_TYPES[t] for t in self.types])
        if self.theme is not None:
            queryset = queryset.filter(themes__translation_key=self.theme.translation_key)
        if self.phase:
            queryset = queryset.filter(phase=self.phase)
        if self.organisation is not None:
            queryset = queryset.filter(organisations=self.organisation)
        if self.year:
            queryset = queryset.filter(publication_date__year=self.year)
        return queryset.order_by(*SORTS[self.sort])

    def as_query(self):
        """The active filters as query-string pairs, for pagination links."""
        pairs = [("type", t) for t in self.types]
        if self.theme is not None:
            pairs.append(("theme", self.theme.slug))
        if self.phase:
            pairs.append(("phase", self.phase))
        if self.organisation is not None:
            pairs.append(("organisation", self.organisation.slug))
        if self.year:
            pairs.append(("year", str(self.year)))
        if self.sort != "newest":
            pairs.append(("sort", self.sort))
        return pairs

    @property
    def active(self):
        return bool(self.types or self.theme or self.phase or self.organisation or self.year)


def knowledge_pages(index_page):
    """Live, public knowledge pages under an index page (so of its locale), ready for cards."""
    return (
        public(KnowledgePage.objects.live())
        .descendant_of(index_page)
        .defer_streamfields()
        .prefetch_related("themes")
    )


class CachedCountPaginator(Paginator):
    """A paginator whose total is kept in the navigation cache under `count_key`.

    The navigation cache is cleared whenever a page is published, unpublished, moved or
    deleted, which is when a listing's total can change.
    """

    def __init__(self, object_list, per_page, count_key):
        super().__init__(object_list, per_page)
        self.count_key = count_key

    @cached_property
    def count(self):
        from home.navigation import cached

        return cached(self.count_key, lambda: Paginator.count.func(self))


def paginate(queryset, page_param, count_key=None):
    """Page a queryset: a non-numeric page is page 1, a page past the end is a 404.

    With `count_key`, the total comes from the cache (see CachedCountPaginator).
    """
    if count_key:
        paginator = CachedCountPaginator(queryset, PAGE_SIZE, count_key)
    else:
        paginator = Paginator(queryset, PAGE_SIZE)
    try:
        number = int(page_param or 1)
    except (TypeError, ValueError):
        number = 1
    if number < 1:
        number = 1
    try:
        return paginator.page(number)
    except EmptyPage:
        if number == 1:
            return paginator.page(1)
        raise Http404("No such page") from None


def filter_options(index_page, base):
    """Choices for the filter form: the fixed ones, and the organisations and years that
    have pages (two queries, cached).

    `base` is the unfiltered listing queryset, so the options never depend on active filters.
    Only the queried choices are cached: the fixed labels are lazy translations, which a
    process would unpickle on every request, building a new class for each.
    """
    from home.navigation import cached

    return {
        "types": list(TYPE_LABELS.items()),
        "phases": ProcurementPhase.choices,
        "sorts": SORT_LABELS,
        **cached(f"knowledge-filter-choices:{index_page.pk}", lambda: _choices_with_pages(base)),
    }


def _choices_with_pages(base):
    organisations = Organisation.objects.filter(knowledge_pages__in=base.values("pk")).distinct()
    years = sorted(
        {d.year for d in base.order_by().dates("publication_date", "year")}, reverse=True
    )
    return {"organisations": list(organisations), "years": years}


def related_pages(page, theme_keys, theme_map, limit=4):
    """Other live pages of the same language that share a theme, newest first."""
    if not theme_keys:
        return []
    pages = list(
        public(KnowledgePage.objects.live())
        .filter(locale_id=page.locale_id, themes__translation_key__in=theme_keys)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .prefetch_related("themes")
        .distinct()
        .order_by("-publication_date", "-pk")[:limit]
    )
    return localize_themes(pages, theme_map)
