"""The exchange in the Wagtail admin (offers and requests) and its home page section."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from exchange.models import ComponentOffer, ComponentRequest, MapLocation


class ComponentOfferViewSet(SnippetViewSet):
    model = ComponentOffer
    icon = "resubmit"
    menu_label = _("Component offers")
    list_display = ["name", "pilot_case", "element_type", "quantity", "unit", "published"]
    list_filter = ["element_type", "material", "region", "published"]
    search_fields = ["name", "name_fr", "name_en", "location"]


class DecidedOnTheSitePolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes a request in the admin: changing one there would skip
    the offer's lock and the e-mails. Requests are decided on the site's requests page."""

    WRITE_ACTIONS = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def users_with_permission(self, action):
        if action in self.WRITE_ACTIONS:
            return get_user_model().objects.none()
        return super().users_with_permission(action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.WRITE_ACTIONS)


register_permission_policy(ComponentRequest, DecidedOnTheSitePolicy(ComponentRequest))


class ComponentRequestViewSet(SnippetViewSet):
    """Requests are decided on the site's requests page; here editors look them up."""

    model = ComponentRequest
    icon = "mail"
    menu_label = _("Component requests")
    list_display = ["name", "offer", "quantity", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "organisation_name"]
    inspect_view_enabled = True


class MapLocationViewSet(SnippetViewSet):
    model = MapLocation
    icon = "site"
    menu_label = _("Map locations")
    list_display = ["__str__", "latitude", "longitude"]


class ExchangeSnippetGroup(SnippetViewSetGroup):
    items = (ComponentOfferViewSet, ComponentRequestViewSet, MapLocationViewSet)
    menu_icon = "resubmit"
    menu_label = _("Component exchange")
    menu_name = "exchange"
    menu_order = 260


register_snippet(ExchangeSnippetGroup)


@hooks.register("home_page_sections")
def impact_section(home, request):
    """The home page shows what the whole network kept in use, once anything was collected."""
    from exchange.services import impact

    figures = impact()
    if not figures.groups:
        return None
    return {"template": "exchange/includes/home_impact.html", "impact": figures}


@hooks.register("search_result_sections")
def offers_found(query, request):
    """The site search lists published offers whose name or place holds a query word."""
    from exchange.services import search_offers

    offers = search_offers(query)
    if not offers:
        return None
    return {"template": "exchange/includes/search_offers.html", "offers": offers}
