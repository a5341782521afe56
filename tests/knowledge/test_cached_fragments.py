"""Rendered parts of knowledge pages kept in the navigation cache: never stale, never shared
between languages, never shown in place of a preview."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from knowledge.models import LessonPage
from tests.knowledge.factories import LessonPageFactory


def heading(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("article h1").get_text()


@pytest.fixture
def lesson(knowledge_tree):
    return LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Stoelen huren in plaats van kopen",
        slug="stoelen-huren",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
        publication_date=datetime.date(2019, 3, 1),
    )


def test_a_published_change_replaces_the_cached_article(client, lesson):
    assert heading(client.get(lesson.url)) == "Stoelen huren in plaats van kopen"
    assert heading(client.get(lesson.url)) == "Stoelen huren in plaats van kopen"

    lesson.title = "Stoelen delen met buurgemeenten"
    lesson.save_revision().publish()

    assert heading(client.get(lesson.url)) == "Stoelen delen met buurgemeenten"


def test_a_saved_draft_leaves_the_published_article(client, lesson):
    client.get(lesson.url)
    lesson.title = "Concepttitel"
    lesson.save_revision()

    assert heading(client.get(lesson.url)) == "Stoelen huren in plaats van kopen"


def test_a_preview_shows_the_draft_and_never_the_cached_article(client, lesson):
    client.get(lesson.url)  # the published article is now cached
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.title = "Stoelen delen met buurgemeenten"

    preview = draft.make_preview_request()

    assert heading(preview) == "Stoelen delen met buurgemeenten"
    assert heading(client.get(lesson.url)) == "Stoelen huren in plaats van kopen"


def test_each_language_gets_its_own_article(client, knowledge_tree, lesson):
    french = knowledge_tree.translate(lesson, "fr", title="Louer des chaises", slug="chaises")
    nl = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    fr = BeautifulSoup(client.get(french.url).content, "html.parser")

    assert nl.select_one("article h1").get_text() == "Stoelen huren in plaats van kopen"
    assert fr.select_one("article h1").get_text() == "Louer des chaises"
    assert nl.select_one(".facts dt").get_text() == "Gepubliceerd"
    assert fr.select_one(".facts dt").get_text() == "Publié"
    assert fr.select_one(".facts .tag").get_text() == "Mobilier"


def test_the_listing_shows_a_newly_published_page(client, knowledge_tree, lesson):
    url = knowledge_tree.indexes["nl"].url
    client.get(url)
    new = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Laptops met een tweede leven",
        publication_date=datetime.date(2024, 1, 1),
        live=False,
    )
    assert len(BeautifulSoup(client.get(url).content, "html.parser").select(".card")) == 1
    new.save_revision().publish()  # as an editor publishes
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert [a.get_text() for a in soup.select(".card h3 a")] == [
        "Laptops met een tweede leven",
        "Stoelen huren in plaats van kopen",
    ]


def render(source, context):
    return Template("{% load navigation_tags %}" + source).render(Context(context))


def test_the_fragment_varies_on_its_values(site_tree):
    request = RequestFactory().get("/nl/")
    source = '{% cachedfragment "demo" key %}{{ shown }}{% endcachedfragment %}'
    assert render(source, {"request": request, "key": 1, "shown": "een"}) == "een"
    assert render(source, {"request": request, "key": 1, "shown": "twee"}) == "een"
    assert render(source, {"request": request, "key": 2, "shown": "twee"}) == "twee"


def test_the_fragment_escapes_once(site_tree):
    request = RequestFactory().get("/nl/")
    source = '{% cachedfragment "escaping" %}{{ shown }}{% endcachedfragment %}'
    for _ in range(2):
        assert render(source, {"request": request, "shown": "<b>&"}) == "&lt;b&gt;&amp;"


def test_the_fragment_needs_a_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load navigation_tags %}{% cachedfragment %}x{% endcachedfragment %}")
