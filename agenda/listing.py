"""Agenda and register listings: one queryset each, a fixed number of queries per page."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, Paginator
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from agenda.models import EventKind, EventPage, OutcomeKind, WorkSessionOutcome
from home.privacy import public
from knowledge.listing import theme_by_slug
from knowledge.models import Theme

PAGE_SIZE = 12


def themes_by_key(locale):
    """The locale's themes keyed by translation key (one query)."""
    return {
        theme.translation_key: theme for theme in Theme.objects.filter(locale=locale, live=True)
    }


def events_in(locale, ancestor=None):
    """Live, public events of one language, with their theme key for cards."""
    queryset = (
        public(EventPage.objects.live())
        .filter(locale=locale)
        .defer_streamfields()
        .annotate(theme_key=F("worksessionpage__theme__translation_key"))
    )
    if ancestor is not None:
        queryset = queryset.descendant_of(ancestor)
    return queryset


def upcoming(queryset, now=None):
    return queryset.filter(end__gte=now or timezone.now()).order_by("start", "pk")


# How many of the next events `next_upcoming` keeps in the navigation cache.
UPCOMING_CANDIDATES = 12


def next_upcoming(locale, count):
    """The next `count` live, public events of `locale`, as `upcoming` lists them.

    Finding them means sorting every event of the language (databases reach them through
    the language's pages), so the ids and ends of the next few are kept in the navigation
    cache, which publishing, unpublishing, moving or deleting any page clears. Time only
    moves on: the candidates whose end has not passed yet are the start of today's list,
    so they answer until fewer than `count` are left; then they are looked up again.
    """
    from home.navigation import cached

    now = timezone.now()

    def candidates():
        return list(upcoming(events_in(locale), now).values_list("pk", "end")[:UPCOMING_CANDIDATES])

    # Read again every hour at least, so the candidates seldom run out.
    hour = int(now.timestamp() // 3600)
    rows = cached(f"upcoming-events:{locale.pk}:{hour}", candidates)
    ids = [pk for pk, end in rows if end >= now][:count]
    if len(ids) < count and len(rows) == UPCOMING_CANDIDATES:
        return list(upcoming(events_in(locale), now)[:count])
    return list(upcoming(events_in(locale).filter(pk__in=ids), now))


def past(queryset, now=None):
    return queryset.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def localize_theme(items, theme_map):
    """Attach `localized_theme` (the theme in the reader's language) from `theme_key`."""
    for item in items:
        item.localized_theme = theme_map.get(item.theme_key)
    return items


@dataclass
class AgendaFilters:
    """Filters from the query string; unknown values are ignored, never an error."""

    kind: str = ""
    theme: Theme | None = None
    when: str = "upcoming"

    @classmethod
    def from_query(cls, params, theme_map):
        kind = params.get("kind", "")
        theme_slug = params.get("theme", "")
        when = params.get("when", "upcoming")
        return cls(
            kind=kind if kind in EventKind.values else "",
            theme=theme_by_slug(theme_map, theme_slug),
            when=when if when in ("upcoming", "past") else "upcoming",
        )

    def apply(self, queryset, now=None):
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.theme is not None:
            queryset = queryset.filter(
                worksessionpage__theme__translation_key=self.theme.translation_key
            )
        return past(queryset, now) if self.when == "past" else upcoming(queryset, now)

    def as_query(self):
        pairs = []
        if self.kind:
            pairs.append(("kind", self.kind))
        if self.theme is not None:
            pairs.append(("theme", self.theme.slug))
        if self.when != "upcoming":
            pairs.append(("when", self.when))
        return pairs


@dataclass
class OutcomeFilters:
    kind: str = ""
    theme: Theme | None = None

    @classmethod
    def from_query(cls, params, theme_map):
        kind = params.get("kind", "")
        theme_slug = params.get("theme", "")
        return cls(
            kind=kind if kind in OutcomeKind.values else "",
            theme=theme_by_slug(theme_map, theme_slug),
        )

    def as_query(self):
        pairs = [("kind", self.kind)] if self.kind else []
        if self.theme is not None:
            pairs.append(("theme", self.theme.slug))
        return pairs


def outcomes_in(locale, filters):
    """Outcome records of live work sessions in one language, newest session first.

    An outcome without its own theme takes its session's theme; `theme_key` carries
    whichever applies, so filtering and display need no extra queries.
    """
    queryset = (
        WorkSessionOutcome.objects.filter(locale=locale, page__live=True)
        .select_related("page")
        .annotate(
            own_theme_key=F("theme__translation_key"),
            session_theme_key=F("page__theme__translation_key"),
        )
        .order_by("-page__start", "page_id", "sort_order")
    )
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.theme is not None:
        key = filters.theme.translation_key
        queryset = queryset.filter(theme__translation_key=key) | queryset.filter(
            theme__isnull=True, page__theme__translation_key=key
        )
    return queryset


def paginate(queryset, page_param, per_page=PAGE_SIZE):
    """Page a queryset: a non-numeric page is page 1, a page past the end is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        number = max(int(page_param or 1), 1)
    except (TypeError, ValueError):
        number = 1
    try:
        return paginator.page(number)
    except EmptyPage:
        if number == 1:
            return paginator.page(1)
        raise Http404("No such page") from None
