"""The exchange in the Wagtail admin (offers and requests) and its home page section."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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
    if not figures.rows:
        return None
    return {"template": "exchange/includes/home_impact.html", "impact": figures}
