"""Community URLs, mounted under each language prefix before the page tree."""

from django.urls import path

from network import member_views, organisation_views

urlpatterns = [
    path("members/me/", member_views.profile_edit, name="member_profile_edit"),
    path("members/me/data.json", member_views.member_data, name="member_data"),
    path("members/me/delete/", member_views.member_delete, name="member_delete"),
    path("members/<int:pk>/", member_views.member_detail, name="member_detail"),
    path(
        "organisations/",
        organisation_views.organisation_directory,
        name="organisation_directory",
    ),
    path(
        "organisations/<slug:slug>/",
        organisation_views.organisation_detail,
        name="organisation_detail",
    ),
]
