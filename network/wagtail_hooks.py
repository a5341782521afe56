"""Admin registration for the community models."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
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


class MemberProfileAdminForm(WagtailAdminModelForm):
    """Changes to a member's trust level or suspension made here go into the moderation
    log, and the member hears of a suspension as from the queue."""

    MODERATED_FIELDS = ("trust_level", "trust_level_pinned", "suspended_until")

    def save(self, commit=True):
        from network import moderation

        changed = [name for name in self.MODERATED_FIELDS if name in self.changed_data]
        before = {name: self.initial.get(name) for name in changed}
        profile = super().save(commit=commit)
        if commit and changed:
            moderation.record_profile_changes(self.for_user, profile, before)
        return profile


class MemberProfileViewSet(SnippetViewSet):
    """Coordinators see the members, their organisation, trust level and suspension."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Members")
    list_display = ["display_name", "handle", "organisation", "trust_level", "created_at"]
    list_filter = ["trust_level", "trust_level_pinned", "organisation"]
    search_fields = ["display_name", "handle", "role"]
    add_to_admin_menu = True
    menu_order = 305
    edit_handler = ObjectList(
        [
            FieldPanel("display_name"),
            FieldPanel("handle", read_only=True),
            FieldPanel("organisation"),
            FieldPanel("role"),
            FieldPanel("bio"),
            FieldPanel("trust_level"),
            FieldPanel("trust_level_pinned"),
            FieldPanel("suspended_until"),
        ],
        base_form_class=MemberProfileAdminForm,
    )


register_snippet(MemberProfileViewSet)

# The moderation queue and its menu item register their own hooks.
from network import moderation_admin  # noqa: E402, F401
