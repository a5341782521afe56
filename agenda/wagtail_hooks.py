"""Admin registration: speaker snippets, the registrations area, and the home page section."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# Registers the "id" path converter: an id past 64 bits is a 404, not an overflow.
import network.converters  # noqa: F401
from agenda import admin_views, checkin_views, listing, organiser_views
from agenda.models import EventIndexPage, Speaker
from home.navigation import cached
from knowledge.listing import themes_by_key
from network.comment_counts import attach_comment_counts


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "job_title", "organisation"]
    search_fields = ["name", "job_title"]


register_snippet(SpeakerViewSet)

admin_urls = [
    path("", admin_views.event_list, name="index"),
    path("<id:event_id>/", admin_views.registration_list, name="registrations"),
    path(
        "<id:event_id>/export.<str:file_format>",
        admin_views.export,
        name="export",
    ),
    path("<id:event_id>/check-in/", admin_views.check_in, name="check_in"),
    path(
        "<id:event_id>/check-in/<id:registration_id>/",
        admin_views.check_in_toggle,
        name="check_in_toggle",
    ),
    path("<id:event_id>/message/", admin_views.message_attendees, name="message"),
    path("<id:event_id>/follow-up/", admin_views.follow_up, name="follow_up"),
    path("<id:event_id>/add/", organiser_views.registration_add, name="registration_add"),
    path("<id:event_id>/badges.pdf", checkin_views.badges, name="badges"),
    path("scan/<str:token>/", checkin_views.scan, name="scan"),
    path(
        "<id:event_id>/registration/<id:registration_id>/",
        organiser_views.registration_edit,
        name="registration_edit",
    ),
    path(
        "<id:event_id>/registration/<id:registration_id>/cancel/",
        organiser_views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "<id:event_id>/registration/<id:registration_id>/promote/",
        organiser_views.registration_promote,
        name="registration_promote",
    ),
    path("<id:event_id>/questions/", organiser_views.question_list, name="questions"),
    path(
        "<id:event_id>/questions/<id:question_id>/",
        organiser_views.question_list,
        name="question_edit",
    ),
    path(
        "<id:event_id>/questions/<id:question_id>/delete/",
        organiser_views.question_delete,
        name="question_delete",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("registrations/", include((admin_urls, "events_admin"), namespace="events_admin"))]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), reverse("events_admin:index"), icon_name="date", order=250
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="events", codename="manage_registrations"
    )


@hooks.register("home_page_sections")
def upcoming_events_section(home, request):
    """The next three events of the home page's language."""
    events = listing.next_upcoming(home.locale, 3)
    if not events:
        return None
    listing.localize_theme(events, themes_by_key(home.locale_id))
    attach_comment_counts(events)
    agenda = cached(
        f"agenda-index:{home.locale_id}",
        lambda: EventIndexPage.objects.live().filter(locale=home.locale).first(),
    )
    return {"template": "events/includes/home_upcoming.html", "events": events, "agenda": agenda}
