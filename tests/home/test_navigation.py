"""Main menu, breadcrumbs, footer and the page tree rules."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import HomePage, SiteSettings, StandardPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_main_menu_lists_live_menu_pages_of_the_current_language(
    client, site_tree, standard_page_factory
):
    nl_home = site_tree.homes["nl"]
    about = standard_page_factory(parent=nl_home, title="Over ons", show_in_menus=True)
    standard_page_factory(parent=nl_home, title="Verborgen", show_in_menus=False)
    standard_page_factory(parent=nl_home, title="Concept", show_in_menus=True, live=False)
    site_tree.translate(about, "fr", title="À propos", slug="a-propos")

    nl_items = [a.get_text(strip=True) for a in soup(client.get("/nl/")).select(".main-nav a")]
    fr_items = [a.get_text(strip=True) for a in soup(client.get("/fr/")).select(".main-nav a")]
    assert nl_items == ["Home", "Over ons"]
    assert fr_items == ["Accueil", "À propos"]


def render_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_menu_and_footer_query_count_does_not_grow_with_items(
    client, site_tree, standard_page_factory
):
    nl_home = site_tree.homes["nl"]
    pages = [standard_page_factory(parent=nl_home, show_in_menus=True) for _ in range(2)]
    settings = SiteSettings.for_site(site_tree.site)
    settings.footer_links = [("link", {"page": p}) for p in pages]
    settings.save()
    render_queries(client, "/nl/")  # warm caches
    few = render_queries(client, "/nl/")

    more = [standard_page_factory(parent=nl_home, show_in_menus=True) for _ in range(8)]
    settings.footer_links = [("link", {"page": p}) for p in pages + more]
    settings.save()
    render_queries(client, "/nl/")
    many = render_queries(client, "/nl/")
    assert few == many


def test_breadcrumbs_show_the_path_from_home(client, site_tree, standard_page_factory):
    parent = standard_page_factory(parent=site_tree.homes["nl"], title="Netwerk", slug="netwerk")
    standard_page_factory(parent=parent, title="Partners", slug="partners")
    crumbs = soup(client.get("/nl/netwerk/partners/")).select(".breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Home", "Netwerk", "Partners"]
    assert crumbs[-1].find(attrs={"aria-current": "page"}) is not None


def test_footer_shows_contact_and_localized_links(client, site_tree, standard_page_factory):
    privacy = standard_page_factory(parent=site_tree.homes["nl"], title="Privacybeleid")
    site_tree.translate(privacy, "en", title="Privacy policy", slug="privacy")
    settings = SiteSettings.for_site(site_tree.site)
    settings.contact_email = "info@example.org"
    settings.privacy_page = privacy
    settings.save()
    footer = soup(client.get("/en/")).find("footer")
    assert "info@example.org" in footer.get_text()
    assert footer.find("a", href="/en/privacy/") is not None


def test_layout_has_landmarks_and_a_skip_link(client, site_tree):
    page = soup(client.get("/nl/"))
    assert page.find("a", class_="skip-link")["href"] == "#main"
    assert page.find("main", id="main") is not None
    assert page.find("header") is not None and page.find("footer") is not None
    assert page.find("nav", attrs={"aria-label": True}) is not None


def test_page_tree_rules():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert StandardPage.parent_page_types == ["home.HomePage", "home.StandardPage"]
    assert StandardPage in HomePage.allowed_subpage_models()
    assert HomePage not in StandardPage.allowed_subpage_models()


@pytest.mark.django_db
def test_home_page_can_only_be_created_at_the_root():
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    assert not StandardPage.can_create_at(root)
