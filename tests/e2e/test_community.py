"""A visitor becomes a member and takes part in a discussion, in a real browser."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from wagtail.users.models import UserProfile

from network.models import DiscussionComment
from tests.e2e.members import log_in
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import PASSWORD, UserFactory, member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEWCOMER = "els@mechelen.be"
FIRST_COMMENT = "Wij huren onze stoelen ook, met een terugnamegarantie."
REPLY = "Welke looptijd hebben jullie gekozen?"


@pytest.fixture
def lesson(knowledge_tree):  # noqa: F811
    page = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Stoelen huren in plaats van kopen",
        slug="stoelen-huren",
        summary="Meubilair als dienst bleek goedkoper over tien jaar.",
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def comment_moderator():
    """A staff member who moderates comments in an English admin."""
    user = UserFactory(username="moderator")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments"),
    )
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def link_in(message):
    """The path of the first link in an e-mail, so it can be opened on the live server."""
    url = re.search(r"https?://\S+", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def sign_up(page, base_url, email):
    page.goto(f"{base_url}/nl/")
    account = page.get_by_role("navigation", name="Je account")
    account.get_by_role("link", name="Registreren").click()
    page.get_by_label("E-mail").fill(email)
    page.get_by_label(re.compile(r"^Wachtwoord:?$")).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Registreren").click()
    page.wait_for_url(re.compile(r"/nl/accounts/confirm-email/$"))


def confirm_address(page, base_url, email):
    message = next(m for m in mail.outbox if email in m.to)
    page.goto(base_url + link_in(message))
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("button", name="Bevestig").click()


def post_comment(page, text):
    discussion = page.locator("#discussion")
    discussion.get_by_label("Je reactie").last.fill(text)
    with page.expect_navigation():
        discussion.get_by_role("button", name="Reactie plaatsen").click()


def approve_in_admin(page, base_url, moderator, text):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(moderator.username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name=re.compile(r"^Moderation \(1\)")).click()
    row = page.get_by_role("row").filter(has_text=text)
    with page.expect_navigation():
        row.get_by_role("button", name="Approve").click()


def reply_to(page, comment, text):
    item = page.locator(f"#comment-{comment.pk}")
    item.get_by_text("Antwoorden", exact=True).click()
    item.get_by_label("Je reactie").fill(text)
    with page.expect_navigation():
        item.get_by_role("button", name="Antwoord plaatsen").click()


def test_a_visitor_signs_up_comments_and_gets_a_reply(
    new_page, live_server, lesson, comment_moderator
):
    base = live_server.url
    visitor = new_page()
    sign_up(visitor, base, NEWCOMER)
    confirm_address(visitor, base, NEWCOMER)
    log_in(visitor, base, NEWCOMER)

    visitor.goto(base + lesson.url)
    post_comment(visitor, FIRST_COMMENT)
    comment = DiscussionComment.objects.get(user__email=NEWCOMER)
    mine = visitor.locator(f"#comment-{comment.pk}")
    assert FIRST_COMMENT in mine.inner_text()
    assert "comment--pending" in mine.get_attribute("class")  # a first comment waits

    approve_in_admin(new_page("en-GB"), base, comment_moderator, FIRST_COMMENT)
    comment.refresh_from_db()
    assert comment.is_public

    # A member of long standing, trusted by the coordinators: his replies skip moderation.
    colleague = new_page()
    replier = member(display_name="Bert Claes", trusted=True, user__email="bert@leuven.be")
    log_in(colleague, base, replier.email)
    colleague.goto(base + lesson.url)
    reply_to(colleague, comment, REPLY)
    reply = DiscussionComment.objects.get(user=replier)
    assert reply.parent_id == comment.pk

    visitor.reload()
    thread = visitor.locator("#discussion")
    assert thread.locator(".comment--pending").count() == 0
    assert FIRST_COMMENT in thread.locator(f"#comment-{comment.pk}.comment--level-0").inner_text()
    answer = thread.locator(f"#comment-{reply.pk}.comment--level-1")
    assert REPLY in answer.inner_text()
    assert "Bert Claes" in answer.inner_text()
