"""Shared fixtures: a site with a home page in each of the three languages."""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests.home.factories import HomePageFactory, StandardPageFactory


@dataclass
class SiteTree:
    site: Site
    homes: dict  # language code -> HomePage
    locales: dict  # language code -> Locale

    def translate(self, page, language, **fields):
        """Create and publish a translation of `page`, as wagtail-localize would."""
        translation = page.copy_for_translation(self.locales[language], copy_parents=False)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Dutch: a request made by an earlier test leaves its language active."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def site_tree(db):
    """nl home page at the site root, with fr and en translations, all live."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nl", "fr", "en")
    }
    # Transactional tests flush the database, taking the root page and site that Wagtail's
    # migrations created with them; recreate them so test order never matters.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["nl"])
    )
    home = HomePageFactory(parent=root, locale=locales["nl"], slug="start")
    publish(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="testserver", port=80, is_default_site=True, root_page=home
    )
    old_root = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    if old_root.pk != home.pk and type(old_root.specific) is Page:
        old_root.delete()
    homes = {"nl": home}
    tree = SiteTree(site=site, homes=homes, locales=locales)
    for code in ("fr", "en"):
        homes[code] = tree.translate(home, code, slug=f"home-{code}")
    return tree


@pytest.fixture
def standard_page_factory():
    return StandardPageFactory
