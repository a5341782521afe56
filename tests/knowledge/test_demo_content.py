"""The knowledge base demo: complete in Dutch, mostly translated, and idempotent."""

from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from knowledge import demo
from knowledge.demo_content import CLAUSES, THEMES
from knowledge.demo_content_examples import EXAMPLES, RECOMMENDATIONS
from knowledge.demo_content_lessons import LESSONS
from knowledge.demo_content_pilots import PILOTS
from knowledge.models import (
    KnowledgeIndexPage,
    KnowledgePage,
    LessonPage,
    PilotCasePage,
    PolicyRecommendationPage,
    PracticeExamplePage,
    TenderClause,
    Theme,
)
from network.models import Organisation

PAGE_SPECS = [
    (LessonPage, LESSONS),
    (PracticeExamplePage, EXAMPLES),
    (PilotCasePage, PILOTS),
    (PolicyRecommendationPage, RECOMMENDATIONS),
]


def snapshot():
    pages = Counter(
        (page.locale.language_code, page.specific_class.__name__, page.url_path, page.live)
        for page in Page.objects.select_related("locale").filter(depth__gt=1)
    )
    snippets = Counter(
        (type(obj).__name__, obj.locale.language_code, obj.slug)
        for model in (Theme, TenderClause)
        for obj in model.objects.select_related("locale")
    )
    return pages, snippets, Organisation.objects.count(), Translation.objects.count()


def count(model, language):
    return model.objects.filter(locale__language_code=language).count()


@pytest.mark.django_db
def test_load_demo_fills_the_knowledge_base_once_with_translations():
    # One load for all checks: the demo takes a while to build in three languages.
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first

    check_counts()
    check_pages_exist_in_exactly_their_languages()
    check_translations_keep_structured_data_and_links()
    check_every_clause_has_provenance_in_every_language()


def check_every_clause_has_provenance_in_every_language():
    clauses = list(TenderClause.objects.select_related("locale"))
    assert len(clauses) == 3 * len(CLAUSES)
    references = {}
    for clause in clauses:
        assert clause.source_organisation, clause
        assert clause.source_tender_title and clause.source_tender_year, clause
        assert clause.source_tender_url.startswith("https://"), clause
        assert clause.verification_bidder and clause.verification_buyer, clause
        assert clause.reviewed_on >= clause.added_on, clause
        assert clause.licence == "CC-BY-4.0"
        references.setdefault(clause.translation_key, set()).add(clause.reference)
    # one reference per clause, the same in its three languages, and no two clauses share one
    assert all(len(refs) == 1 for refs in references.values())
    assert len({refs.pop() for refs in references.values()}) == len(CLAUSES)
    english = TenderClause.objects.get(locale__language_code="en", reference="DCA-MEU-002")
    assert english.verification_bidder.startswith("A take-back plan")


def check_counts():
    assert count(LessonPage, "nl") >= 12
    assert count(PracticeExamplePage, "nl") >= 8
    assert count(PilotCasePage, "nl") >= 3
    assert count(PolicyRecommendationPage, "nl") >= 5
    assert count(TenderClause, "nl") >= 15
    nl_clauses = TenderClause.objects.filter(locale__language_code="nl")
    assert nl_clauses.values("theme").distinct().count() >= 6
    assert set(nl_clauses.values_list("kind", flat=True)) == {
        "selection_criterion",
        "technical_specification",
        "award_criterion",
        "contract_clause",
    }
    assert Organisation.objects.count() >= 12
    assert set(PilotCasePage.objects.values_list("building_type", flat=True)) >= {
        "school",
        "church",
        "office",
    }

    # Two lessons and one example stay Dutch-only; one lesson exists in English only.
    assert count(LessonPage, "fr") == count(LessonPage, "nl") - 3
    assert count(LessonPage, "en") == count(LessonPage, "nl") - 2
    assert count(PracticeExamplePage, "fr") == count(PracticeExamplePage, "nl") - 1
    assert count(PracticeExamplePage, "en") == count(PracticeExamplePage, "nl") - 1
    for model in (PilotCasePage, PolicyRecommendationPage, TenderClause, Theme):
        assert count(model, "fr") == count(model, "en") == count(model, "nl")


