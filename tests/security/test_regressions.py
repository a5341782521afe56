"""Inputs that once made the site fail (found by tests/security/test_fuzz.py), now answered."""

import pytest

pytestmark = pytest.mark.django_db
PAST_64_BITS = 2**63


@pytest.mark.parametrize("action", ["flag", "like", "edit"])
def test_a_comment_id_past_64_bits_is_not_found(client, public_site, action):
    client.force_login(public_site.member)
    response = client.post(f"/nl/community/comments/{PAST_64_BITS}/{action}/")
    assert response.status_code == 404


def test_page_and_member_ids_past_64_bits_are_not_found(client, public_site):
    client.force_login(public_site.member)
    post = client.post(f"/nl/community/pages/{PAST_64_BITS}/comments/", {"comment": "Hallo"})
    assert post.status_code == 404
    assert client.get(f"/nl/members/{PAST_64_BITS}/").status_code == 404
    # The largest id that fits still reaches the view, which finds nothing.
    assert client.get(f"/nl/members/{10**18 - 1}/").status_code == 404


def test_a_year_of_superscript_digits_is_ignored(client, public_site):
    # "²".isdigit() is true, but int("²") fails.
    response = client.get("/nl/kennisbank/?year=²")
    assert response.status_code == 200
    assert response.context["filters"].year is None


@pytest.mark.parametrize(
    "url",
    [
        "/nl/kennisbank/?organisation=a%00b",
        "/api/v2/pages/?search=a%00b",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/pages/?locale=n%00l",
        "/nl/search/?q=%00",
    ],
)
def test_a_nul_character_in_the_query_is_a_bad_request(client, public_site, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Ongeldige aanvraag" in response.content.decode()


def test_a_nul_character_in_a_form_is_a_bad_request(client, public_site):
    client.force_login(public_site.member)
    page_id = public_site.comment.object_pk
    response = client.post(f"/nl/community/pages/{page_id}/comments/", {"comment": "a\x00b"})
    assert response.status_code == 400
    assert public_site.comment.__class__.objects.count() == 1


def test_an_api_offset_past_what_a_database_takes_is_a_bad_request(client, public_site):
    response = client.get(f"/api/v2/pages/?offset={10**20}")
    assert response.status_code == 400
    assert "offset" in response.json()["message"]
    assert client.get("/api/v2/pages/?offset=1000000000").json()["items"] == []


@pytest.mark.parametrize("query", ['"', '"meubels', "a* OR NOT (b", "NEAR(", "^"])
def test_api_search_takes_quotes_and_operators_as_words(client, public_site, query):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200
    words = client.get("/api/v2/pages/", {"search": '"Meubels terugnemen'}).json()
    assert [item["title"] for item in words["items"]] == ["Meubels terugnemen"]


def test_a_theme_id_past_64_bits_is_a_form_error_on_the_profile(client, public_site):
    client.force_login(public_site.member)
    response = client.post(
        "/nl/members/me/",
        {"display_name": "An", "preferred_language": "nl", "themes": [str(10**20)]},
    )
    assert response.status_code == 200
    assert "themes" in response.context["form"].errors


def test_replying_to_a_comment_id_past_64_bits_is_refused(client, public_site):
    client.force_login(public_site.member)
    page_id = public_site.comment.object_pk
    response = client.post(
        f"/nl/community/pages/{page_id}/comments/", {"comment": "Ja", "parent": str(10**20)}
    )
    assert response.status_code == 400
