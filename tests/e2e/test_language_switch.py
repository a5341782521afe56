"""Switching language in the browser keeps the reader on the same clause, theme page, book
chapter and topic (or, where a topic is not translated, on that language's Discussions)."""

import pytest

from network.models import DiscussionIndexPage
from network.topics import start_topic
from tests.conftest import publish
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import LessonPageFactory, TenderClauseFactory
from tests.knowledge.test_book import chapter, make_book
from tests.network.factories import member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(knowledge_tree):  # noqa: F811
    tree = knowledge_tree
    homes = tree.site_tree.homes
    furniture = tree.themes["furniture"]
    clause = TenderClauseFactory(title="Terugname", slug="terugname", theme=furniture["nl"])
    french = clause.copy_for_translation(tree.site_tree.locales["fr"])
    french.title, french.slug, french.theme = "Reprise du mobilier", "reprise", furniture["fr"]
    french.save()
    lesson = LessonPageFactory(parent=tree.indexes["nl"], slug="stoelen", themes=[furniture["nl"]])
    book = make_book(homes["nl"], [chapter("Meubilair", [lesson]), chapter("Gebouwen", [])])
    tree.translate(book, "fr", title="Livre d'inspiration", slug="livre")
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    homes["nl"].add_child(instance=index)
    publish(index)
    tree.translate(index, "fr", title="Discussions", slug="discussions")
    topic = start_topic(index, member(trusted=True), "Wie huurt stoelen?", "Ervaringen?")
    return {"topic": topic}


def switch_to_french(page):
    page.locator('.language-switcher a[hreflang="fr"]').click()
    page.wait_for_load_state()


def test_switching_to_french_keeps_the_clause_theme_chapter_and_topic(page, live_server, site):
    base = live_server.url
    page.goto(f"{base}/nl/kennisbank/clauses/terugname/")
    switch_to_french(page)
    assert page.url == f"{base}/fr/base-de-connaissances/clauses/reprise/"
    assert page.locator("h1").inner_text() == "Reprise du mobilier"

    page.goto(f"{base}/nl/kennisbank/themes/meubilair/")
    switch_to_french(page)
    assert page.url == f"{base}/fr/base-de-connaissances/themes/mobilier/"
    assert page.locator("h1").inner_text() == "Mobilier"

    page.goto(f"{base}/nl/inspiratieboek/chapters/2/")
    switch_to_french(page)
    assert page.url == f"{base}/fr/livre/chapters/2/"

    page.goto(base + site["topic"].url)
    link = page.locator('.language-switcher a[hreflang="fr"]')
    assert link.get_attribute("title") == "Pas disponible en français : aller à « Discussions »"
    switch_to_french(page)
    assert page.url == f"{base}/fr/discussions/"
