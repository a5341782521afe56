"""The component exchange in a browser: a member reserves a component, the offering side
accepts it; axe finds no WCAG 2.1 AA violation on the exchange's pages in three languages."""

# The exchange's fixtures are imported, so pytest finds them; ruff sees them redefined.
# ruff: noqa: F811

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from exchange import services
from exchange.models import ComponentRequest, RequestStatus
from tests.e2e.members import log_in
from tests.e2e.test_accessibility import WCAG_21_AA, unjudged_contrast
from tests.exchange.conftest import offer, organisation, pilot  # noqa: F401 - fixtures
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.network.factories import member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def assert_no_violations(page, url, settled=None):
    """axe finds nothing on the page at url, judged once the locator settled (if given) exists."""
    page.goto(url)
    if settled:
        page.locator(settled).wait_for()
    results = Axe().run(page, options=WCAG_21_AA)
    assert not results.response["violations"], f"{url}:\n" + results.generate_report()
    assert not unjudged_contrast(results), url


def test_a_member_reserves_a_component_and_the_offering_side_accepts(
    new_page,
    live_server,
    offer,
    organisation,
):
    asker = member(display_name="Lien Claes")
    base = live_server.url
    browser = new_page()
    log_in(browser, base, asker.email)
    browser.goto(f"{base}/en/components/")
    browser.get_by_label("Material").select_option("wood")
    browser.get_by_role("button", name="Show components").click()
    assert "material=wood" in browser.url
    browser.get_by_role("link", name=offer.name_en).click()
    browser.get_by_label("Quantity you need").fill("3")
    browser.get_by_label("Message to the offering side").fill("For our community centre.")
    browser.get_by_role("button", name="Send my request").click()
    expect(browser.get_by_text("Your request is sent")).to_be_visible()
    expect(browser.get_by_text("7 of 10 pieces")).to_be_visible()
    held = ComponentRequest.objects.get()
    assert (held.quantity, held.status, held.language) == (3, RequestStatus.REQUESTED, "en")

    colleague = member(display_name="An Peeters", organisation=organisation)
    side = new_page()
    log_in(side, base, colleague.email)
    side.goto(f"{base}/nl/components/requests/")
    side.get_by_label("Toelichting voor het lid").fill("Ophalen op maandag.")
    side.get_by_role("button", name="Aanvaard en reserveer").click()
    expect(side.get_by_text("De aanvraag is aanvaard")).to_be_visible()
    held.refresh_from_db()
    assert held.status == RequestStatus.RESERVED
    reserved = [m for m in mail.outbox if m.to == [asker.email]][-1]
    assert reserved.subject.startswith("Reserved for you")
    assert "Ophalen op maandag." in reserved.body


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_exchange_pages_have_no_wcag_violations(
    new_page,
    live_server,
    pilot,
    offer,
    organisation,
    language,
):
    collected = services.request_components(
        offer, services.Requester("Stad Gent", "gent@example.org", "nl"), 2, "Graag."
    )
    services.mark_collected(services.accept(collected))
    colleague = member(display_name="An Peeters", organisation=organisation)
    services.request_components(
        offer, services.Requester("Bert", "bert@example.org", "nl", user=colleague), 1, "Eén."
    )
    base = f"{live_server.url}/{language}"
    page = new_page()
    assert_no_violations(page, f"{base}/components/?material=wood")
    assert_no_violations(page, f"{live_server.url}{pilot[language].url}")
    log_in(page, live_server.url, colleague.email)
    assert_no_violations(page, f"{base}/components/{offer.pk}/")
    assert_no_violations(page, f"{base}/components/requests/")


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_map_shows_markers_and_has_no_wcag_violations(
    new_page, live_server, settings, pilot, offer, organisation, language
):
    from exchange.models import MapLocation

    # Tiles from this server, so the test needs no network; the map works without them too.
    settings.MAP_TILE_URL = (
        f"{live_server.url}/static/vendor/leaflet/images/layers.png?z={{z}}&x={{x}}&y={{y}}"
    )
    MapLocation.objects.create(page=pilot["nl"], latitude="50.8866", longitude="3.8906")
    MapLocation.objects.create(organisation=organisation, latitude="50.8875", longitude="3.892")
    page = new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    # Judged once the map has placed its markers, settled its view and loaded its tiles: a map
    # in mid-zoom has controls and tiles in passing states that no reader stops at.
    assert_no_violations(
        page, f"{live_server.url}/{language}/map/", settled="#network-map:not([aria-busy])"
    )
    assert page.locator(".leaflet-marker-icon").count() == 3  # pilot, offer, organisation
    expect(page.get_by_role("link", name=pilot[language].title)).to_be_visible()
    assert errors == []  # no script or policy error


def test_the_map_settles_without_its_places_or_tiles(new_page, live_server, settings, pilot):
    """A failing GeoJSON request and an unreachable tile server leave the list of places and a
    map that is no longer busy, not a region that tells screen readers it is still loading."""
    from exchange.models import MapLocation

    settings.MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # the discard port: refused
    MapLocation.objects.create(page=pilot["en"], latitude="50.8866", longitude="3.8906")
    page = new_page()
    page.route("**/map/geojson/", lambda route: route.abort())
    page.goto(f"{live_server.url}/en/map/")
    expect(page.locator("#network-map")).to_be_visible()
    expect(page.locator("#network-map")).not_to_have_attribute("aria-busy", "true")
    assert page.locator(".leaflet-marker-icon").count() == 0
    expect(page.get_by_role("link", name=pilot["en"].title)).to_be_visible()