def check_pages_exist_in_exactly_their_languages():
    locales = {code: Locale.objects.get(language_code=code) for code in ("nl", "fr", "en")}
    index = KnowledgeIndexPage.objects.get(locale=locales["nl"])
    assert index.live and index.show_in_menus
    assert index.get_translation(locales["fr"]).title == "Base de connaissances"
    assert index.get_translation(locales["en"]).title == "Knowledge base"

    for model, specs in PAGE_SPECS:
        for spec in specs:
            page = model.objects.child_of(index).get(slug=spec["slug"].nl)
            assert page.live
            assert page.title == spec["title"].nl
            wanted = spec.get("languages", ("fr", "en"))
            for language in ("fr", "en"):
                translation = page.get_translation_or_none(locales[language])
                if language in wanted:
                    assert translation is not None, (spec["slug"].nl, language)
                    assert translation.live
                    assert translation.title == spec["title"].get(language)
                    assert translation.slug == spec["slug"].get(language)
                    assert translation.specific.summary == spec["summary"].get(language)
                else:
                    assert translation is None, (spec["slug"].nl, language)


def check_translations_keep_structured_data_and_links():
    fr = Locale.objects.get(language_code="fr")
    nl_pilot = PilotCasePage.objects.get(locale__language_code="nl", slug=PILOTS[1]["slug"].nl)
    fr_pilot = nl_pilot.get_translation(fr)
    assert fr_pilot.municipality == "Malines"
    assert len(fr_pilot.components) == len(nl_pilot.components) >= 5
    first_component = fr_pilot.components[0].value
    assert first_component["element"] == PILOTS[1]["components"][0][0].fr
    assert first_component["quantity"] == nl_pilot.components[0].value["quantity"]
    assert set(fr_pilot.tender_clauses.all()) == set(nl_pilot.tender_clauses.all()) != set()
    assert set(fr_pilot.themes.all()) == set(nl_pilot.themes.all()) != set()

    lessons_with_evidence = LessonPage.objects.filter(
        locale__language_code="nl", evidence_page__isnull=False
    )
    assert lessons_with_evidence.count() >= 2
    dutch_pages = list(KnowledgePage.objects.filter(locale__language_code="nl"))
    assert any(page.is_review_overdue() for page in dutch_pages)
    assert not all(page.is_review_overdue() for page in dutch_pages)

    years = {
        page.publication_date.year
        for page in KnowledgePage.objects.filter(locale__language_code="nl")
    }
    assert min(years) == 2018 and max(years) == 2026

    fr_clause = TenderClause.objects.get(locale=fr, slug=CLAUSES[0]["slug"].fr)
    assert fr_clause.theme.locale == fr
    assert fr_clause.text == CLAUSES[0]["text"].fr
    assert fr_clause.source_example is not None


@pytest.mark.django_db
def test_themes_created_elsewhere_first_are_reused_not_duplicated(site_tree):
    furniture = next(spec for spec in THEMES if spec["slug"].nl == "meubilair")
    existing = Theme.objects.create(
        locale=site_tree.locales["nl"], name="Meubels", slug="meubilair", sort_order=9
    )
    for code, slug in (("fr", "meubles"), ("en", "furnishings")):
        translation = existing.copy_for_translation(site_tree.locales[code])
        translation.slug = slug
        translation.save()

    themes = demo.ensure_themes()
    assert themes["meubilair"].pk == existing.pk
    assert Theme.objects.get(pk=existing.pk).name == "Meubels"
    for code in ("nl", "fr", "en"):
        assert Theme.objects.filter(locale__language_code=code).count() == len(THEMES)
    assert Theme.objects.filter(slug=furniture["slug"].fr).count() == 0

    demo.ensure_themes()
    assert Theme.objects.count() == 3 * len(THEMES)
