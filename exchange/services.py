"""Every rule of the component exchange: requesting, deciding, collecting, who may decide.

Each function that changes how much of an offer is taken runs in one transaction that first
locks the offer's row (`select_for_update`; on SQLite the IMMEDIATE transaction mode
serialises writers), so the availability check and the write never interleave with another
request's. E-mails are sent only once the transaction has committed its decision.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from exchange import emails
from exchange.models import HOLDING_STATUSES, ComponentOffer, ComponentRequest, RequestStatus
from home.navigation import cached, cached_readonly, new_version
from home.privacy import public


class ExchangeError(Exception):
    """A rule refused the request; `message` is translated and fit to show to the person."""

    def __init__(self, code, message, field=None):
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.field = field


@dataclass
class Requester:
    """Who asks (already validated by the form)."""

    name: str
    email: str
    language: str
    organisation_name: str = ""
    user: object = None


def _lock_offer(offer):
    """Lock and return the offer's row: the row that guards its quantity."""
    return ComponentOffer.objects.select_for_update().get(pk=offer.pk)


def committed_quantity(offer):
    """What is requested, reserved or collected of `offer` (one query)."""
    total = ComponentRequest.objects.filter(offer=offer, status__in=HOLDING_STATUSES).aggregate(
        total=Sum("quantity")
    )["total"]
    return total or 0


def remaining_quantity(offer):
    return max(offer.quantity - committed_quantity(offer), 0)


def request_components(offer, requester, quantity, message, today=None):
    """Hold `quantity` of `offer` for `requester` until the offering side decides.

    Raises ExchangeError when the offer is not on offer or fewer units are left; the error
    says how many are left, so the member can ask again for what there is.
    """
    today = today or timezone.localdate()
    if quantity < 1:
        raise ExchangeError("quantity", _("Ask for at least one unit."), field="quantity")
    with transaction.atomic():
        locked = _lock_offer(offer)
        if not locked.published or not locked.pilot_case.live:
            raise ExchangeError("unavailable", _("This offer is no longer on the site."))
        if locked.available_until and locked.available_until < today:
            raise ExchangeError("expired", _("This offer is no longer available."))
        left = max(locked.quantity - committed_quantity(locked), 0)
        if left == 0:
            raise ExchangeError(
                "none_left",
                _("Everything of this offer is already requested or reserved."),
                field="quantity",
            )
        if quantity > left:
            raise ExchangeError(
                "too_many",
                _("Only %(left)s left: ask for %(left)s or fewer.") % {"left": left},
                field="quantity",
            )
        created = ComponentRequest.objects.create(
            offer=locked,
            user=requester.user,
            name=requester.name,
            email=requester.email,
            organisation_name=requester.organisation_name,
            language=requester.language,
            quantity=quantity,
            message=message,
        )
        transaction.on_commit(lambda: emails.notify_requested(created))
    return created


def _decide(component_request, from_statuses, to_status, user, note, now):
    with transaction.atomic():
        _lock_offer(component_request.offer)
        current = ComponentRequest.objects.select_for_update().get(pk=component_request.pk)
        if current.status not in from_statuses:
            raise ExchangeError(
                "status",
                _("This request is already %(status)s.")
                % {"status": current.get_status_display().lower()},
            )
        current.status = to_status
        if to_status == RequestStatus.COLLECTED:
            current.collected_at = now
        else:
            current.decided_by = user
            current.decided_at = now
            current.decision_note = note
        current.save()
        transaction.on_commit(lambda: emails.notify_decision(current))
    return current


def accept(component_request, user=None, note="", now=None):
    """Turn a held request into a reservation."""
    return _decide(
        component_request,
        (RequestStatus.REQUESTED,),
        RequestStatus.RESERVED,
        user,
        note,
        now or timezone.now(),
    )


def decline(component_request, user=None, note="", now=None):
    """Refuse a request; its quantity is free again at once."""
    return _decide(
        component_request,
        (RequestStatus.REQUESTED, RequestStatus.RESERVED),
        RequestStatus.DECLINED,
        user,
        note,
        now or timezone.now(),
    )


def mark_collected(component_request, user=None, now=None):
    """The member took the reserved components away: they count as kept in use."""
    return _decide(
        component_request,
        (RequestStatus.RESERVED,),
        RequestStatus.COLLECTED,
        user,
        "",
        now or timezone.now(),
    )


def can_decide(user, offer):
    """Editors with the permission, or members of the offering organisation."""
    if not user.is_authenticated:
        return False
    if user.has_perm("exchange.decide_componentrequest"):
        return True
    profile = getattr(user, "member_profile", None)
    return bool(
        profile and offer.organisation_id and profile.organisation_id == offer.organisation_id
    )


