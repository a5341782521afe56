"""Public pages of the component exchange: the listing, one offer with its request form,
and the requests page where members follow theirs and the offering side decides."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from exchange import maps, services
from exchange.forms import AVAILABILITY_CHOICES, DecisionForm, RequestForm, parse_filters
from exchange.models import ComponentOffer, ComponentRequest, ElementType, Material, Region

PER_PAGE = 24


def offer_list_view(request):
    """All published offers with filters kept in the URL; works without JavaScript."""
    filters = parse_filters(request.GET)
    page_obj = Paginator(services.offer_listing(filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    offers = list(page_obj.object_list)
    pilots = services.localized_pilot_cases(offers, translation.get_language())
    for offer in offers:
        offer.localized_pilot = pilots[offer.pilot_case_id]
    return TemplateResponse(
        request,
        "exchange/offer_list.html",
        {
            "offers": offers,
            "page_obj": page_obj,
            "filters": filters,
            "filter_query": [(key, value) for key, value in filters.items() if value],
            "element_types": ElementType.choices,
            "materials": Material.choices,
            "regions": Region.choices,
            "availabilities": AVAILABILITY_CHOICES,
            "impact": services.impact(),
        },
    )


def offer_detail_view(request, pk):
    """One offer and, for members, the form to ask for part of it."""
    offer = get_object_or_404(
        ComponentOffer.objects.published().with_committed().select_related("pilot_case"), pk=pk
    )
    form = RequestForm(
        request.POST or None,
        initial={"quantity": 1, "organisation_name": _profile_organisation(request.user)},
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                services.request_components(
                    offer,
                    _requester(request, form.cleaned_data["organisation_name"]),
                    form.cleaned_data["quantity"],
                    form.cleaned_data["message"],
                )
            except services.ExchangeError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(
                    request,
                    _("Your request is sent and the quantity is held for you. We e-mailed you."),
                )
                return redirect("exchange_offer", pk=offer.pk)
        offer = ComponentOffer.objects.with_committed().select_related("pilot_case").get(pk=pk)
    pilots = services.localized_pilot_cases([offer], translation.get_language())
    return TemplateResponse(
        request,
        "exchange/offer_detail.html",
        {"offer": offer, "pilot": pilots[offer.pilot_case_id], "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _profile_organisation(user):
    profile = getattr(user, "member_profile", None) if user.is_authenticated else None
    return profile.organisation.name if profile and profile.organisation else ""


def _requester(request, organisation_name):
    user = request.user
    profile = getattr(user, "member_profile", None)
    return services.Requester(
        name=(profile.display_name if profile else "") or user.get_full_name() or user.email,
        email=user.email,
        language=translation.get_language(),
        organisation_name=organisation_name,
        user=user,
    )


@login_required
def requests_view(request):
    """The member's own requests and, for the offering side, the requests to decide on."""
    own = list(
        ComponentRequest.objects.filter(user=request.user)
        .select_related("offer")
        .order_by("-created_at", "-pk")
    )
    to_decide = list(
        ComponentRequest.objects.filter(offer__in=services.decidable_offers(request.user))
        .select_related("offer")
        .order_by("status", "-created_at", "-pk")
    )
    return TemplateResponse(
        request,
        "exchange/requests.html",
        {"own": own, "to_decide": to_decide, "decision_form": DecisionForm()},
    )


ACTIONS = {
    "accept": (
        services.accept,
        gettext_lazy("The request is accepted: the quantity is reserved."),
    ),
    "decline": (
        services.decline,
        gettext_lazy("The request is declined: the quantity is free again."),
    ),
    "collect": (services.mark_collected, gettext_lazy("Marked as collected.")),
}


@login_required
@require_POST
def decide_view(request, pk, action):
    """Accept, decline or mark collected; only the offering side may."""
    if action not in ACTIONS:
        raise PermissionDenied
    component_request = get_object_or_404(ComponentRequest.objects.select_related("offer"), pk=pk)
    if not services.can_decide(request.user, component_request.offer):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    function, done = ACTIONS[action]
    try:
        if action == "collect":
            function(component_request, user=request.user)
        else:
            function(component_request, user=request.user, note=note)
    except services.ExchangeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(done))
    return redirect("exchange_requests")


def map_view(request):
    """The network map: a list that works without JavaScript, and a Leaflet map over it."""
    items = maps.map_items(translation.get_language())
    return TemplateResponse(
        request,
        "exchange/map.html",
        {
            "groups": maps.grouped(items),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def geojson_view(request):
    """The map's items as GeoJSON, in the language of the URL."""
    items = maps.map_items(translation.get_language())
    return JsonResponse(
        maps.feature_collection(items, request.build_absolute_uri),
        content_type="application/geo+json",
    )
