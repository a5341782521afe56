"""The editorial workflow in the Wagtail admin: an editor writes, a moderator approves."""

import re
from typing import NamedTuple

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from knowledge.models import LessonPage
from knowledge.workflows import MODERATORS_GROUP_NAME, REVIEW_WORKFLOW_NAME
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.network.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EDITORS_GROUP_NAME = "Editors"
TITLE = "Kasten hergebruiken in het stadhuis"
BODY_TEXT = "De schrijnwerker herstelde veertig kasten in twee weken."


def admin_user(username, group_name, page, page_permissions):
    """A member of an admin group with these permissions on `page`; the admin speaks English."""
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user = UserFactory(username=username)
    user.groups.add(group)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


class EditorialTeam(NamedTuple):
    editor: object
    moderator: object
    index: object  # the Dutch knowledge base


@pytest.fixture
def editorial_team(knowledge_tree):  # noqa: F811
    """Wagtail's two usual groups, with their rights on the Dutch knowledge base only."""
    index = knowledge_tree.indexes["nl"]
    editor = admin_user("editor", EDITORS_GROUP_NAME, index, ["add_page", "change_page"])
    moderator = admin_user(
        "moderator", MODERATORS_GROUP_NAME, index, ["add_page", "change_page", "publish_page"]
    )
    return EditorialTeam(editor, moderator, index)


def log_in_to_admin(page, base_url, user):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def log_out_of_admin(page, user):
    sidebar = page.get_by_role("complementary", name="Sidebar")
    sidebar.get_by_role("button", name=user.username).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/admin/login/"))


def type_rich_text(editor_box, text):
    """Draftail listens to key presses, so the text is typed, not pasted."""
    editor_box.click()
    editor_box.press_sequentially(text)


def write_lesson(page, base_url, index):
    page.goto(f"{base_url}/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name="Lesson", exact=True).click()
    content = page.get_by_role("tabpanel", name="Content")
    # Typed key by key: the slug follows the title as it is typed.
    content.get_by_role("textbox", name="Title*").press_sequentially(TITLE)
    content.get_by_role("textbox", name="Summary*").fill("Herstellen was goedkoper dan nieuw.")
    content.get_by_role("checkbox", name="Meubilair").check()
    content.get_by_role("combobox", name="Procurement phase").select_option(label="Tender")
    type_rich_text(
        content.get_by_role("region", name="Context*").get_by_role("textbox"),
        "Het stadhuis verhuisde naar een kleiner gebouw.",
    )
    content.get_by_role("combobox", name="Where the evidence comes from*").select_option(
        label="Reported by a member organisation"
    )
    body = content.get_by_role("region", name="Body")
    body.get_by_role("button", name="Insert a block").click()
    body.get_by_role("option", name="Paragraph").click()
    type_rich_text(body.get_by_role("textbox"), BODY_TEXT)


def track_posts(page):
    """The POST requests of `page` still waiting for their answer (Wagtail's draft saves)."""
    in_flight = set()
    page.on("request", lambda request: request.method == "POST" and in_flight.add(request))
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))
    return in_flight


def wait_for_autosave(page, in_flight):
    """Wagtail may save a draft by itself shortly after each change; let that save finish first.

    A submission sent while that save is under way came back without the rich text just typed.
    Whether a save starts depends on the Wagtail version and the page (a new page may not be
    saved), so wait out the autosave interval (500 ms), then for any save it started.
    """
    page.wait_for_timeout(1000)
    for _ in range(100):
        if not in_flight:
            return
        page.wait_for_timeout(100)
    raise AssertionError("a draft save did not finish")


def submit_for_review(page, index, in_flight):
    wait_for_autosave(page, in_flight)
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        footer.get_by_role("button", name=f"Submit to {REVIEW_WORKFLOW_NAME}").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{index.pk}/$"))


def approve_from_dashboard(page, base_url, title):
    page.goto(f"{base_url}/admin/")
    review = page.get_by_role("region", name="Awaiting your review")
    row = review.get_by_role("row").filter(has_text=title)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()


def test_an_editor_submits_a_lesson_and_a_moderator_approves_it(
    new_page, live_server, editorial_team
):
    editor, moderator, index = editorial_team
    base = live_server.url
    admin = new_page("en-GB")

    log_in_to_admin(admin, base, editor)
    in_flight = track_posts(admin)
    write_lesson(admin, base, index)
    submit_for_review(admin, index, in_flight)
    lesson = LessonPage.objects.get(title=TITLE)
    assert not lesson.live
    assert lesson.current_workflow_state.workflow.name == REVIEW_WORKFLOW_NAME
    log_out_of_admin(admin, editor)

    reader = new_page()
    reader.goto(f"{base}/nl/kennisbank/")
    assert TITLE not in reader.locator("main").inner_text()

    log_in_to_admin(admin, base, moderator)
    approve_from_dashboard(admin, base, TITLE)
    lesson.refresh_from_db()
    assert lesson.live
    assert [theme.slug for theme in lesson.themes.all()] == ["meubilair"]

    reader.reload()
    card = reader.locator(".results .card").filter(has_text=TITLE)
    with reader.expect_navigation():
        card.get_by_role("link", name=TITLE).click()
    assert reader.get_by_role("heading", level=1).inner_text() == TITLE
    assert BODY_TEXT in reader.locator("main").inner_text()
