"""Factories for the home app's pages."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "De Circulaire Aankopers"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "Het lerend netwerk voor circulair aankopen."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een korte inleiding."

    class Meta:
        model = StandardPage
