"""Factories for knowledge pages and snippets."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from knowledge.models import (
    KnowledgeIndexPage,
    LessonPage,
    PilotCasePage,
    PolicyRecommendationPage,
    PracticeExamplePage,
    TenderClause,
    Theme,
)
from network.models import Organisation


def default_locale():
    return Locale.objects.get(language_code="nl")


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Theme


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    type = "municipality"

    class Meta:
        model = Organisation


class TenderClauseFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Terugnameclausule {n}")
    slug = factory.Sequence(lambda n: f"clausule-{n}")
    theme = factory.SubFactory(ThemeFactory)
    phase = "tender"
    kind = "contract_clause"
    text = "De leverancier neemt de meubelen na gebruik terug voor hergebruik."
    rationale = "Zo blijft de waarde van de materialen behouden."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = TenderClause


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kennisbank"
    slug = "kennisbank"
    intro = "Wat andere aankopers leerden."

    class Meta:
        model = KnowledgeIndexPage


class KnowledgePageFactoryMixin(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kennispagina {n}")
    summary = "Een korte samenvatting van wat we leerden."
    publication_date = datetime.date(2024, 5, 1)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)
            self.save()


class LessonPageFactory(KnowledgePageFactoryMixin):
    context = "<p>Een gemeente zocht een betere aanpak.</p>"
    what_worked = "<p>Een marktconsultatie vooraf.</p>"
    barriers = "<p>Weinig aanbieders.</p>"
    recommendations = "<p>Begin klein.</p>"
    evidence_source = "pilot_case"
    phase = "tender"

    class Meta:
        model = LessonPage
        skip_postgeneration_save = True


class PracticeExamplePageFactory(KnowledgePageFactoryMixin):
    country = "NL"
    place = "Utrecht"
    buyer = "Gemeente Utrecht"
    strategy = "reuse"

    class Meta:
        model = PracticeExamplePage
        skip_postgeneration_save = True


class PilotCasePageFactory(KnowledgePageFactoryMixin):
    building_type = "school"
    municipality = "Mechelen"
    workshop = "<p>Een workshop met bewoners.</p>"
    revenue_model = "<p>Huur van de ruimtes.</p>"

    class Meta:
        model = PilotCasePage
        skip_postgeneration_save = True


class PolicyRecommendationPageFactory(KnowledgePageFactoryMixin):
    audience = "local_governments"
    recommendation = "<p>Neem circulaire criteria op in elk bestek.</p>"

    class Meta:
        model = PolicyRecommendationPage
        skip_postgeneration_save = True
