"""Admin registration for the community models."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.models import MemberProfile, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "type", "region", "green_deal_participant"]
    list_filter = ["type", "green_deal_participant"]
    search_fields = ["name", "region"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(OrganisationViewSet)


class MemberProfileViewSet(SnippetViewSet):
    """Coordinators see the members, their organisation, and who is a trusted commenter."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Members")
    list_display = ["display_name", "organisation", "role", "trusted", "created_at"]
    list_filter = ["trusted", "organisation"]
    search_fields = ["display_name", "role"]
    add_to_admin_menu = True
    menu_order = 305
    panels = [
        FieldPanel("display_name"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("trusted"),
    ]


register_snippet(MemberProfileViewSet)

# The moderation queue and its menu item register their own hooks.
from network import moderation_admin  # noqa: E402, F401
