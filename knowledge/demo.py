"""Demo content for the knowledge base: organisations, themes, tender clauses and the
knowledge pages (pilot cases, lessons, practice examples, policy recommendations).

The texts live in the `demo_content*` modules; this module builds objects from them.
Everything is found by its natural key first (a theme or clause by locale and slug, a page by
its slug under its parent, an organisation by name), so loading twice changes nothing. Most
pages get French and English translations; a few stay Dutch-only (or English-only) on purpose,
to show what readers see for a page that is not translated yet.
"""

from decimal import Decimal

from home.demo import ensure_home_page
from knowledge.demo_content import (
    CLAUSES,
    INDEX_PAGE,
    ORGANISATIONS,
    THEMES,
)
from knowledge.demo_content_clauses import CLAUSE_FACTS
from knowledge.demo_content_examples import EXAMPLES, RECOMMENDATIONS
from knowledge.demo_content_lessons import LESSONS
from knowledge.demo_content_pilots import PILOTS
from knowledge.models import (
    KnowledgeIndexPage,
    LessonPage,
    PilotCasePage,
    PolicyRecommendationPage,
    PracticeExamplePage,
    TenderClause,
    Theme,
)
from network.demo.localize import TARGET_LANGUAGES, Glossary, get_locale, translate
from network.models import Organisation


def rich_text(glossary, paragraphs):
    """Rich text made of one <p> per demo text, each registered for translation."""
    return "".join(glossary.paragraph(text) for text in paragraphs)


def missing_languages(instance, languages):
    return tuple(
        language
        for language in languages
        if instance.get_translation_or_none(get_locale(language)) is None
    )


def ensure_translated(instance, glossary, languages=TARGET_LANGUAGES):
    """Translate `instance` into those of `languages` it has no translation in yet."""
    missing = missing_languages(instance, languages)
    if missing:
        translate(instance, glossary, languages=missing)


# -- snippets -----------------------------------------------------------------------------


def ensure_organisations():
    organisations = {}
    for spec in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={
                "type": spec["type"],
                "green_deal_participant": spec["green_deal"],
                "region": spec["region"],
                "website": spec["website"],
            },
        )
        organisations[spec["key"]] = organisation
    return organisations


def ensure_theme(spec):
    """The Dutch theme with this slug, created if needed, translated into fr and en.

    Other demo modules may create the same themes; an existing theme is kept as it is.
    """
    glossary = Glossary()
    defaults = {
        "name": glossary.add(spec["name"]),
        "description": glossary.add(spec["description"]),
        "sort_order": spec["sort_order"],
    }
    slug = glossary.add(spec["slug"])
    theme, _ = Theme.objects.get_or_create(locale=get_locale("nl"), slug=slug, defaults=defaults)
    ensure_translated(theme, glossary)
    return theme


def ensure_themes():
    return {spec["slug"].nl: ensure_theme(spec) for spec in THEMES}


VERIFICATION_FIELDS = ("verification_bidder", "verification_buyer")


def clause_facts(spec):
    """The demo facts of a clause, with its verification texts as T (see demo_content_clauses)."""
    return CLAUSE_FACTS[spec["slug"].nl]


def ensure_clause(spec, themes, examples):
    glossary = Glossary()
    slug = glossary.add(spec["slug"])
    facts = clause_facts(spec)
    defaults = {
        "title": glossary.add(spec["title"]),
        "theme": themes[spec["theme"]],
        "phase": spec["phase"],
        "kind": spec["kind"],
        "text": glossary.add(spec["text"]),
        "rationale": glossary.add(spec["rationale"]),
        "source_example": examples.get(spec.get("source_example")),
        **{name: value for name, value in facts.items() if name not in VERIFICATION_FIELDS},
        **{name: glossary.add(facts[name]) for name in VERIFICATION_FIELDS},
    }
    clause, _ = TenderClause.objects.get_or_create(
        locale=get_locale("nl"), slug=slug, defaults=defaults
    )
    ensure_translated(clause, glossary)
    return clause


def add_missing_clause_facts():
    """Give demo clauses loaded before clauses had provenance their demo facts, in every
    language. Their references were numbered by a migration in another order, so every
    reference is first set aside to keep them unique per language while they move."""
    missing = {}
    for spec in CLAUSES:
        clause = TenderClause.objects.filter(
            locale=get_locale("nl"), slug=spec["slug"].nl, source_organisation=""
        ).first()
        if clause is not None:
            missing[clause.translation_key] = clause_facts(spec)
    if not missing:
        return
    for clause in TenderClause.objects.filter(translation_key__in=missing):
        TenderClause.objects.filter(pk=clause.pk).update(reference=f"DCA-MOVE-{clause.pk}")
    for clause in TenderClause.objects.filter(translation_key__in=missing).select_related("locale"):
        facts = missing[clause.translation_key]
        language = clause.locale.language_code
        values = {name: value for name, value in facts.items() if name not in VERIFICATION_FIELDS}
        values.update({name: facts[name].get(language) for name in VERIFICATION_FIELDS})
        TenderClause.objects.filter(pk=clause.pk).update(**values)


# -- pages --------------------------------------------------------------------------------


