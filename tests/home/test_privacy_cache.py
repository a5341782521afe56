"""Page models read their view restrictions through the cached private sections.

A public page is served without asking the database about privacy; every page answers what
Wagtail's own `Page.get_view_restrictions` answers (whether any restriction applies), also
for sections, aliases of private pages and restrictions added after the cache was warm.
"""

import pytest
from django.test.utils import isolate_apps
from wagtail.models import Page, PageViewRestriction
from wagtail.models.pages import PAGE_MODEL_CLASSES

from home.checks import page_models_read_privacy_from_the_cache
from home.privacy import CachedPrivacyMixin, is_private, not_public, public
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import KnowledgeIndexPageFactory, LessonPageFactory

pytestmark = pytest.mark.django_db


def restrict(page, kind=PageViewRestriction.LOGIN):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def pages(knowledge_tree):  # noqa: F811 - the imported fixture
    index = knowledge_tree.indexes["nl"]
    public = publish(LessonPageFactory(parent=index, title="Open les", slug="open-les"))
    section = publish(KnowledgeIndexPageFactory(parent=index.get_parent(), slug="leden"))
    inner = publish(LessonPageFactory(parent=section, title="Binnen", slug="binnen"))
    source = publish(LessonPageFactory(parent=index, title="Bron", slug="bron"))
    return {"index": index, "public": public, "section": section, "inner": inner, "source": source}


def agrees_with_wagtail(page):
    """Our answer (the page model's method) and Wagtail's own agree on any restriction."""
    ours = list(page.specific.get_view_restrictions())
    wagtails = list(Page.get_view_restrictions(page))
    return {r.pk for r in ours} == {r.pk for r in wagtails}


def test_a_public_page_reads_no_restriction_and_asks_nothing(
    client, pages, django_assert_num_queries
):
    lesson = pages["public"]
    assert client.get(lesson.url).status_code == 200  # warms the cached sections
    with django_assert_num_queries(0):
        assert list(lesson.get_view_restrictions()) == []


def test_every_page_answers_as_wagtail_does(client, pages):
    restrict(pages["section"])
    alias = pages["source"].create_alias(parent=pages["index"], update_slug="bron-alias")
    restrict(pages["source"])  # after the alias exists: Wagtail copies nothing onto it
    assert not alias.view_restrictions.exists()
    for page in Page.objects.filter(depth__gt=1):
        assert agrees_with_wagtail(page), page.url_path
    assert is_private(alias)
    assert not is_private(pages["public"])


@pytest.mark.parametrize("name", ["section", "inner"])
def test_a_restriction_added_after_a_public_visit_applies_at_once(client, pages, name):
    inner = pages["inner"]
    assert client.get(inner.url).status_code == 200
    restrict(pages[name])
    response = client.get(inner.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_alias_of_a_page_made_private_later_is_private(client, pages):
    alias = pages["source"].create_alias(parent=pages["index"], update_slug="bron-alias")
    assert client.get(alias.url).status_code == 200
    restrict(pages["source"])
    response = client.get(alias.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_every_page_model_of_the_site_has_the_mixin():
    assert page_models_read_privacy_from_the_cache(None) == []


@isolate_apps("home")
def test_a_page_model_without_the_mixin_is_reported():
    class UnmixedPage(Page):
        class Meta:
            app_label = "home"

    try:
        errors = page_models_read_privacy_from_the_cache(None)
    finally:
        PAGE_MODEL_CLASSES.remove(UnmixedPage)
    assert [(error.id, error.obj) for error in errors] == [("home.E001", UnmixedPage)]
    assert not issubclass(UnmixedPage, CachedPrivacyMixin)


def test_public_filters_as_wagtail_does_without_a_query(pages, django_assert_num_queries):
    restrict(pages["section"])
    restrict(pages["source"])
    wagtails = set(Page.objects.public().values_list("pk", flat=True))
    public(Page.objects.all())  # reads the sections into the cache
    with django_assert_num_queries(0):
        ours = public(Page.objects.all())
    assert set(ours.values_list("pk", flat=True)) == wagtails
    assert pages["inner"].pk not in wagtails and pages["public"].pk in wagtails


def test_not_public_is_wagtails_too(pages):
    assert not not_public(Page.objects.all()).exists()  # no private section yet
    restrict(pages["section"])
    restrict(pages["source"])
    wagtails = set(Page.objects.not_public().values_list("pk", flat=True))
    assert set(not_public(Page.objects.all()).values_list("pk", flat=True)) == wagtails
    assert pages["inner"].pk in wagtails and pages["public"].pk not in wagtails


@pytest.mark.django_db(transaction=True)
def test_a_new_restriction_retires_the_sections_again_when_it_commits(pages):
    """A request between the change and its commit caches the sections of before; the
    commit retires them, so the page is never served publicly after it."""
    from django.db import transaction

    from home.navigation import navigation_version

    with transaction.atomic():
        restrict(pages["section"])
        token = navigation_version()
    assert navigation_version() != token


@pytest.mark.django_db(transaction=True)
def test_restrictions_saved_together_retire_the_sections_once_on_commit(pages):
    from django.db import transaction

    from home.navigation import invalidate_navigation

    with transaction.atomic():
        restrict(pages["section"])
        restrict(pages["source"])
        waiting = [callback for _s, callback, _r in transaction.get_connection().run_on_commit]
        assert waiting.count(invalidate_navigation) == 1
