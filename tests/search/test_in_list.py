"""`InList`: `field IN (values)` with every value in one query parameter, on each database."""

import pytest
from django.db.models import F
from wagtail.models import Page

from home.search import InList

pytestmark = pytest.mark.django_db


def test_primary_keys_strings_and_an_empty_list_find_what_in_finds(site_tree):
    pages = list(Page.objects.order_by("pk"))
    some = [page.pk for page in pages[1::2]]
    assert set(Page.objects.filter(InList(F("pk"), some)).values_list("pk", flat=True)) == set(some)
    assert not Page.objects.filter(InList(F("pk"), [])).exists()
    slugs = [pages[-1].slug, "no-such-slug"]
    assert list(Page.objects.filter(InList(F("slug"), slugs))) == list(
        Page.objects.filter(slug__in=slugs)
    )
    many = list(range(1, 5001)) + [pages[0].pk]  # past SQLite's limit of parameters
    assert (
        Page.objects.filter(InList(F("pk"), many)).count()
        == Page.objects.filter(pk__in=many).count()
    )