def decidable_offers(user):
    """The offers whose requests `user` may decide on."""
    offers = ComponentOffer.objects.all()
    if user.has_perm("exchange.decide_componentrequest"):
        return offers
    profile = getattr(user, "member_profile", None)
    if profile is None or profile.organisation_id is None:
        return offers.none()
    return offers.filter(organisation_id=profile.organisation_id)


@dataclass
class ImpactRow:
    """One element type's collected quantity, in the unit of its group."""

    element_type: str
    label: str
    quantity: int
    kilograms: float  # of the part whose weight is known
    unweighed: int  # the part of `quantity` whose weight is not known
    percent: int = 0  # of the group's largest quantity, for the chart


@dataclass
class ImpactGroup:
    """What was collected in one unit (pieces, m², m³, ...): quantities only add up per unit."""

    unit: str
    label: str  # the unit's name in the page's language
    rows: list
    quantity: int
    kilograms: float
    unweighed: int
    quantity_text: str  # "12 pieces", "40 m²" in the page's language
    unweighed_text: str


@dataclass
class Impact:
    """Collected components per unit, and their kilograms where the weight is known."""

    groups: list
    kilograms: float
    unweighed: list  # texts of the quantities without a known weight, one per unit

    @property
    def quantities(self):
        return [group.quantity_text for group in self.groups]


# The token under which impact figures and the searchable offers are cached; retired when an
# offer or request changes.
EXCHANGE_VERSION_KEY = "exchange:version"

# Units that are themselves a weight: how many kilograms one of them is.
KILOGRAMS_PER_UNIT = {"kg": 1, "tonne": 1000}


def impact(pilot_case=None, theme=None):
    """What was collected: per unit, per element type, and kilograms kept in use.

    Quantities in different units (pieces, m², m³ ...) are never added together. Kilograms
    count only what has a known weight (an offer in kg or tonnes, or one with a weight per
    unit); the rest is reported per unit as "without a known weight".

    Scoped to one pilot case (any of its translations) or one theme (any translation),
    else the whole network. Kept in the shared cache until an offer or request changes or a
    page is published, so a page that shows the figures costs no query once warm.
    """
    scope = (
        f"pilot:{pilot_case.translation_key}"
        if pilot_case is not None
        else f"theme:{theme.translation_key}"
        if theme is not None
        else "network"
    )
    return cached(
        f"exchange-impact-per-unit:{scope}:{get_language()}",
        lambda: _computed_impact(pilot_case, theme),
        versions=[EXCHANGE_VERSION_KEY],
    )


def retire_exchange_values():
    """Make every page compute its impact figures and searchable offers again (after an offer
    or request changed)."""
    new_version(EXCHANGE_VERSION_KEY)


def quantity_text(quantity, unit):
    """A quantity with its unit in the active language: "12 pieces", "40 m²", "3 tonnes"."""
    from django.utils.formats import number_format
    from django.utils.translation import ngettext

    from knowledge.blocks import UNIT_CHOICES

    number = number_format(quantity)
    if unit == "piece":
        return ngettext("%(count)s piece", "%(count)s pieces", quantity) % {"count": number}
    if unit == "tonne":
        return ngettext("%(count)s tonne", "%(count)s tonnes", quantity) % {"count": number}
    return f"{number}\u00a0{dict(UNIT_CHOICES).get(unit, unit)}"


