"""Richer tender clauses: reference, ambition level, verification, provenance and licence."""

import csv
import datetime
import importlib
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from knowledge.models import TenderClause
from tests.knowledge.factories import TenderClauseFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def furniture_clause(knowledge_tree, **fields):
    values = {
        "title": "Terugname van meubilair",
        "slug": "terugname-meubilair",
        "theme": knowledge_tree.themes["furniture"]["nl"],
        "ambition_level": 2,
        "verification_bidder": "Een terugnameplan en een jaarverslag.",
        "verification_buyer": "De contractbeheerder bespreekt het verslag.",
        "source_organisation": "Stad Gent",
        "source_tender_title": "Raamcontract kantoormeubilair",
        "source_tender_year": 2019,
        "source_tender_reference": "GENT-2019-FAC-012",
        "source_tender_url": "https://www.gent.example/aanbestedingen/2019-fac-012",
        "added_on": datetime.date(2019, 5, 2),
        "reviewed_on": datetime.date(2025, 3, 10),
    }
    values.update(fields)
    return TenderClauseFactory(**values)


def translate_clause(knowledge_tree, clause, language, **fields):
    translated = clause.copy_for_translation(knowledge_tree.site_tree.locales[language])
    translated.theme = knowledge_tree.themes["furniture"][language]
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def test_references_are_numbered_per_theme_and_kept_in_translation(knowledge_tree):
    first = furniture_clause(knowledge_tree)
    second = furniture_clause(knowledge_tree, slug="tweede", title="Tweede")
    ict = TenderClauseFactory(theme=knowledge_tree.themes["ict"]["nl"])
    assert (first.reference, second.reference, ict.reference) == (
        "DCA-MEU-001",
        "DCA-MEU-002",
        "DCA-ICT-001",
    )
    french = translate_clause(knowledge_tree, first, "fr", slug="reprise", title="Reprise")
    assert french.reference == "DCA-MEU-001"
    # a clause made first in French is numbered in the same series as the Dutch ones
    french_only = TenderClauseFactory(
        theme=knowledge_tree.themes["furniture"]["fr"],
        locale=knowledge_tree.site_tree.locales["fr"],
    )
    assert french_only.reference == "DCA-MEU-003"


def test_a_reference_of_another_clause_is_refused_with_a_clear_message(knowledge_tree):
    first = furniture_clause(knowledge_tree)
    other = TenderClauseFactory(theme=knowledge_tree.themes["ict"]["nl"])
    other.reference = first.reference
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "Een andere clausule heeft deze referentie al." in error.value.message_dict["reference"]
    other.reference = "dca meu 4"
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "reference" in error.value.message_dict
    # its own translation shares the reference
    french = translate_clause(knowledge_tree, first, "fr", slug="reprise", title="Reprise")
    french.full_clean()


def test_facts_follow_the_source_clause_and_text_stays_translated(knowledge_tree):
    clause = furniture_clause(knowledge_tree)
    french = translate_clause(
        knowledge_tree, clause, "fr", slug="reprise", title="Reprise", verification_buyer="Le"
    )
    clause.ambition_level = 3
    clause.reviewed_on = datetime.date(2026, 1, 5)
    clause.source_organisation = "Stad Gent, Facility"
    clause.verification_buyer = "Nieuwe tekst"
    clause.save()
    french.refresh_from_db()
    assert french.ambition_level == 3
    assert french.reviewed_on == datetime.date(2026, 1, 5)
    assert french.source_organisation == "Stad Gent, Facility"
    assert french.verification_buyer == "Le"
    assert french.theme == knowledge_tree.themes["furniture"]["fr"]
    # editing the translation never changes the source's facts
    french.ambition_level = 1
    french.save()
    clause.refresh_from_db()
    assert clause.ambition_level == 3


def test_wagtail_localize_translates_text_and_synchronises_facts():
    fields = {field.field_name: field for field in get_translatable_fields(TenderClause)}
    for name in ("reference", "ambition_level", "source_tender_url", "licence", "added_on"):
        assert isinstance(fields[name], SynchronizedField), name
    for name in ("text", "rationale", "verification_bidder", "verification_buyer"):
        assert not isinstance(fields[name], SynchronizedField), name


