"""Moderation: new members wait, trusted members and staff don't, bots are slowed, the queue."""

import pytest
from django.contrib.auth.models import Permission
from django_comments.models import CommentFlag

from network import discussions
from network.models import DiscussionComment, MemberProfile
from tests.network.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments"),
    )
    return user


def test_a_new_members_first_two_comments_wait_for_approval(client, lesson):
    newcomer = member()
    first = discussions.post_comment(newcomer, lesson, "Eerste")
    second = discussions.post_comment(newcomer, lesson, "Tweede")
    assert not first.published and not second.published
    page = client.get(lesson.url).content.decode()
    assert "Eerste" not in page
    client.force_login(newcomer)
    own_view = client.get(lesson.url).content.decode()
    assert "Eerste" in own_view and "Wacht op goedkeuring" in own_view
    discussions.approve_comment(first.comment)
    discussions.approve_comment(second.comment)
    assert discussions.post_comment(newcomer, lesson, "Derde").published


def test_trusted_members_and_staff_publish_directly(lesson):
    assert discussions.post_comment(member(trusted=True), lesson, "Vertrouwd").published
    assert discussions.post_comment(UserFactory(is_staff=True), lesson, "Staf").published


def test_the_honeypot_stops_bots(client, lesson):
    client.force_login(member(trusted=True))
    response = client.post(
        f"/nl/community/pages/{lesson.pk}/comments/",
        {"comment": "Koop nu!", "website": "http://spam.example"},
    )
    assert response.status_code == 400
    assert not DiscussionComment.objects.exists()


def test_a_member_posts_at_most_ten_comments_in_ten_minutes(client, lesson):
    writer = member(trusted=True)
    for number in range(10):
        discussions.post_comment(writer, lesson, f"Reactie {number}")
    client.force_login(writer)
    response = client.post(f"/nl/community/pages/{lesson.pk}/comments/", {"comment": "Nog een"})
    assert response.status_code == 429
    assert DiscussionComment.objects.count() == 10


def test_members_report_a_comment_and_it_lands_in_the_queue(client, lesson, moderator):
    comment = discussions.post_comment(member(trusted=True), lesson, "Onbeleefd").comment
    client.force_login(member())
    client.post(f"/nl/community/comments/{comment.pk}/flag/")
    assert CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).exists()
    client.force_login(moderator)
    queue = client.get("/admin/community/moderation/")
    assert queue.status_code == 200
    assert list(queue.context["flagged"]) == [comment]
    client.post("/admin/community/moderation/", {"action": "remove", "comment": comment.pk})
    comment.refresh_from_db()
    assert comment.is_removed
    assert "Onbeleefd" not in client.get(lesson.url).content.decode()


def test_moderators_approve_and_trust_from_the_queue(client, lesson, moderator):
    newcomer = member()
    first = discussions.post_comment(newcomer, lesson, "Eerste").comment
    second = discussions.post_comment(newcomer, lesson, "Tweede").comment
    client.force_login(moderator)
    admin_home = client.get("/admin/").content.decode()
    assert "Moderatie (2)" in admin_home
    client.post("/admin/community/moderation/", {"action": "approve", "comment": first.pk})
    first.refresh_from_db()
    assert first.is_public
    client.post("/admin/community/moderation/", {"action": "trust", "comment": second.pk})
    second.refresh_from_db()
    assert second.is_public
    assert MemberProfile.objects.get(user=newcomer).trusted


def test_the_queue_is_for_moderators_only(client, lesson):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/community/moderation/").status_code in (302, 403)
    comment = discussions.post_comment(member(), lesson, "Wacht").comment
    client.post("/admin/community/moderation/", {"action": "approve", "comment": comment.pk})
    comment.refresh_from_db()
    assert not comment.is_public


@pytest.mark.parametrize("value", ["abc", "", "1.5", "-1", "²", "x" * 5000])
@pytest.mark.parametrize("action", ["approve", "remove", "trust"])
def test_the_queue_answers_400_to_a_comment_id_that_is_not_a_number(
    client, moderator, action, value
):
    client.force_login(moderator)
    response = client.post("/admin/community/moderation/", {"action": action, "comment": value})
    assert response.status_code == 400


@pytest.mark.parametrize("value", ["99999999999999999999999", str(2**63), "999999", "9" * 5000])
def test_the_queue_answers_404_to_a_comment_that_does_not_exist(client, moderator, value):
    client.force_login(moderator)
    response = client.post("/admin/community/moderation/", {"action": "approve", "comment": value})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("value", "status"), [("abc", 400), ("", 400), ("99999999999999999999999", 404)]
)
def test_the_queue_refuses_a_bad_topic_id(client, moderator, value, status):
    client.force_login(moderator)
    response = client.post(
        "/admin/community/moderation/", {"action": "publish_topic", "topic": value}
    )
    assert response.status_code == status


def test_the_queue_still_approves_by_id(client, moderator, lesson):
    waiting = discussions.post_comment(member(), lesson, "Wacht").comment
    client.force_login(moderator)
    response = client.post(
        "/admin/community/moderation/", {"action": "approve", "comment": str(waiting.pk)}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.is_public
