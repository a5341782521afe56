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
from home.navigation import cached, new_version


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
    element_type: str
    label: str
    units: int
    kilograms: float
    percent: int  # of the largest row's kilograms (or units when nothing has a weight)


@dataclass
class Impact:
    rows: list
    units: int
    kilograms: float


# The token under which impact figures are cached; retired when an offer or request changes.
IMPACT_VERSION_KEY = "exchange:impact:version"


def impact(pilot_case=None, theme=None):
    """What was collected, per element type: units and kilograms kept in use.

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
        f"exchange-impact:{scope}:{get_language()}",
        lambda: _computed_impact(pilot_case, theme),
        versions=[IMPACT_VERSION_KEY],
    )


def retire_impact_figures():
    """Make every page compute its impact figures again (after an offer or request changed)."""
    new_version(IMPACT_VERSION_KEY)


def _computed_impact(pilot_case, theme):
    """The impact figures from the database, in one query."""
    from django.db.models import DecimalField, ExpressionWrapper, F

    from exchange.models import ElementType

    collected = ComponentRequest.objects.filter(
        status=RequestStatus.COLLECTED, offer__published=True, offer__pilot_case__live=True
    )
    if pilot_case is not None:
        collected = collected.filter(offer__pilot_case__translation_key=pilot_case.translation_key)
    if theme is not None:
        collected = collected.filter(
            offer__pilot_case__themes__translation_key=theme.translation_key
        )
    weight = ExpressionWrapper(
        F("quantity") * F("offer__weight_per_unit_kg"),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )
    totals = (
        collected.values("offer__element_type")
        .annotate(units=Sum("quantity"), kilograms=Sum(weight))
        .order_by("offer__element_type")
    )
    labels = dict(ElementType.choices)
    rows = [
        ImpactRow(
            element_type=row["offer__element_type"],
            label=str(labels.get(row["offer__element_type"], row["offer__element_type"])),
            units=row["units"] or 0,
            kilograms=float(row["kilograms"] or 0),
            percent=0,
        )
        for row in totals
    ]
    rows.sort(key=lambda row: (-row.kilograms, -row.units, row.label))
    by_weight = any(row.kilograms for row in rows)
    largest = max((row.kilograms if by_weight else row.units for row in rows), default=0)
    for row in rows:
        value = row.kilograms if by_weight else row.units
        row.percent = round(100 * value / largest) if largest else 0
    return Impact(
        rows=rows,
        units=sum(row.units for row in rows),
        kilograms=sum(row.kilograms for row in rows),
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
        for page in PilotCasePage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code=language)
        .only("pk", "title", "url_path", "translation_key", "locale_id", "path", "depth")
    }
    return {
        offer.pilot_case_id: translated.get(offer.pilot_case.translation_key, offer.pilot_case)
        for offer in offers
    }


def search_offers(query, limit=5, today=None):
    """Published offers that are not over whose name (any language) or place holds a word
    of `query` (three letters or more), for the site search; one query."""
    from django.db.models import Q

    today = today or timezone.localdate()
    words = [word for word in query.split() if len(word) >= 3][:8]
    if not words:
        return []
    matches = Q()
    for word in words:
        for field in ("name", "name_fr", "name_en", "location"):
            matches |= Q(**{f"{field}__icontains": word})
    return list(
        ComponentOffer.objects.published()
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=today))
        .filter(matches)
        .order_by("available_from", "pk")[:limit]
    )
