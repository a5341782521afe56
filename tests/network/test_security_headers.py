"""Security headers on public pages; the admin keeps working without the site's CSP."""

import pytest


def test_public_pages_send_security_headers(client, site_tree):
    response = client.get("/nl/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_public_templates_have_no_inline_scripts(client, site_tree):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/nl/").content, "html.parser")
    for script in page.find_all("script"):
        executable = script.get("type", "text/javascript") in ("text/javascript", "module")
        assert not (executable and script.string and script.string.strip()), script


@pytest.mark.django_db
def test_admin_is_not_under_the_site_csp(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