def test_clause_page_shows_reference_ambition_verification_source_and_licence(
    client, knowledge_tree
):
    furniture_clause(knowledge_tree)
    page = soup(client.get("/nl/kennisbank/clauses/terugname-meubilair/"))
    facts = page.select_one("dl.facts").get_text(" ", strip=True)
    assert "DCA-MEU-001" in facts
    assert "2 · Aanzienlijk" in facts
    verification = page.select_one("section[aria-labelledby=clause-verification]").get_text()
    assert "Een terugnameplan en een jaarverslag." in verification
    assert "De contractbeheerder bespreekt het verslag." in verification
    source = page.select_one("section[aria-labelledby=clause-source]")
    tender = source.find("a", href="https://www.gent.example/aanbestedingen/2019-fac-012")
    assert tender.get_text() == "Raamcontract kantoormeubilair, 2019, GENT-2019-FAC-012"
    assert "Stad Gent" in source.get_text()
    assert source.find("a", rel="license")["href"] == "https://creativecommons.org/licenses/by/4.0/"
    used = page.select_one("section[aria-labelledby=clause-used]").get_text(" ", strip=True)
    assert "Stad Gent" in used and "no published example" not in used.lower()


def test_library_lists_reference_and_ambition(client, knowledge_tree):
    furniture_clause(knowledge_tree)
    row = soup(client.get("/en/knowledge-base/clauses/")).select_one("tbody tr")
    assert row is None  # no English translation: nothing in the English library
    row = soup(client.get("/nl/kennisbank/clauses/")).select_one("tbody tr")
    cells = [cell.get_text(strip=True) for cell in row.find_all(["td", "th"])]
    assert cells[0] == "DCA-MEU-001"
    assert cells[-2] == "2 · Aanzienlijk"


def test_text_download_carries_reference_source_address_and_licence(client, knowledge_tree):
    clause = furniture_clause(knowledge_tree)
    translate_clause(
        knowledge_tree,
        clause,
        "en",
        slug="furniture-take-back",
        title="Furniture take-back",
        verification_bidder="A take-back plan and a yearly report.",
    )
    text = client.get("/en/knowledge-base/clauses/furniture-take-back/text/").content.decode()
    assert text.startswith("Furniture take-back\n===")
    assert "Reference: DCA-MEU-001" in text
    assert "Ambition level: 2 (Significant)" in text
    assert "What the bidder provides: A take-back plan and a yearly report." in text
    assert "Source: Stad Gent — Raamcontract kantoormeubilair, 2019, GENT-2019-FAC-012" in text
    assert "Source tender: https://www.gent.example/aanbestedingen/2019-fac-012" in text
    assert "Address: http://testserver/en/knowledge-base/clauses/furniture-take-back/" in text
    assert "Licence: Creative Commons Attribution 4.0 International (CC BY 4.0)" in text
    dutch = client.get("/nl/kennisbank/clauses/terugname-meubilair/text/").content.decode()
    assert "Referentie: DCA-MEU-001" in dutch
    assert "Licentie: Creative Commons" in dutch


def test_open_data_carries_reference_ambition_and_provenance(client, knowledge_tree):
    furniture_clause(knowledge_tree)
    data = json.loads(client.get("/nl/kennisbank/open-data/clauses/json/").content)
    item = data["items"][0]
    assert item["reference"] == "DCA-MEU-001"
    assert item["ambition_level"] == 2
    assert item["source_organisation"] == "Stad Gent"
    assert item["source_tender_url"] == "https://www.gent.example/aanbestedingen/2019-fac-012"
    assert item["added"] == "2019-05-02" and item["reviewed"] == "2025-03-10"
    assert item["licence"] == "CC-BY-4.0"
    assert item["url"] == "http://testserver/nl/kennisbank/clauses/terugname-meubilair/"
    rows = list(
        csv.DictReader(io.StringIO(client.get("/nl/kennisbank/open-data/clauses/csv/").text))
    )
    assert rows[0]["reference"] == "DCA-MEU-001"


def test_migration_gives_existing_clauses_a_shared_reference_per_theme(knowledge_tree):
    clause = furniture_clause(knowledge_tree)
    translate_clause(knowledge_tree, clause, "fr", slug="reprise", title="Reprise")
    ict = TenderClauseFactory(theme=knowledge_tree.themes["ict"]["nl"])
    for pk in TenderClause.objects.values_list("pk", flat=True):
        TenderClause.objects.filter(pk=pk).update(reference=f"OLD-{pk}")
    migration = importlib.import_module(
        "knowledge.migrations.0004_clause_ambition_reference_provenance"
    )
    migration.fill_references(apps, None)
    references = dict(TenderClause.objects.values_list("pk", "reference"))
    assert set(references.values()) == {"DCA-MEU-001", "DCA-ICT-001"}
    assert references[ict.pk] == "DCA-ICT-001"
