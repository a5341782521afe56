"""Community URLs, mounted under each language prefix before the page tree."""

from django.urls import path

# Registers the "id" path converter.
import network.converters  # noqa: F401
from network import (
    discussion_views,
    inbox_views,
    member_views,
    organisation_views,
    topic_state_views,
    unsubscribe_views,
)

urlpatterns = [
    path("members/me/", member_views.profile_edit, name="member_profile_edit"),
    path("members/me/data.json", member_views.member_data, name="member_data"),
    path("members/me/delete/", member_views.member_delete, name="member_delete"),
    path("members/<id:pk>/", member_views.member_detail, name="member_detail"),
    path("members/me/notifications/", inbox_views.notification_list, name="member_notifications"),
    path(
        "members/me/notifications/read/",
        inbox_views.notification_read,
        name="member_notifications_read",
    ),
    path("members/suggestions/", inbox_views.member_suggestions, name="member_suggestions"),
    path(
        "community/pages/<id:page_id>/comments/",
        discussion_views.post_comment_view,
        name="comment_post",
    ),
    path(
        "community/pages/<id:page_id>/follow/", discussion_views.follow_view, name="thread_follow"
    ),
    path(
        "community/comments/<id:comment_id>/edit/",
        discussion_views.edit_comment_view,
        name="comment_edit",
    ),
    path(
        "community/comments/<id:comment_id>/like/",
        discussion_views.like_comment_view,
        name="comment_like",
    ),
    path(
        "community/comments/<id:comment_id>/flag/",
        discussion_views.flag_comment_view,
        name="comment_flag",
    ),
    path("community/unfollow/<str:token>/", discussion_views.unfollow_view, name="thread_unfollow"),
    path(
        "community/topics/<id:page_id>/state/",
        topic_state_views.topic_state_view,
        name="topic_state",
    ),
    path(
        "community/unsubscribe/<str:token>/",
        unsubscribe_views.unsubscribe_view,
        name="unsubscribe",
    ),
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
