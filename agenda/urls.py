"""Participant URLs outside the page tree, mounted under each language prefix."""

from django.urls import path

from agenda import self_service_views

urlpatterns = [
    path(
        "members/me/registrations/",
        self_service_views.my_registrations,
        name="events_my_registrations",
    ),
    path("registrations/lost-link/", self_service_views.lost_link, name="events_lost_link"),
]
