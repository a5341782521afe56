"""Locale-prefixed URLs, the root redirect, the language switcher and hreflang alternates."""

import pytest
from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-BE,fr;q=0.9,en;q=0.5", "/fr/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("nl-BE,nl;q=0.9", "/nl/"),
        ("de-DE,de;q=0.9", "/nl/"),
        ("", "/nl/"),
    ],
)
def test_root_redirects_to_the_browsers_preferred_language(
    client, site_tree, accept_language, expected
):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_each_language_has_its_home_page_with_the_right_html_lang(client, site_tree, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    assert page.find("h1").get_text(strip=True) == site_tree.homes[language].title


@pytest.mark.parametrize(
    ("language", "skip_link", "home_label"),
    [
        ("nl", "Naar de hoofdinhoud", "Home"),
        ("fr", "Aller au contenu principal", "Accueil"),
        ("en", "Skip to main content", "Home"),
    ],
)
def test_navigation_is_translated(client, site_tree, language, skip_link, home_label):
    page = soup(client.get(f"/{language}/"))
    assert page.find("a", class_="skip-link").get_text(strip=True) == skip_link
    main_nav = page.find("nav", class_="main-nav")
    assert main_nav.find("a").get_text(strip=True) == home_label


def test_language_switcher_links_to_the_translation_of_the_current_page(
    client, site_tree, standard_page_factory
):
    about = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", slug="over-ons")
    site_tree.translate(about, "fr", title="À propos", slug="a-propos")
    site_tree.translate(about, "en", title="About us", slug="about-us")

    page = soup(client.get("/nl/over-ons/"))
    switcher = page.find("nav", class_="language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.find_all("a")}
    assert links == {"fr": "/fr/a-propos/", "en": "/en/about-us/"}
    current = switcher.find(attrs={"aria-current": "true"})
    assert current["lang"] == "nl"


def test_language_switcher_falls_back_to_the_home_page_without_a_translation(
    client, site_tree, standard_page_factory
):
    standard_page_factory(parent=site_tree.homes["nl"], title="Alleen Nederlands", slug="alleen")
    page = soup(client.get("/nl/alleen/"))
    links = {a["hreflang"]: a["href"] for a in page.select("nav.language-switcher a")}
    assert links == {"fr": "/fr/", "en": "/en/"}


def test_hreflang_alternates_name_only_existing_translations(
    client, site_tree, standard_page_factory
):
    about = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", slug="over-ons")
    site_tree.translate(about, "en", title="About us", slug="about-us")
    page = soup(client.get("/nl/over-ons/"))
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    assert alternates == {
        "nl": "http://testserver/nl/over-ons/",
        "en": "http://testserver/en/about-us/",
        "x-default": "http://testserver/nl/over-ons/",
    }


def test_unpublished_translation_is_not_offered(client, site_tree, standard_page_factory):
    about = standard_page_factory(parent=site_tree.homes["nl"], title="Over ons", slug="over-ons")
    fr = site_tree.translate(about, "fr", title="À propos", slug="a-propos")
    fr.unpublish()
    page = soup(client.get("/nl/over-ons/"))
    links = {a["hreflang"]: a["href"] for a in page.select("nav.language-switcher a")}
    assert links["fr"] == "/fr/"


def test_unknown_page_gets_a_translated_404(client, site_tree):
    response = client.get("/fr/nexiste-pas/")
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "fr"
    assert page.find("h1").get_text(strip=True) == "Page introuvable"


@pytest.mark.parametrize("path", ["/de/", "/de/kennisbank/", "/zh-hans/search/?q=hout"])
def test_a_language_the_site_is_not_served_in_is_a_plain_404(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert soup(response).find("h1").get_text(strip=True)


def test_a_path_without_its_language_prefix_still_finds_its_language(client, site_tree):
    response = client.get("/kennisbank/", headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/kennisbank/"
