"""Routing from the navigation cache gives Wagtail's own outcome, with one page query."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from tests.knowledge.factories import LessonPageFactory


@pytest.fixture
def lesson(knowledge_tree):
    return LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Stoelen huren", slug="stoelen-huren"
    )


def outcome(route, *args):
    """(page pk, sub-route arguments) of a route, or "404"."""
    try:
        result = route(*args)
    except Http404:
        return "404"
    sub_route = None
    if result.args:  # a routable page's sub-route: (view, args, kwargs)
        view, args, kwargs = result.args
        sub_route = (view.__name__, tuple(args), dict(kwargs))
    return result.page.pk, sub_route


PATHS = [
    [],
    ["kennisbank"],
    ["kennisbank", "stoelen-huren"],
    ["kennisbank", "themes", "meubilair"],
    ["kennisbank", "themes", "bestaat-niet"],
    ["kennisbank", "clauses"],
    ["kennisbank", "feed"],
    ["kennisbank", "bestaat-niet"],
    ["kennisbank", "stoelen-huren", "verder"],
    ["bestaat-niet"],
]


@pytest.mark.parametrize("components", PATHS, ids=lambda c: "/".join(c) or "home")
def test_the_same_page_and_sub_route_as_wagtail(site_tree, knowledge_tree, lesson, components):
    home = site_tree.homes["nl"]
    request = RequestFactory().get("/")
    wagtail = outcome(Page.route, home, request, list(components))
    assert outcome(home.route, request, list(components)) == wagtail
    # And again, now from the cache.
    assert outcome(home.route, request, list(components)) == wagtail


def test_an_unpublished_page_is_not_found_and_its_children_still_are(
    client, site_tree, knowledge_tree, lesson
):
    index = knowledge_tree.indexes["nl"]
    assert client.get(lesson.url).status_code == 200
    index.unpublish()
    request = RequestFactory().get("/")
    home = site_tree.homes["nl"]
    for components in (["kennisbank"], ["kennisbank", "stoelen-huren"]):
        assert outcome(home.route, request, components) == outcome(
            Page.route, home, request, components
        )
    assert client.get("/nl/kennisbank/").status_code == 404


def test_a_published_new_slug_moves_the_page(client, lesson):
    old_url = lesson.url
    assert client.get(old_url).status_code == 200
    lesson.slug = "stoelen-delen"
    lesson.save_revision().publish()
    lesson.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert client.get(lesson.url).status_code == 200


def test_a_warm_lesson_loads_one_page(client, lesson):
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(lesson.url).status_code == 200
    page_loads = [
        q
        for q in captured
        if q["sql"].startswith('SELECT "wagtailcore_page"."id", "wagtailcore_page"."path"')
    ]
    assert len(page_loads) == 1


def test_each_language_is_served_its_own_home_page(client, site_tree):
    for code in ("nl", "fr", "en"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert response.context["page"].pk == site_tree.homes[code].pk


def test_localized_is_wagtails_for_a_language_without_a_live_home(site_tree):
    home = site_tree.homes["nl"]
    site_tree.homes["en"].unpublish()
    for code, expected in (("fr", site_tree.homes["fr"]), ("en", home), ("nl", home)):
        with translation.override(code):
            assert home.localized.pk == expected.pk
            assert Page.objects.get(pk=home.pk).localized.pk == expected.pk


def test_a_page_is_loaded_as_the_orm_loads_it_with_its_sql_built_once(lesson, knowledge_tree):
    from unittest import mock

    from django.db.models.sql.compiler import SQLCompiler

    from home.routing import load_page
    from knowledge.models import KnowledgeIndexPage, LessonPage

    lesson.body = [("paragraph", "<p>Stoelen worden gehuurd, niet gekocht.</p>")]
    lesson.save_revision().publish()
    index = knowledge_tree.indexes["fr"]
    for model, pk in ((LessonPage, lesson.pk), (KnowledgeIndexPage, index.pk)):
        expected = model.objects.get(pk=pk)
        load_page(model, pk)
        with mock.patch.object(SQLCompiler, "as_sql", autospec=True) as building:
            with CaptureQueriesContext(connection) as captured:
                page = load_page(model, pk)
        assert building.call_count == 0
        assert len(captured) == 1
        assert type(page) is model
        for field in model._meta.concrete_fields:
            assert getattr(page, field.attname) == getattr(expected, field.attname), field.name
        if model is LessonPage:
            assert list(page.body.raw_data) == list(expected.body.raw_data) != []
        assert not page.get_deferred_fields()
        assert page._state.db == "default" and not page._state.adding
    assert load_page(LessonPage, lesson.pk + 10_000) is None
