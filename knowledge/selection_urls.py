"""URLs of the clause selection, under each language prefix (/nl/selection/ ...)."""

from django.urls import path

from knowledge import selection_views

urlpatterns = [
    path("", selection_views.selection_view, name="clause_selection"),
    path("add/", selection_views.add_view, name="clause_selection_add"),
    path("remove/", selection_views.remove_view, name="clause_selection_remove"),
    path("clear/", selection_views.clear_view, name="clause_selection_clear"),
    path(
        "download/<str:file_format>/",
        selection_views.download_view,
        name="clause_selection_download",
    ),
    path("save/", selection_views.save_view, name="clause_selection_save"),
    path("saved/", selection_views.saved_list_view, name="clause_selection_saved_list"),
    path("saved/<int:pk>/", selection_views.saved_view, name="clause_selection_saved"),
    path("saved/<int:pk>/load/", selection_views.saved_load_view, name="clause_selection_load"),
    path(
        "saved/<int:pk>/delete/",
        selection_views.saved_delete_view,
        name="clause_selection_delete",
    ),
    path(
        "saved/<int:pk>/download/<str:file_format>/",
        selection_views.saved_download_view,
        name="clause_selection_saved_download",
    ),
    path("shared/<str:token>/", selection_views.shared_view, name="clause_selection_shared"),
    path(
        "shared/<str:token>/download/<str:file_format>/",
        selection_views.shared_download_view,
        name="clause_selection_shared_download",
    ),
]
