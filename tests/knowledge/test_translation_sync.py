"""Facts follow the source: publishing a Dutch knowledge page gives its translations the same
themes (in their own language), organisations, dates, phase, evidence and figures."""

import datetime
from decimal import Decimal

import pytest

from knowledge.models import KnowledgePage, LessonPage, PilotCasePage
from tests.conftest import publish
from tests.knowledge.factories import (
    LessonPageFactory,
    OrganisationFactory,
    PilotCasePageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)
from tests.network.factories import UserFactory

pytestmark = pytest.mark.django_db


def reload(page):
    return type(page).objects.get(pk=page.pk)


def test_themes_organisations_date_and_phase_follow_in_the_translations_language(
    knowledge_tree, client
):
    themes = knowledge_tree.themes
    city = OrganisationFactory(name="Stad Gent")
    lesson = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Les over meubilair",
        slug="les-meubilair",
        themes=[themes["furniture"]["nl"]],
    )
    publish(lesson)
    french = knowledge_tree.translate(
        lesson, "fr", title="Leçon sur le mobilier", summary="Ce que nous avons appris."
    )
    english = knowledge_tree.translate(lesson, "en", title="Lesson on furniture")

    lesson = reload(lesson)
    lesson.themes = [themes["ict"]["nl"]]
    lesson.organisations = [city]
    lesson.publication_date = datetime.date(2025, 3, 14)
    lesson.phase = "market_consultation"
    publish(lesson)

    for code, translation in (("fr", french), ("en", english)):
        for version in (reload(translation), reload(translation).get_latest_revision_as_object()):
            assert list(version.themes.all()) == [themes["ict"][code]]
            assert list(version.organisations.all()) == [city]
            assert version.publication_date == datetime.date(2025, 3, 14)
            assert version.phase == "market_consultation"
    french = reload(french)
    assert french.title == "Leçon sur le mobilier"
    assert french.summary == "Ce que nous avons appris."
    html = client.get(french.url).content.decode()
    assert "TIC" in html
    assert "Mobilier" not in html


def test_evidence_points_to_the_translated_page_where_it_exists(knowledge_tree):
    index = knowledge_tree.indexes["nl"]
    pilot = publish(PilotCasePageFactory(parent=index, slug="pilot-school"))
    french_pilot = knowledge_tree.translate(pilot, "fr", slug="pilote-ecole")
    untranslated = publish(PracticeExamplePageFactory(parent=index, slug="voorbeeld"))
    lesson = publish(LessonPageFactory(parent=index, slug="les-bewijs"))
    french = knowledge_tree.translate(lesson, "fr", slug="lecon-preuve")

    lesson = reload(lesson)
    lesson.evidence_source = "pilot_case"
    lesson.evidence_page = pilot
    publish(lesson)
    assert LessonPage.objects.get(pk=french.pk).evidence_page_id == french_pilot.pk
    assert LessonPage.objects.get(pk=french.pk).evidence_source == "pilot_case"

    lesson = reload(lesson)
    lesson.evidence_page = untranslated
    lesson.evidence_source = "research"
    publish(lesson)
    french = LessonPage.objects.get(pk=french.pk)
    assert french.evidence_page_id == untranslated.pk
    assert french.evidence_source == "research"


def component(block_id, element, quantity, condition="good", destination="Hergebruik"):
    return {
        "type": "component",
        "id": block_id,
        "value": {
            "element": element,
            "quantity": quantity,
            "unit": "piece",
            "condition": condition,
            "destination": destination,
        },
    }


def test_a_pilots_building_facts_and_inventory_figures_follow(knowledge_tree):
    clause = TenderClauseFactory(theme=knowledge_tree.themes["furniture"]["nl"])
    french_clause = clause.copy_for_translation(knowledge_tree.site_tree.locales["fr"])
    french_clause.title = "Clause de reprise"
    french_clause.slug = "clause-de-reprise"
    french_clause.save()
    pilot = PilotCasePageFactory(
        parent=knowledge_tree.indexes["nl"],
        slug="pastorij",
        municipality="Gent",
        surface_m2=400,
        vacant_since=2015,
        components=[
            component("a1", "Deuren", "12"),
            component("b2", "Radiatoren", "8"),
        ],
    )
    publish(pilot)
    french = knowledge_tree.translate(pilot, "fr", slug="presbytere", municipality="Gand")
    french = reload(french)
    french.components = [
        component("a1", "Portes", "12", destination="Réemploi"),
        component("b2", "Radiateurs", "8", destination="Réemploi"),
    ]
    publish(french)

    pilot = reload(pilot)
    pilot.building_type = "church"
    pilot.surface_m2 = 650
    pilot.vacant_since = 2011
    pilot.workshop_date = datetime.date(2025, 6, 2)
    pilot.tender_clauses = [clause]
    pilot.components = [
        component("a1", "Deuren", "30", condition="repair"),
        component("c3", "Balken", "5"),
    ]
    publish(pilot)

    for version in (reload(french), reload(french).get_latest_revision_as_object()):
        assert version.building_type == "church"
        assert version.surface_m2 == 650
        assert version.vacant_since == 2011
        assert version.workshop_date == datetime.date(2025, 6, 2)
        assert version.municipality == "Gand"
        assert list(version.tender_clauses.all()) == [french_clause]
        rows = [(block.id, dict(block.value)) for block in version.components]
        assert [block_id for block_id, _ in rows] == ["a1", "c3"]
        doors = rows[0][1]
        assert doors["element"] == "Portes"
        assert doors["destination"] == "Réemploi"
        assert Decimal(doors["quantity"]) == Decimal("30")
        assert doors["condition"] == "repair"
        assert rows[1][1]["element"] == "Balken"

    pilot = reload(pilot)
    pilot.municipality = "Mechelen"
    publish(pilot)
    assert PilotCasePage.objects.get(pk=french.pk).municipality == "Mechelen"


def test_every_knowledge_type_declares_its_facts():
    from knowledge.models.pages import KNOWLEDGE_PAGE_TYPES

    for page_type in KNOWLEDGE_PAGE_TYPES.values():
        assert set(KnowledgePage.synchronized_fields) <= set(page_type.synchronized_fields)
        for name in page_type.synchronized_fields:
            page_type._meta.get_field(name)


def test_a_translation_under_review_keeps_its_review_and_gets_the_facts(knowledge_tree):
    themes = knowledge_tree.themes
    reviewer = UserFactory(username="nakijker", is_superuser=True)
    lesson = publish(
        LessonPageFactory(
            parent=knowledge_tree.indexes["nl"],
            slug="les-review",
            themes=[themes["furniture"]["nl"]],
        )
    )
    french = reload(knowledge_tree.translate(lesson, "fr", title="Leçon", slug="lecon-review"))
    french.title = "Leçon revue"
    french.save_revision(user=reviewer)
    workflow_state = french.get_workflow().start(french, reviewer)

    lesson = reload(lesson)
    lesson.themes = [themes["ict"]["nl"]]
    lesson.phase = "contract_management"
    publish(lesson)

    workflow_state.refresh_from_db()
    assert workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    under_review = workflow_state.current_task_state.revision.as_object()
    assert under_review.title == "Leçon revue"
    assert list(under_review.themes.all()) == [themes["ict"]["fr"]]
    assert under_review.phase == "contract_management"
    french = reload(french)
    assert french.title == "Leçon"
    assert french.phase == "contract_management"
    assert list(french.themes.all()) == [themes["ict"]["fr"]]
