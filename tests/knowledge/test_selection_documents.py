"""The selection as DOCX, PDF and plain text, read back with python-docx and pypdf."""

import datetime
import io

import docx
import pytest
from pypdf import PdfReader

from tests.knowledge.factories import TenderClauseFactory

pytestmark = pytest.mark.django_db

ADD_FR = "/fr/selection/add/"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@pytest.fixture
def selected(client, knowledge_tree):
    """Four clauses of four kinds, added in an order that is not the document's order;
    three translated into French, one Dutch only; the reader reads in French."""
    locales = knowledge_tree.site_tree.locales
    furniture, ict = knowledge_tree.themes["furniture"], knowledge_tree.themes["ict"]

    def clause(kind, theme, title, text, french=None, **fields):
        dutch = TenderClauseFactory(
            kind=kind,
            theme=theme["nl"],
            title=title,
            text=text,
            source_organisation="Stad Gent",
            source_tender_title="Raamcontract",
            source_tender_year=2019,
            source_tender_url="https://www.gent.example/2019-fac-012",
            verification_bidder="Een jaarverslag.",
            verification_buyer="De beheerder leest het.",
            added_on=datetime.date(2019, 5, 2),
            **fields,
        )
        if french:
            translation = dutch.copy_for_translation(locales["fr"])
            translation.theme = theme["fr"]
            for name, value in french.items():
                setattr(translation, name, value)
            translation.save()
        return dutch

    clauses = {
        "contract": clause(
            "contract_clause",
            furniture,
            "Terugname van meubilair",
            "De opdrachtnemer neemt het meubilair terug.",
            {
                "title": "Reprise du mobilier",
                "slug": "reprise",
                "text": "L’adjudicataire reprend le mobilier.",
                "rationale": "La valeur des matériaux est préservée.",
                "verification_bidder": "Un rapport annuel.",
                "verification_buyer": "Le gestionnaire le lit.",
            },
            ambition_level=2,
        ),
        "award": clause(
            "award_criterion",
            ict,
            "Gerecycleerde laptops",
            "Punten voor gerecycleerde laptops.",
            {"title": "Ordinateurs reconditionnés", "slug": "ordis", "text": "Des points."},
            ambition_level=3,
        ),
        "selection": clause(
            "selection_criterion",
            furniture,
            "Ervaring met hergebruik",
            "Twee referenties van hergebruik.",
            {"title": "Expérience du réemploi", "slug": "experience", "text": "Deux références."},
        ),
        "dutch_only": clause(
            "technical_specification",
            ict,
            "Gegevenswissing",
            "Gecertificeerde wissing van alle gegevens.",
        ),
    }
    for key in ("contract", "award", "dutch_only", "selection"):
        client.post("/nl/selection/add/", {"clause": clauses[key].pk})
    return clauses


def docx_of(client, language="fr"):
    response = client.get(f"/{language}/selection/download/docx/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert response["Content-Disposition"].endswith(f'-{language}.docx"')
    return docx.Document(io.BytesIO(response.content))


def test_docx_has_kinds_in_order_clauses_in_the_readers_language_and_a_reference_table(
    client, selected
):
    document = docx_of(client, "fr")
    assert document.core_properties.language == "fr"
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    level1 = [text for style, text in headings if style == "Heading 1"]
    assert level1 == [
        "Critères de sélection",
        "Spécifications techniques",
        "Critères d’attribution",
        "Clauses contractuelles",
        "Références et sources",
    ]
    refs = {key: clause.reference for key, clause in selected.items()}
    level2 = [text for style, text in headings if style == "Heading 2"]
    assert level2 == [
        f"{refs['selection']} · Expérience du réemploi",
        f"{refs['dutch_only']} · Gegevenswissing",  # not translated: kept in Dutch
        f"{refs['award']} · Ordinateurs reconditionnés",
        f"{refs['contract']} · Reprise du mobilier",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "L’adjudicataire reprend le mobilier." in text
    assert "La valeur des matériaux est préservée." in text
    assert "Ce que fournit le soumissionnaire : Un rapport annuel." in text
    assert "Comment l’acheteur vérifie : Le gestionnaire le lit." in text
    assert f"Référence : {refs['contract']}" in text
    assert "Niveau d’ambition : 2 (Significatif)" in text
    assert "Niveau d’ambition : 3 (Ambitieux)" in text
    assert "CC BY 4.0" in text and LICENCE_URL in text

    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Référence", "Clause", "Source", "Licence"]
    assert [row[0] for row in rows[1:]] == [
        refs["selection"],
        refs["dutch_only"],
        refs["award"],
        refs["contract"],
    ]
    contract = rows[4]
    assert "http://testserver/fr/base-de-connaissances/clauses/reprise/" in contract[1]
    assert "Stad Gent — Raamcontract, 2019" in contract[2]
    assert "https://www.gent.example/2019-fac-012" in contract[2]
    assert contract[3] == "CC BY 4.0"
    # the Dutch-only clause links to its Dutch page
    assert "http://testserver/nl/kennisbank/clauses/" in rows[2][1]


def test_docx_in_dutch_uses_dutch_texts(client, selected):
    document = docx_of(client, "nl")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[-1] == f"{selected['contract'].reference} · Terugname van meubilair"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Wat de inschrijver aanlevert: Een jaarverslag." in text
    assert "Referenties en bronnen" in text


def test_pdf_has_the_same_outline(client, selected):
    response = client.get("/fr/selection/download/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    positions = [
        text.index(heading)
        for heading in (
            "Critères de sélection",
            "Expérience du réemploi",
            "Spécifications techniques",
            "Gegevenswissing",
            "Critères d’attribution",
            "Ordinateurs reconditionnés",
            "Clauses contractuelles",
            "Reprise du mobilier",
            "Références et sources",
        )
    ]
    assert positions == sorted(positions)
    for clause in selected.values():
        assert text.count(clause.reference) >= 3  # heading, facts line, reference table
    assert "L’adjudicataire reprend le mobilier." in text
    assert "Un rapport annuel." in text
    assert "CC BY 4.0" in text and LICENCE_URL in text


def test_plain_text_has_the_same_outline(client, selected):
    response = client.get("/en/selection/download/txt/")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    order = [
        text.index(part)
        for part in (
            "SELECTION CRITERIA",
            "TECHNICAL SPECIFICATIONS",
            "AWARD CRITERIA",
            "CONTRACT CLAUSES",
            "REFERENCES AND SOURCES",
        )
    ]
    assert order == sorted(order)
    # no English translations: every clause is in Dutch, the document around them in English
    assert f"{selected['contract'].reference} · Terugname van meubilair" in text
    assert "What the bidder provides: Een jaarverslag." in text
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in text


def test_empty_selection_or_unknown_format_gets_a_clear_answer(client, knowledge_tree):
    response = client.get("/nl/selection/download/docx/", follow=True)
    assert response.status_code == 200
    assert "Je selectie is leeg: voeg eerst clausules toe." in response.content.decode()
    assert client.get("/nl/selection/download/exe/").status_code == 404
