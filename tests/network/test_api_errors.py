"""The open-data API answers bad input with JSON: 400 for a bad parameter, 404 for nothing.

Never a redirect to an HTML page, never a server error; each body is parsed as JSON.
"""

import json

import pytest

HUGE = "99999999999999999999999"

BAD_PARAMETERS = [
    "/api/v2/pages/find/?id=abc",
    "/api/v2/pages/find/?id=-1",
    "/api/v2/pages/find/?id=1.5",
    "/api/v2/pages/find/?id=",
    "/api/v2/images/find/?id=abc",
    "/api/v2/documents/find/?id=abc",
    "/api/v2/pages/?limit=abc",
    "/api/v2/pages/?offset=-1",
    "/api/v2/pages/?fields=nonsense",
    "/api/v2/pages/?type=nope.Nope",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?order=nonsense",
    "/api/v2/pages/?id=abc",
    "/api/v2/pages/?search=circulair&search_operator=xor",
    "/api/v2/pages/?nonsense=1",
    "/api/v2/images/?fields=nonsense",
    "/api/v2/images/?limit=abc",
    "/api/v2/documents/?order=nonsense",
    "/api/v2/documents/?search=a&search_operator=",
]

NOT_FOUND = [
    "/api/v2/pages/find/?html_path=/nope/",
    f"/api/v2/pages/find/?id={HUGE}",
    "/api/v2/pages/find/?id=999999",
    "/api/v2/pages/find/",
    "/api/v2/pages/999999/",
    f"/api/v2/pages/{HUGE}/",
    "/api/v2/pages/abc/",
    "/api/v2/pages/?locale=zz",
    "/api/v2/images/999999/",
    "/api/v2/images/find/?id=999999",
    "/api/v2/documents/999999/",
    "/api/v2/documents/find/?id=999999",
    "/api/v2/nonsense/",
    "/api/v2/",
]


def json_error(response, status):
    assert response.status_code == status, response.content[:200]
    assert "Location" not in response
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(response.content)
    assert isinstance(body["message"], str) and body["message"]
    return body


@pytest.mark.parametrize("url", BAD_PARAMETERS)
def test_a_bad_api_parameter_is_a_json_400(client, site_tree, url):
    json_error(client.get(url), 400)


@pytest.mark.parametrize("url", NOT_FOUND)
def test_nothing_found_in_the_api_is_a_json_404_not_a_redirect(client, site_tree, url):
    json_error(client.get(url), 404)


def test_a_non_numeric_find_id_says_what_is_wrong(client, site_tree):
    body = json_error(client.get("/api/v2/pages/find/?id=abc", HTTP_ACCEPT_LANGUAGE="en"), 400)
    assert "id" in body["message"]


def test_find_still_redirects_to_the_page_it_found(client, site_tree):
    home = site_tree.homes["nl"]
    response = client.get(f"/api/v2/pages/find/?id={home.pk}")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{home.pk}/?")


def test_a_link_without_language_prefix_is_still_redirected_to_it(client, site_tree):
    response = client.get("/zoeken-zonder-taal/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/zoeken-zonder-taal/"
