"""axe-core (WCAG 2.1 A and AA rules) on the main pages, in every language, and a
registration done with the keyboard only."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from tests.conftest import publish
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import LessonPageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SLUGS = {
    "nl": ("kennisbank", "les", "agenda", "studiedag"),
    "fr": ("base-de-connaissances", "lecon", "agenda-fr", "journee-etude"),
    "en": ("knowledge-base", "lesson", "agenda-en", "study-day"),
}


@pytest.fixture
def site(knowledge_tree):  # noqa: F811
    tree = knowledge_tree.site_tree
    lesson = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Stoelen huren",
        slug="les",
        summary="Meubilair als dienst.",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
    )
    agenda = publish(EventIndexPageFactory(parent=tree.homes["nl"], slug="agenda"))
    event = publish(EventPageFactory(parent=agenda, slug="studiedag", title="Studiedag"))
    for code in ("fr", "en"):
        _index, lesson_slug, agenda_slug, event_slug = SLUGS[code]
        knowledge_tree.translate(lesson, code, title=f"Leçon {code}", slug=lesson_slug)
        tree.translate(agenda, code, title=f"Agenda {code}", slug=agenda_slug)
        tree.translate(event, code, title=f"Study day {code}", slug=event_slug)
    return knowledge_tree


def assert_no_violations(page, url):
    page.goto(url)
    results = Axe().run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert not violations, f"{url}:\n" + results.generate_report()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_main_pages_have_no_wcag_violations(page, live_server, site, language):
    index, lesson, agenda, event = SLUGS[language]
    base = f"{live_server.url}/{language}"
    for path in (
        "/",
        f"/{index}/",
        f"/{index}/{lesson}/",
        f"/{agenda}/{event}/",
        f"/{agenda}/{event}/register/",
        "/search/?q=meubilair",
    ):
        assert_no_violations(page, base + path)


def test_registration_with_the_keyboard_only(page, live_server, site):
    page.goto(f"{live_server.url}/nl/agenda/studiedag/register/")
    page.locator("input[name=name]").focus()
    page.keyboard.type("Katrien Keyboard")
    page.keyboard.press("Tab")
    page.keyboard.type("katrien@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Stad Leuven")
    page.keyboard.press("Tab")
    page.keyboard.type("Aankoper")
    # Move to the Green Deal radio group and pick the first answer with the keyboard.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "green_deal":
            break
    page.keyboard.press("Space")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "privacy_consent":
            break
    page.keyboard.press("Space")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert any("katrien@example.org" in message.to for message in mail.outbox)