def ensure_page(parent, model, spec, fields, glossary, relations=None):
    """The page with the spec's slug under `parent`, created and published if needed, then
    translated into the spec's languages (fr and en unless the spec says otherwise)."""
    slug = glossary.add(spec["slug"])
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = model(title=glossary.add(spec["title"]), slug=slug, **fields)
        for name, values in (relations or {}).items():
            setattr(page, name, values)
        parent.add_child(instance=page)
        page.save_revision().publish()
    else:
        glossary.add(spec["title"])
    ensure_translated(page, glossary, spec.get("languages", TARGET_LANGUAGES))
    return page


def ensure_index_page(home):
    glossary = Glossary()
    fields = {"intro": glossary.add(INDEX_PAGE["intro"]), "show_in_menus": True}
    return ensure_page(home, KnowledgeIndexPage, INDEX_PAGE, fields, glossary)


def knowledge_fields(glossary, spec):
    """The fields every knowledge page has."""
    fields = {
        "summary": glossary.add(spec["summary"]),
        "phase": spec.get("phase", ""),
        "publication_date": spec["published"],
        "last_reviewed": spec.get("reviewed"),
    }
    return fields


def knowledge_relations(spec, themes, organisations):
    return {
        "themes": [themes[slug] for slug in spec["themes"]],
        "organisations": [organisations[key] for key in spec.get("organisations", ())],
    }


def ensure_example(index, spec, themes, organisations):
    glossary = Glossary()
    fields = knowledge_fields(glossary, spec)
    fields.update(
        {
            "country": spec["country"],
            "place": glossary.add(spec["place"]),
            "buyer": glossary.add(spec["buyer"]),
            "strategy": spec["strategy"],
            "results": [
                ("figure", {"value": glossary.add(value), "label": glossary.add(label)})
                for value, label in spec["results"]
            ],
            "body": [("paragraph", glossary.paragraph(text)) for text in spec["body"]],
        }
    )
    relations = knowledge_relations(spec, themes, organisations)
    return ensure_page(index, PracticeExamplePage, spec, fields, glossary, relations)


def ensure_pilot(index, spec, themes, organisations, clauses):
    glossary = Glossary()
    fields = knowledge_fields(glossary, spec)
    fields.update(
        {
            "building_type": spec["building_type"],
            "municipality": glossary.add(spec["municipality"]),
            "surface_m2": spec["surface_m2"],
            "vacant_since": spec["vacant_since"],
            "workshop_date": spec["workshop_date"],
            "workshop": rich_text(glossary, spec["workshop"]),
            "components": [
                (
                    "component",
                    {
                        "element": glossary.add(element),
                        "quantity": Decimal(quantity),
                        "unit": unit,
                        "condition": condition,
                        "destination": glossary.add(destination),
                    },
                )
                for element, quantity, unit, condition, destination in spec["components"]
            ],
            "energy_exchange": rich_text(glossary, spec["energy_exchange"]),
            "tender_translation": rich_text(glossary, spec["tender_translation"]),
            "revenue_model": rich_text(glossary, spec["revenue_model"]),
            "planning_instruments": [
                ("instrument", {"name": glossary.add(name), "how_used": glossary.add(how)})
                for name, how in spec["planning_instruments"]
            ],
        }
    )
    relations = knowledge_relations(spec, themes, organisations)
    relations["tender_clauses"] = [clauses[slug] for slug in spec["tender_clauses"]]
    return ensure_page(index, PilotCasePage, spec, fields, glossary, relations)


def ensure_lesson(index, spec, themes, organisations, pilots):
    glossary = Glossary()
    fields = knowledge_fields(glossary, spec)
    fields.update(
        {
            "context": rich_text(glossary, spec["context"]),
            "what_worked": rich_text(glossary, spec["what_worked"]),
            "barriers": rich_text(glossary, spec["barriers"]),
            "recommendations": rich_text(glossary, spec["recommendations"]),
            "evidence_source": spec["evidence_source"],
            "evidence_page": pilots.get(spec.get("evidence_page")),
        }
    )
    relations = knowledge_relations(spec, themes, organisations)
    return ensure_page(index, LessonPage, spec, fields, glossary, relations)


def ensure_recommendation(index, spec, themes, organisations):
    glossary = Glossary()
    fields = knowledge_fields(glossary, spec)
    fields.update(
        {
            "audience": spec["audience"],
            "recommendation": rich_text(glossary, spec["recommendation"]),
        }
    )
    relations = knowledge_relations(spec, themes, organisations)
    return ensure_page(index, PolicyRecommendationPage, spec, fields, glossary, relations)


def load():
    home = ensure_home_page()
    organisations = ensure_organisations()
    themes = ensure_themes()
    index = ensure_index_page(home)
    examples = {
        spec["slug"].nl: ensure_example(index, spec, themes, organisations) for spec in EXAMPLES
    }
    add_missing_clause_facts()
    clauses = {spec["slug"].nl: ensure_clause(spec, themes, examples) for spec in CLAUSES}
    pilots = {
        spec["slug"].nl: ensure_pilot(index, spec, themes, organisations, clauses)
        for spec in PILOTS
    }
    for spec in LESSONS:
        ensure_lesson(index, spec, themes, organisations, pilots)
    for spec in RECOMMENDATIONS:
        ensure_recommendation(index, spec, themes, organisations)
    return index
