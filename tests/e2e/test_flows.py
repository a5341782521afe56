"""What people do on the site, in a real browser."""

import re

import pytest
from django.core import mail

from tests.conftest import publish
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import LessonPageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lessons(knowledge_tree):  # noqa: F811
    nl = knowledge_tree.indexes["nl"]
    chairs = LessonPageFactory(
        parent=nl,
        title="Stoelen huren in plaats van kopen",
        slug="stoelen-huren",
        summary="Meubilair als dienst bleek goedkoper over tien jaar.",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
    )
    LessonPageFactory(
        parent=nl,
        title="Laptops met een tweede leven",
        slug="laptops",
        summary="Refurbished laptops voor leerkrachten.",
        themes=[knowledge_tree.themes["ict"]["nl"]],
    )
    knowledge_tree.translate(
        chairs, "en", title="Renting chairs instead of buying", slug="renting-chairs"
    )
    return knowledge_tree


def test_switch_language_on_a_lesson(page, live_server, lessons):
    page.goto(f"{live_server.url}/nl/kennisbank/stoelen-huren/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("navigation", name="Kies een taal").get_by_text("English").click()
    page.wait_for_url(re.compile(r"/en/knowledge-base/renting-chairs/$"))
    assert page.locator("h1").inner_text() == "Renting chairs instead of buying"
    assert page.locator("html").get_attribute("lang") == "en"


def test_filter_the_knowledge_base(page, live_server, lessons):
    page.goto(f"{live_server.url}/nl/kennisbank/")
    assert page.locator(".results .card").count() == 2
    page.get_by_label("Thema", exact=True).select_option("ict")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url(re.compile(r"theme=ict"))
    titles = page.locator(".results .card h3").all_inner_texts()
    assert titles == ["Laptops met een tweede leven"]


def test_search_from_the_header(page, live_server, lessons):
    page.goto(f"{live_server.url}/nl/")
    page.get_by_label("Zoek op de site").fill("meubilair")
    page.get_by_role("search").get_by_role("button", name="Zoeken").first.click()
    page.wait_for_url(re.compile(r"/nl/search/\?q=meubilair"))
    assert "Stoelen huren in plaats van kopen" in page.locator(".search-results").inner_text()
    assert page.locator(".search-results mark").count() >= 1


@pytest.fixture
def small_event(site_tree):
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    event = EventPageFactory(
        parent=agenda, title="Werksessie meubilair", slug="werksessie-meubilair", capacity=1
    )
    return publish(event)


def fill_registration(page, name, email):
    page.locator("input[name=name]").fill(name)
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=organisation]").fill("Stad Gent")
    page.locator("input[name=role]").fill("Aankoper")
    page.locator("input[name=green_deal]").first.check()
    page.locator("input[name=privacy_consent]").check()


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).click()


def test_register_waitlist_and_cancel_through_the_email_link(page, live_server, small_event):
    url = f"{live_server.url}{small_event.url}register/"
    page.goto(url)
    fill_registration(page, "An Peeters", "an@example.org")
    submit(page, "form.registration-form button[type=submit]")
    assert "an@example.org" in mail.outbox[-1].to

    page.goto(url)
    fill_registration(page, "Bert Claes", "bert@example.org")
    submit(page, "form.registration-form button[type=submit]")
    waitlisted = mail.outbox[-1]
    assert "bert@example.org" in waitlisted.to
    assert "wachtlijst" in (waitlisted.subject + waitlisted.body).lower()

    confirmation = next(m for m in mail.outbox if "an@example.org" in m.to)
    manage_link = re.search(r"https?://\S+/manage/\S+?/", confirmation.body).group(0)
    manage_path = re.sub(r"^https?://[^/]+", "", manage_link)
    page.goto(f"{live_server.url}{manage_path}")
    submit(page, "form.manage-form:has(input[value=cancel]) button[type=submit]")
    # Nothing is cancelled before the confirmation page is answered.
    assert not [m for m in mail.outbox if "bert@example.org" in m.to][1:]
    submit(page, "form.manage-form:has(input[value=yes]) button[type=submit]")
    promoted = [m for m in mail.outbox if "bert@example.org" in m.to]
    assert len(promoted) == 2  # waitlisted, then promoted
