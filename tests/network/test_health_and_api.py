"""The health check and the open-data API."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_head_requests(client):
    # Load balancers often probe with HEAD.
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_503_when_the_database_is_unreachable(client):
    saved = dict(connection.settings_dict)
    connection.close()
    try:
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
        else:
            connection.settings_dict["PORT"] = "1"  # nothing listens there
            connection.settings_dict["HOST"] = "127.0.0.1"
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_api_lists_live_pages_of_every_language(client, site_tree):
    response = client.get("/api/v2/pages/?type=home.HomePage&fields=intro,locale")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 3
    assert {item["meta"]["locale"] for item in data["items"]} == {"nl", "fr", "en"}
    assert all(item["intro"] for item in data["items"])


def test_api_filters_pages_by_locale(client, site_tree):
    response = client.get("/api/v2/pages/?locale=fr")
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and all(item["meta"]["locale"] == "fr" for item in items)


def test_api_never_lists_draft_pages(client, site_tree, standard_page_factory):
    draft = standard_page_factory(parent=site_tree.homes["nl"], title="Nog niet klaar", live=False)
    response = client.get("/api/v2/pages/?type=home.StandardPage")
    assert response.status_code == 200
    assert draft.pk not in [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.django_db
def test_api_media_endpoints_answer(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.django_db
def test_api_rejects_unknown_query_parameters_with_400(client):
    response = client.get("/api/v2/pages/?nonsense=1")
    assert response.status_code == 400
