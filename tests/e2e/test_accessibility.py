"""axe-core (WCAG 2.1 A and AA rules) on the main pages and the community pages, in every
language, and a registration done with the keyboard only."""

from typing import NamedTuple

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from network import discussions
from network.models import DiscussionIndexPage
from network.topics import start_topic
from tests.conftest import publish
from tests.e2e.members import log_in
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member

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


def unjudged_contrast(results):
    """Text whose contrast axe could not judge, e.g. text in the colour of its background.

    axe lists such text as "incomplete", not as a violation; on the site's plain
    backgrounds each case is a real problem, so the tests count them as failures.
    """
    return [
        (node["html"], check["data"].get("messageKey") if check.get("data") else None)
        for rule in results.response["incomplete"]
        if rule["id"] == "color-contrast"
        for node in rule["nodes"]
        for check in node["any"]
    ]


def assert_no_violations(page, url):
    page.goto(url)
    results = Axe().run(page, options=WCAG_21_AA)
    violations = results.response["violations"]
    assert not violations, f"{url}:\n" + results.generate_report()
    unjudged = unjudged_contrast(results)
    assert not unjudged, f"{url}: contrast axe could not judge: {unjudged}"


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


class Community(NamedTuple):
    topic_paths: dict  # language code -> path of a topic with a thread
    reader: object  # a member with a comment of their own still waiting for approval


@pytest.fixture
def community(site_tree):
    """A Discussions page in each language with a topic whose thread has a comment, a reply
    and, seen by the reader only, the reader's first comment waiting for approval."""
    author = member(display_name="An Peeters", trusted=True)
    reader = member(display_name="Bert Claes")
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    site_tree.homes["nl"].add_child(instance=index)
    indexes = {"nl": publish(index)}
    for code in ("fr", "en"):
        indexes[code] = site_tree.translate(index, code, title="Discussions", slug="discussions")
    paths = {}
    for code, parent in indexes.items():
        topic = start_topic(parent, author, f"Terugnameclausule {code}", "Wie heeft een **model**?")
        first = discussions.post_comment(author, topic, "Zie de bibliotheek.", language=code)
        discussions.post_comment(
            author, topic, "En de *toelichting*.", parent_id=first.comment.pk, language=code
        )
        discussions.post_comment(reader, topic, "Bedankt!", language=code)
        paths[code] = topic.url
    return Community(paths, reader)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_sign_up_and_topic_pages_have_no_wcag_violations(
    new_page, live_server, community, language
):
    base = live_server.url
    topic_url = base + community.topic_paths[language]
    visitor = new_page()
    assert_no_violations(visitor, f"{base}/{language}/accounts/signup/")
    assert_no_violations(visitor, topic_url)
    assert visitor.locator("#discussion .comment").count() == 2

    reader = new_page()
    log_in(reader, base, community.reader.email)
    assert_no_violations(reader, topic_url)
    thread = reader.locator("#discussion")
    assert thread.locator(".comment--level-1").count() == 1
    assert thread.locator(".comment--pending").count() == 1
    assert thread.locator("textarea[name=comment]").count() >= 1


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