def _computed_impact(pilot_case, theme):
    """The impact figures from the database, in one query."""
    from decimal import Decimal

    from django.db.models import Case, DecimalField, F, Q, Value, When

    from exchange.models import ElementType
    from knowledge.blocks import UNIT_CHOICES
    from knowledge.models.pages import PilotCasePage

    collected = ComponentRequest.objects.filter(
        status=RequestStatus.COLLECTED, offer__published=True, offer__pilot_case__live=True
    )
    if pilot_case is not None:
        collected = collected.filter(offer__pilot_case__translation_key=pilot_case.translation_key)
    if theme is not None:
        # A subquery, so a pilot case linked to the same theme twice still counts once.
        collected = collected.filter(
            offer__pilot_case__in=PilotCasePage.objects.filter(
                themes__translation_key=theme.translation_key
            ).values("pk")
        )
    kilograms = DecimalField(max_digits=16, decimal_places=2)
    weighed = Q(offer__weight_per_unit_kg__gt=0)
    weight = Case(
        *(
            When(offer__unit=unit, then=F("quantity") * Value(Decimal(factor)))
            for unit, factor in KILOGRAMS_PER_UNIT.items()
        ),
        When(weighed, then=F("quantity") * F("offer__weight_per_unit_kg")),
        default=Value(Decimal(0)),
        output_field=kilograms,
    )
    unweighed = ~Q(offer__unit__in=list(KILOGRAMS_PER_UNIT)) & ~weighed
    totals = (
        collected.values("offer__unit", "offer__element_type")
        .annotate(
            collected_quantity=Sum("quantity"),
            kilograms=Sum(weight, output_field=kilograms),
            unweighed=Sum("quantity", filter=unweighed),
        )
        .order_by("offer__unit", "offer__element_type")
    )
    element_labels = dict(ElementType.choices)
    rows_by_unit = {}
    for total in totals:
        element_type = total["offer__element_type"]
        rows_by_unit.setdefault(total["offer__unit"], []).append(
            ImpactRow(
                element_type=element_type,
                label=str(element_labels.get(element_type, element_type)),
                quantity=total["collected_quantity"] or 0,
                kilograms=float(total["kilograms"] or 0),
                unweighed=total["unweighed"] or 0,
            )
        )
    unit_order = [unit for unit, _label in UNIT_CHOICES]
    unit_labels = dict(UNIT_CHOICES)
    groups = []
    for unit in sorted(rows_by_unit, key=lambda u: unit_order.index(u) if u in unit_order else 99):
        rows = sorted(rows_by_unit[unit], key=lambda row: (-row.quantity, row.label))
        largest = rows[0].quantity if rows else 0
        for row in rows:
            row.percent = round(100 * row.quantity / largest) if largest else 0
        quantity = sum(row.quantity for row in rows)
        unweighed_quantity = sum(row.unweighed for row in rows)
        groups.append(
            ImpactGroup(
                unit=unit,
                label=str(unit_labels.get(unit, unit)),
                rows=rows,
                quantity=quantity,
                kilograms=sum(row.kilograms for row in rows),
                unweighed=unweighed_quantity,
                quantity_text=quantity_text(quantity, unit),
                unweighed_text=quantity_text(unweighed_quantity, unit),
            )
        )
    return Impact(
        groups=groups,
        kilograms=sum(group.kilograms for group in groups),
        unweighed=[group.unweighed_text for group in groups if group.unweighed],
    )


def offer_listing(filters, today=None):
    """Published offers that are not over, filtered, with `committed` and photo renditions.

    One query for the offers with their pilot cases, one for the photos and one for their
    renditions, whatever the number of offers.
    """
    from django.db.models import F, Prefetch, Q
    from wagtail.images import get_image_model

    from exchange.models import LISTING_PHOTO

    today = today or timezone.localdate()
    offers = (
        ComponentOffer.objects.published()
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=today))
        .with_committed()
        .select_related("pilot_case")
        .prefetch_related(
            Prefetch(
                "photo",
                queryset=get_image_model().objects.prefetch_renditions(LISTING_PHOTO),
            )
        )
        .order_by("available_from", "pk")
    )
    for field in ("element_type", "material", "region"):
        if filters.get(field):
            offers = offers.filter(**{field: filters[field]})
    if filters.get("availability") == "now":
        offers = offers.filter(available_from__lte=today, committed__lt=F("quantity"))
    elif filters.get("availability") == "later":
        offers = offers.filter(available_from__gt=today)
    return offers


def localized_pilot_cases(offers, language):
    """Map each offer's pilot case pk to its live page in `language` (one query), falling
    back to the original page where it is not translated."""
    from knowledge.models import PilotCasePage

    keys = {offer.pilot_case.translation_key for offer in offers}
    translated = {
        page.translation_key: page
        for page in public(PilotCasePage.objects.live())
        .filter(translation_key__in=keys, locale__language_code=language)
        .only("pk", "title", "url_path", "translation_key", "locale_id", "path", "depth")
    }
    return {
        offer.pilot_case_id: translated.get(offer.pilot_case.translation_key, offer.pilot_case)
        for offer in offers
    }


def searchable_offers():
    """Every published offer, with the text the site search looks in, in the order offers
    are listed (cached until an offer changes or a page is published or unpublished)."""

    def compute():
        return [
            (offer, " ".join((offer.name, offer.name_fr, offer.name_en, offer.location)).lower())
            for offer in ComponentOffer.objects.published().order_by("available_from", "pk")
        ]

    return cached_readonly("exchange-searchable-offers", compute, versions=[EXCHANGE_VERSION_KEY])


def search_offers(query, limit=5, today=None):
    """Published offers that are not over whose name (any language) or place holds a word
    of `query` (three letters or more), for the site search; no query once cached."""
    today = today or timezone.localdate()
    words = [word.lower() for word in query.split() if len(word) >= 3][:8]
    if not words:
        return []
    found = []
    for offer, text in searchable_offers():
        if offer.available_until is not None and offer.available_until < today:
            continue
        if any(word in text for word in words):
            found.append(offer)
            if len(found) == limit:
                break
    return found
