"""URLs of the component exchange, under each language prefix (/nl/components/ ...)."""

from django.urls import path

from exchange import views

urlpatterns = [
    path("components/", views.offer_list_view, name="exchange_offers"),
    path("components/<int:pk>/", views.offer_detail_view, name="exchange_offer"),
    path("components/requests/", views.requests_view, name="exchange_requests"),
    path(
        "components/requests/<int:pk>/<str:action>/",
        views.decide_view,
        name="exchange_decide",
    ),
    path("map/", views.map_view, name="exchange_map"),
    path("map/geojson/", views.geojson_view, name="exchange_map_geojson"),
]
