"""Knowledge detail pages: each type renders its structured data, related pages,
translations and the notice for out-of-date translations."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from knowledge.models import (
    KnowledgeIndexPage,
    KnowledgePage,
    LessonPage,
    PilotCasePage,
)
from network.demo.localize import Glossary, T, translate
from tests.knowledge.factories import (
    LessonPageFactory,
    OrganisationFactory,
    PilotCasePageFactory,
    PolicyRecommendationPageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_lesson_shows_its_sections_evidence_and_themes(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    pilot = PilotCasePageFactory(parent=nl, title="De oude school", slug="oude-school")
    lesson = LessonPageFactory(
        parent=nl,
        title="Stoelen huren",
        slug="stoelen-huren",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
        organisations=[OrganisationFactory(name="Stad Leuven")],
        evidence_page=pilot,
        last_reviewed=datetime.date(2025, 1, 15),
    )
    response = client.get(lesson.url)
    assert response.status_code == 200
    page = soup(response)
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings[:4] == ["Context", "Wat werkte", "Drempels", "Aanbevelingen"]
    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "Getest in een pilootcase" in facts
    assert "Stad Leuven" in facts
    assert "15 januari 2025" in facts
    assert page.select_one(".facts a[href='/nl/oude-school/']") is None  # pilot lives under index
    assert page.select_one(f".facts a[href='{pilot.url}']") is not None
    assert page.select_one(".facts .tag").get_text(strip=True) == "Meubilair"


def test_pilot_case_shows_its_structured_parts(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    clause = TenderClauseFactory(title="Hergebruik van plaatmateriaal", slug="plaatmateriaal")
    pilot = PilotCasePageFactory(
        parent=nl,
        title="De oude school",
        surface_m2=2400,
        vacant_since=2015,
        components=[
            (
                "component",
                {
                    "element": "Houten balken",
                    "quantity": "120",
                    "unit": "m",
                    "condition": "good",
                    "destination": "Nieuwe tussenvloer",
                },
            )
        ],
        planning_instruments=[
            ("instrument", {"name": "Tijdelijke vergunning", "how_used": "Voor tijdelijk gebruik."})
        ],
    )
    pilot.tender_clauses.set([clause])
    pilot.save()
    page = soup(client.get(pilot.url))
    row = page.select_one("table tbody tr")
    assert [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] == [
        "Houten balken",
        "120 m",
        "Goed: zo herbruikbaar",
        "Nieuwe tussenvloer",
    ]
    assert "2015" in page.select_one(".facts").get_text()
    assert page.find("a", string="Hergebruik van plaatmateriaal")["href"].endswith(
        "/clauses/plaatmateriaal/"
    )
    assert page.find("dt", string="Tijdelijke vergunning") is not None


def test_practice_example_shows_country_and_results(client, knowledge_tree):
    example = PracticeExamplePageFactory(
        parent=knowledge_tree.indexes["nl"],
        country="DK",
        place="Kopenhagen",
        results=[("figure", {"value": "70%", "label": "minder CO2"})],
    )
    response = client.get(example.url)
    text = soup(response).get_text(" ", strip=True)
    assert "Kopenhagen, Denemarken" in text
    assert "70%" in text and "minder CO2" in text


def test_recommendation_renders(client, knowledge_tree):
    page = PolicyRecommendationPageFactory(parent=knowledge_tree.indexes["nl"])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Lokale besturen" in soup(response).select_one(".facts").get_text()


def test_related_pages_share_a_theme_and_a_language(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    lesson = LessonPageFactory(parent=nl, title="Hoofdles", themes=[furniture])
    LessonPageFactory(parent=nl, title="Ook meubilair", themes=[furniture])
    LessonPageFactory(parent=nl, title="Over ICT", themes=[knowledge_tree.themes["ict"]["nl"]])
    LessonPageFactory(parent=nl, title="Meubilair concept", themes=[furniture], live=False)
    related = [a.get_text(strip=True) for a in soup(client.get(lesson.url)).select(".related h3 a")]
    assert related == ["Ook meubilair"]


def test_default_language_page_links_to_its_translations(client, knowledge_tree):
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Stoelen huren")
    knowledge_tree.translate(lesson, "en", title="Renting chairs", slug="renting-chairs")
    links = soup(client.get(lesson.url)).select(".translations a")
    assert [(a["hreflang"], a["href"]) for a in links] == [
        ("en", "/en/knowledge-base/renting-chairs/")
    ]


def test_detail_page_query_count_is_bounded(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    themes = [knowledge_tree.themes["furniture"]["nl"], knowledge_tree.themes["ict"]["nl"]]
    lesson = LessonPageFactory(parent=nl, themes=themes)

    def queries():
        client.get(lesson.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(lesson.url).status_code == 200
        return len(captured)

    for _ in range(3):
        LessonPageFactory(parent=nl, themes=themes)
    few = queries()
    for _ in range(20):
        LessonPageFactory(parent=nl, themes=themes, organisations=[OrganisationFactory()])
    assert queries() == few
    assert few <= 12


@pytest.mark.django_db
def test_out_of_date_translation_tells_the_reader(client, knowledge_tree):
    glossary = Glossary()
    nl = knowledge_tree.indexes["nl"]
    # The index pages need wagtail-localize translations for translate() to find parents.
    lesson = LessonPage(
        title=glossary.add(T(nl="Stoelen huren", fr="Louer des chaises", en="Renting chairs")),
        slug=glossary.add(T(nl="stoelen-huren", fr="louer-des-chaises", en="renting-chairs")),
        summary=glossary.add(T(nl="Kort.", fr="Bref.", en="Short.")),
        context=glossary.paragraph(T(nl="Een context.", fr="Un contexte.", en="A context.")),
        evidence_source="member",
    )
    nl.add_child(instance=lesson)
    lesson.save_revision().publish()
    fr_lesson, en_lesson = translate(lesson, glossary)
    fr_url = fr_lesson.url
    assert fr_url.startswith("/fr/")
    assert soup(client.get(fr_url)).select_one(".notice") is None

    lesson.refresh_from_db()
    lesson.summary = "Een nieuwe samenvatting."
    lesson.save_revision().publish()

    notice = soup(client.get(fr_url)).select_one(".notice")
    assert notice is not None
    assert "néerlandais" in notice.get_text()
    assert notice.find("a")["href"] == lesson.url


def test_themes_stay_in_sync_across_wagtail_localize_translations(knowledge_tree):
    glossary = Glossary()
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    ict = knowledge_tree.themes["ict"]["nl"]
    lesson = LessonPage(
        title=glossary.add(T(nl="Laptops", fr="Portables", en="Laptops")),
        slug=glossary.add(T(nl="laptops", fr="portables", en="laptops-en")),
        summary=glossary.add(T(nl="Kort.", fr="Bref.", en="Short.")),
        context=glossary.paragraph(T(nl="Een context.", fr="Un contexte.", en="A context.")),
        evidence_source="member",
    )
    nl.add_child(instance=lesson)
    lesson.themes.set([furniture])
    lesson.save_revision().publish()
    translate(lesson, glossary)
    lesson.refresh_from_db()
    lesson.themes.set([ict])
    lesson.save_revision().publish()
    translate(lesson, glossary)  # the editor syncs the translations
    fr_lesson = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code="fr"
    )
    assert [t.translation_key for t in fr_lesson.themes.all()] == [ict.translation_key]


def test_page_tree_rules(knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    home = knowledge_tree.site_tree.homes["nl"]
    assert KnowledgeIndexPage.can_create_at(home) is False  # one per home page
    assert LessonPage.can_create_at(nl)
    assert not LessonPage.can_create_at(home)
    assert not KnowledgePage.can_create_at(nl)
    assert PilotCasePage.parent_page_types == ["knowledge.KnowledgeIndexPage"]
    assert LessonPage.subpage_types == []
    assert not KnowledgeIndexPage.can_create_at(Page.get_first_root_node())


def test_home_page_shows_the_latest_knowledge_of_its_language(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    for i in range(4):
        LessonPageFactory(
            parent=nl, title=f"Les {i}", publication_date=datetime.date(2024, 1, i + 1)
        )
    page = soup(client.get("/nl/"))
    titles = [a.get_text(strip=True) for a in page.select(".home-section .card h3 a")]
    assert titles == ["Les 3", "Les 2", "Les 1"]
    assert soup(client.get("/fr/")).select(".home-section .card") == []


def test_detail_page_shows_organisations_and_themes_after_a_new_publish(client, knowledge_tree):
    furniture = knowledge_tree.themes["furniture"]["nl"]
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], themes=[furniture])
    client.get(lesson.url)  # caches the page's themes and organisations
    lesson.organisations.add(OrganisationFactory(name="Stad Mechelen"))
    lesson.themes.add(knowledge_tree.themes["ict"]["nl"])
    lesson.save_revision().publish()
    page = soup(client.get(lesson.url)).get_text(" ", strip=True)
    assert "Stad Mechelen" in page
    assert "ICT" in page
