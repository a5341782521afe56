"""Browser tests of the clause selection: a buyer filters the library, adds clauses from the
library and a theme page with plain forms, downloads the selection as DOCX and PDF, and axe
finds no WCAG 2.1 A/AA violation on the filtered library and the selection page."""

import io
import re

import docx
import pytest
from pypdf import PdfReader

from tests.e2e.test_accessibility import assert_no_violations
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import TenderClauseFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LIBRARY = {"nl": "kennisbank", "fr": "base-de-connaissances", "en": "knowledge-base"}
THEME = {"nl": "meubilair", "fr": "mobilier", "en": "furniture"}


@pytest.fixture
def clauses(knowledge_tree):  # noqa: F811
    locales = knowledge_tree.site_tree.locales
    furniture = knowledge_tree.themes["furniture"]
    made = {}
    for key, title, kind, ambition, translations in (
        (
            "take_back",
            "Terugname van meubilair",
            "contract_clause",
            2,
            {"fr": "Reprise du mobilier", "en": "Furniture take-back"},
        ),
        (
            "repair",
            "Bestaand meubilair eerst herstellen",
            "technical_specification",
            2,
            {"fr": "Réparer d’abord le mobilier", "en": "Repair existing furniture first"},
        ),
        ("basic", "Eenvoudige leveringsvoorwaarde", "contract_clause", 1, {}),
    ):
        clause = TenderClauseFactory(
            title=title,
            kind=kind,
            ambition_level=ambition,
            theme=furniture["nl"],
            source_organisation="Stad Gent",
            source_tender_title="Raamcontract kantoormeubilair",
            verification_bidder="Een jaarverslag.",
        )
        for language, translated_title in translations.items():
            translation = clause.copy_for_translation(locales[language])
            translation.title = translated_title
            translation.slug = f"{key}-{language}"
            translation.theme = furniture[language]
            translation.save()
        made[key] = clause
    return made


def add_button(page, title):
    return page.get_by_role("button", name=re.compile(f"^Toevoegen aan mijn selectie.*{title}$"))


def test_buyer_filters_adds_clauses_and_downloads_the_selection(page, live_server, clauses):
    page.goto(f"{live_server.url}/nl/kennisbank/clauses/")
    page.select_option("#clause-theme", "meubilair")
    page.select_option("#clause-ambition", "2")
    page.get_by_role("button", name="Toon clausules").click()
    page.wait_for_url("**/clauses/?*ambition=2*")
    titles = page.locator("table tbody th a").all_inner_texts()
    assert sorted(titles) == ["Bestaand meubilair eerst herstellen", "Terugname van meubilair"]

    add_button(page, "Terugname van meubilair").click()
    page.get_by_text("1 clausule toegevoegd aan je selectie.").wait_for()
    assert "ambition=2" in page.url  # back on the filtered library
    remove = re.compile("^Verwijderen uit mijn selectie.*Terugname van meubilair$")
    assert page.get_by_role("button", name=remove).count() == 1
    assert page.get_by_role("link", name="Mijn selectie (1 clausule)").count() == 1

    page.goto(f"{live_server.url}/nl/kennisbank/themes/meubilair/")
    add_button(page, "Bestaand meubilair eerst herstellen").click()
    page.get_by_text("1 clausule toegevoegd aan je selectie.").wait_for()
    page.get_by_role("link", name="Mijn selectie (2 clausules)").first.click()
    page.wait_for_url("**/nl/selection/")
    headings = page.locator(".selection-group h2").all_inner_texts()
    assert headings == ["Technische specificaties", "Contractclausules"]

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Word-document (.docx)").click()
    document = docx.Document(download_info.value.path())
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [text.split(" · ")[1] for text in level2] == [
        "Bestaand meubilair eerst herstellen",
        "Terugname van meubilair",
    ]
    assert document.tables[0].rows[1].cells[0].text == clauses["repair"].reference

    # the same selection, read in French, downloads in French
    page.goto(f"{live_server.url}/fr/selection/")
    assert page.locator(".selection-item h3").all_inner_texts() == [
        "Réparer d’abord le mobilier",
        "Reprise du mobilier",
    ]
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").click()
    with open(download_info.value.path(), "rb") as handle:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(handle.read())).pages)
    assert text.index("Spécifications techniques") < text.index("Clauses contractuelles")
    assert "Reprise du mobilier" in text and "CC BY 4.0" in text

    # removing both ends the selection
    page.goto(f"{live_server.url}/nl/selection/")
    page.get_by_role("button", name="Mijn selectie leegmaken").click()
    page.get_by_text("Je selectie is leeg.").wait_for()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_filtered_library_and_selection_page_have_no_wcag_violations(
    page, live_server, clauses, language
):
    base = f"{live_server.url}/{language}"
    library = f"{base}/{LIBRARY[language]}/clauses/?theme={THEME[language]}&ambition=2"
    assert_no_violations(page, library)
    assert_no_violations(page, f"{base}/selection/")  # empty
    page.goto(library)
    page.locator("form.selection-toggle button").first.click()
    page.wait_for_load_state()
    assert_no_violations(page, library)  # with a selection: remove buttons and tokens
    assert_no_violations(page, f"{base}/selection/")
