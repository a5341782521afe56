"""In a real browser: the @mention combobox by keyboard, the notifications page, and a
moderator rejecting a topic; axe (WCAG 2.1 A and AA) on the combobox and the notifications
page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Permission
from django.core import mail
from wagtail.users.models import UserProfile

from network import inbox
from network.models import (
    DiscussionIndexPage,
    ModerationAction,
    Notification,
    NotificationKind,
    TopicPage,
)
from network.topics import start_topic
from tests.conftest import publish
from tests.e2e.members import log_in
from tests.e2e.test_accessibility import WCAG_21_AA, assert_no_violations, unjudged_contrast
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import PASSWORD, UserFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lesson(knowledge_tree):  # noqa: F811
    page = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Stoelen huren", slug="stoelen-huren"
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def assert_axe_clean(page):
    results = Axe().run(page, options=WCAG_21_AA)
    assert not results.response["violations"], results.generate_report()
    assert not unjudged_contrast(results)


def test_a_member_mentions_a_colleague_with_the_keyboard(new_page, live_server, lesson):
    bert = member(display_name="Bert Lambert")
    member(display_name="Lies Bertels")
    member(display_name="Séverine Dubois")
    writer = member(display_name="An Peeters", trusted=True)
    page = new_page()
    log_in(page, live_server.url, writer.email)
    page.goto(live_server.url + lesson.url)
    textarea = page.locator("#comment-text-new")
    textarea.focus()
    page.keyboard.type("Wat denk jij, @ber")
    listbox = page.get_by_role("listbox", name="Leden")
    options = listbox.get_by_role("option")
    options.first.wait_for()
    assert textarea.get_attribute("role") == "combobox"
    assert textarea.get_attribute("aria-expanded") == "true"
    assert textarea.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert options.count() == 2
    status = page.locator("#discussion [role=status]").last
    assert "2 leden gevonden" in status.inner_text()
    assert_axe_clean(page)  # the open combobox

    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    assert first.get_attribute("aria-selected") == "true"
    assert textarea.get_attribute("aria-activedescendant") == first.get_attribute("id")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # past the last: back to the first
    assert textarea.get_attribute("aria-activedescendant") == first.get_attribute("id")
    page.keyboard.press("ArrowUp")  # before the first: the last
    assert options.nth(1).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert textarea.input_value() == "Wat denk jij, @bert_lambert "
    assert textarea.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    assert "Bert Lambert" in status.inner_text()

    # Escape closes the list and leaves the text as typed.
    page.keyboard.type("en @lie")
    options.first.wait_for()
    page.keyboard.press("Escape")
    assert textarea.get_attribute("aria-expanded") == "false"
    assert textarea.input_value().endswith("en @lie")
    page.keyboard.type("s_bertels en @Sév")  # a name with an accent
    options.first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert textarea.input_value().endswith("@lies_bertels en @severine_dubois ")
    with page.expect_navigation():
        page.locator("#discussion").get_by_role("button", name="Reactie plaatsen").click()
    mentioned = set(
        Notification.objects.filter(kind=NotificationKind.MENTION).values_list(
            "recipient__member_profile__display_name", flat=True
        )
    )
    assert mentioned == {"Bert Lambert", "Lies Bertels", "Séverine Dubois"}
    assert any(bert.email in m.to for m in mail.outbox)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_notifications_page_has_no_wcag_violations(new_page, live_server, lesson, language):
    reader = member(display_name="Bert Claes")
    author = member(display_name="An Peeters")
    for kind in (NotificationKind.REPLY, NotificationKind.MENTION):
        inbox.notify(reader, kind, actor=author, page=lesson)
    read = inbox.notify(reader, NotificationKind.TOPIC_ANSWER, actor=author, page=lesson)
    inbox.mark_read(reader, read.pk)
    page = new_page()
    log_in(page, live_server.url, reader.email)
    assert_no_violations(page, f"{live_server.url}/{language}/members/me/notifications/")
    assert page.locator(".notification--unread").count() == 2
    bell = page.locator(".account-links__bell")
    assert bell.locator(".account-links__count").inner_text() == "2"
    with page.expect_navigation():
        page.locator(".notifications__all button").click()
    assert page.locator(".notification--unread").count() == 0
    assert bell.locator(".account-links__count").count() == 0
    assert_axe_clean(page)


@pytest.fixture
def topic_moderator():
    user = UserFactory(username="moderator")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments"),
    )
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def test_a_moderator_rejects_a_topic_with_a_reason(
    new_page, live_server, site_tree, topic_moderator
):
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    site_tree.homes["nl"].add_child(instance=index)
    publish(index)
    author = member(display_name="Chloé Martin")
    author.member_profile.preferred_language = "fr"
    author.member_profile.save()
    topic = start_topic(index, author, "Chaises à vendre", "Prix cassés, contactez-moi.")
    assert not topic.live

    admin = new_page("en-GB")
    admin.goto(f"{live_server.url}/admin/login/")
    admin.get_by_label("Username").fill(topic_moderator.username)
    admin.get_by_label("Password").fill(PASSWORD)
    with admin.expect_navigation():
        admin.get_by_role("button", name="Sign in").click()
    admin.get_by_role("link", name=re.compile(r"^Moderation")).click()
    row = admin.get_by_role("row").filter(has_text="Chaises à vendre")
    row.get_by_label("Reason, sent to the member when you reject").fill(
        "Les annonces de vente n'ont pas leur place ici."
    )
    mail.outbox.clear()
    with admin.expect_navigation():
        row.get_by_role("button", name="Reject").click()
    assert admin.get_by_text("The topic has been rejected").is_visible()
    assert admin.get_by_role("row").filter(has_text="Chaises à vendre").count() == 0
    assert not TopicPage.objects.filter(pk=topic.pk).exists()
    (message,) = mail.outbox
    assert message.to == [author.email] and "vente" in message.body

    admin.get_by_role("link", name=re.compile("Moderation log")).click()
    entry = admin.get_by_role("row").filter(has_text="Chaises à vendre")
    assert "Topic rejected" in entry.inner_text()
    assert "moderator" in entry.inner_text()
    assert ModerationAction.objects.count() == 1

    reader = new_page("fr-BE")
    log_in(reader, live_server.url, author.email)
    reader.goto(f"{live_server.url}/fr/members/me/notifications/")
    item = reader.locator(".notification").first
    assert "Chaises à vendre" in item.inner_text()
    assert "n'ont pas leur place" in item.inner_text()
