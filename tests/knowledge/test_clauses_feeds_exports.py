"""Tender clause library, Atom feed, open-data exports and the API."""

import csv
import io
import json

import feedparser
from bs4 import BeautifulSoup

from tests.knowledge.factories import (
    LessonPageFactory,
    PilotCasePageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def make_clauses(knowledge_tree):
    furniture = knowledge_tree.themes["furniture"]["nl"]
    ict = knowledge_tree.themes["ict"]["nl"]
    example = PracticeExamplePageFactory(
        parent=knowledge_tree.indexes["nl"], title="Utrecht hergebruikt meubilair"
    )
    take_back = TenderClauseFactory(
        title="Terugname van meubilair",
        slug="terugname-meubilair",
        theme=furniture,
        kind="contract_clause",
        phase="contract_management",
        text="De opdrachtnemer neemt het meubilair na gebruik terug.\nHij rapporteert jaarlijks.",
        source_example=example,
    )
    refurbished = TenderClauseFactory(
        title="Refurbished laptops",
        slug="refurbished-laptops",
        theme=ict,
        kind="technical_specification",
        phase="tender",
    )
    return take_back, refurbished, example


def test_clause_library_filters_by_theme_phase_and_kind(client, knowledge_tree):
    make_clauses(knowledge_tree)
    base = "/nl/kennisbank/clauses/"

    def rows(query=""):
        page = soup(client.get(base + query))
        return [a.get_text(strip=True) for a in page.select("table tbody th a")]

    assert rows() == ["Terugname van meubilair", "Refurbished laptops"] or sorted(rows()) == [
        "Refurbished laptops",
        "Terugname van meubilair",
    ]
    assert rows("?theme=ict") == ["Refurbished laptops"]
    assert rows("?phase=contract_management") == ["Terugname van meubilair"]
    assert rows("?kind=technical_specification&theme=ict") == ["Refurbished laptops"]
    assert rows("?kind=technical_specification&theme=meubilair") == []
    assert client.get(base + "?kind=<script>&phase=x&theme=y").status_code == 200


def test_clause_page_has_copy_button_download_and_examples(client, knowledge_tree):
    take_back, _, example = make_clauses(knowledge_tree)
    pilot = PilotCasePageFactory(parent=knowledge_tree.indexes["nl"], title="De oude school")
    pilot.tender_clauses.set([take_back])
    pilot.save()
    response = client.get("/nl/kennisbank/clauses/terugname-meubilair/")
    assert response.status_code == 200
    page = soup(response)
    button = page.select_one("button.copy-button")
    assert button["data-copy-target"] == "clause-text"
    assert button.has_attr("hidden")  # shown by the script only where copying works
    assert "neemt het meubilair" in page.select_one("#clause-text").get_text()
    used = [a.get_text(strip=True) for a in page.select("section[aria-labelledby=clause-used] a")]
    assert used == ["Utrecht hergebruikt meubilair", "De oude school"]
    download = page.find("a", attrs={"download": True})
    assert download["href"] == "/nl/kennisbank/clauses/terugname-meubilair/text/"


def test_clause_plain_text_download(client, knowledge_tree):
    make_clauses(knowledge_tree)
    response = client.get("/nl/kennisbank/clauses/terugname-meubilair/text/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert 'attachment; filename="terugname-meubilair.txt"' == response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("Terugname van meubilair\n=======")
    assert "Contractclausule · Contractbeheer · Meubilair" in text
    assert (
        "De opdrachtnemer neemt het meubilair na gebruik terug.\nHij rapporteert jaarlijks." in text
    )


def test_unknown_clause_is_404(client, knowledge_tree):
    assert client.get("/nl/kennisbank/clauses/bestaat-niet/").status_code == 404
    assert client.get("/nl/kennisbank/clauses/bestaat-niet/text/").status_code == 404
    assert client.get("/nl/kennisbank/themes/bestaat-niet/").status_code == 404


def test_theme_page_shows_pages_and_clauses_of_the_theme(client, knowledge_tree):
    make_clauses(knowledge_tree)
    furniture = knowledge_tree.themes["furniture"]["nl"]
    LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Stoelen", themes=[furniture])
    LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Laptops")
    page = soup(client.get("/nl/kennisbank/themes/meubilair/"))
    assert page.find("h1").get_text(strip=True) == "Meubilair"
    assert [a.get_text(strip=True) for a in page.select(".card h3 a")] == ["Stoelen"]
    assert "Terugname van meubilair" in page.get_text()


def test_atom_feed_per_language_is_valid_and_advertised(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    lesson = LessonPageFactory(parent=nl, title="Stoelen huren")
    LessonPageFactory(parent=nl, title="Concept", live=False)
    knowledge_tree.translate(lesson, "fr", title="Louer des chaises", slug="louer-des-chaises")

    response = client.get("/nl/kennisbank/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Stoelen huren"]
    assert feed.entries[0].link == "http://testserver" + lesson.url

    fr_feed = feedparser.parse(client.get("/fr/base-de-connaissances/feed/").content)
    assert [entry.title for entry in fr_feed.entries] == ["Louer des chaises"]

    alternate = soup(client.get(lesson.url)).find(
        "link", rel="alternate", type="application/atom+xml"
    )
    assert alternate["href"] == "/nl/kennisbank/feed/"


def test_open_data_exports_in_csv_and_json_state_the_licence(client, knowledge_tree):
    make_clauses(knowledge_tree)
    response = client.get("/nl/kennisbank/open-data/examples/csv/")
    assert response.status_code == 200
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows] == ["Utrecht hergebruikt meubilair"]
    assert rows[0]["country"] == "NL"

    data = json.loads(client.get("/nl/kennisbank/open-data/clauses/json/").content)
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["count"] == 2
    assert {item["slug"] if "slug" in item else item["title"] for item in data["items"]} == {
        "Terugname van meubilair",
        "Refurbished laptops",
    }
    assert client.get("/nl/kennisbank/open-data/secrets/json/").status_code == 404


def test_api_exposes_structured_fields(client, knowledge_tree):
    LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Stoelen huren",
        phase="tender",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
    )
    response = client.get(
        "/api/v2/pages/?type=knowledge.LessonPage&fields=summary,phase,themes,evidence_source"
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["phase"] == "tender"
    assert item["evidence_source"] == "pilot_case"
    assert item["themes"][0]["name"] == "Meubilair"
