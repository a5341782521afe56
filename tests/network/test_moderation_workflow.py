"""The moderation workflow: the queue names each comment's page, reports carry reasons,
rejections carry a reason told to the author in their language, suspensions, the audit log,
and one alert to the moderators per hour at most."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache

from network import discussions, moderation
from network.models import (
    CommentReport,
    DiscussionComment,
    ModerationAction,
    ModerationActionKind,
    Notification,
    NotificationKind,
    TopicPage,
)
from network.topics import start_topic
from tests.network.community_fixtures import make_moderator
from tests.network.factories import member

pytestmark = pytest.mark.django_db

QUEUE = "/admin/community/moderation/"


def french_member(**fields):
    user = member(**fields)
    user.member_profile.preferred_language = "fr"
    user.member_profile.save()
    return user


def actions():
    return list(ModerationAction.objects.order_by("pk").values_list("action", flat=True))


def test_the_queue_names_and_links_the_page_of_each_comment(client, lesson, moderator):
    waiting = discussions.post_comment(member(), lesson, "Mag dit?").comment
    reported = discussions.post_comment(member(trusted=True), lesson, "Koop nu").comment
    discussions.flag_comment(member(), reported, "spam")
    client.force_login(moderator)
    soup = BeautifulSoup(client.get(QUEUE).content, "html.parser")
    links = {a["href"] for a in soup.select("table.listing a")}
    assert f"{lesson.url}#comment-{waiting.pk}" in links
    assert f"{lesson.url}#comment-{reported.pk}" in links
    assert soup.find("a", string=lesson.title) is not None
    assert "Spam" in soup.get_text()


def test_the_queue_costs_the_same_whatever_its_length(client, lesson, moderator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(moderator)

    def queries():
        client.get(QUEUE)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(QUEUE).status_code == 200
        return len(captured)

    def add(count):
        for number in range(count):
            comment = discussions.post_comment(member(), lesson, f"Wacht {number}").comment
            reported = discussions.post_comment(member(trusted=True), lesson, f"Ok {number}")
            discussions.flag_comment(member(), reported.comment, "off_topic")
            assert comment.pk

    add(2)
    few = queries()
    add(8)
    assert queries() == few


def test_reports_carry_a_reason_and_other_needs_words(client, lesson):
    comment = discussions.post_comment(member(trusted=True), lesson, "Onbeleefd").comment
    reporter = member()
    client.force_login(reporter)
    url = f"/nl/community/comments/{comment.pk}/flag/"
    response = client.post(url, {"reason": "other", "text": "  "}, follow=True)
    assert "Vertel de moderatoren wat er mis is" in response.content.decode()
    assert not CommentReport.objects.exists()
    client.post(url, {"reason": "bogus"})
    assert not CommentReport.objects.exists()
    client.post(url, {"reason": "offensive", "text": "Scheldwoorden"})
    (report,) = CommentReport.objects.all()
    assert (report.reason, report.text, report.user) == ("offensive", "Scheldwoorden", reporter)
    client.post(url, {"reason": "other", "text": "Toch iets anders"})
    report.refresh_from_db()
    assert (report.reason, report.text) == ("other", "Toch iets anders")
    assert CommentReport.objects.count() == 1


def test_the_thread_offers_the_reasons(client, lesson):
    discussions.post_comment(member(trusted=True), lesson, "Iets")
    client.force_login(member())
    soup = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    form = soup.find("form", action=lambda a: "/flag/" in (a or ""))
    assert [i["value"] for i in form.select("input[name=reason]")] == [
        "spam",
        "off_topic",
        "offensive",
        "other",
    ]
    assert form.find("legend") is not None and form.find("textarea", attrs={"name": "text"})


def test_a_rejected_comment_is_removed_and_its_author_told_why_in_their_language(
    client, lesson, moderator
):
    author = french_member(display_name="Chloé Martin")
    comment = discussions.post_comment(author, lesson, "Achetez maintenant").comment
    client.force_login(moderator)
    mail.outbox.clear()
    response = client.post(
        QUEUE, {"action": "remove", "comment": comment.pk, "reason": "Publicité interdite"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_removed
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert message.subject == "Votre commentaire a été retiré"
    assert "Publicité interdite" in message.body and "Motif" in message.body
    assert "Achetez maintenant" in message.body
    notification = Notification.objects.get(recipient=author)
    assert (notification.kind, notification.reason) == (
        NotificationKind.MODERATION,
        "Publicité interdite",
    )
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.moderator, entry.member, entry.reason, entry.page_id) == (
        ModerationActionKind.REJECT_COMMENT,
        moderator,
        author,
        "Publicité interdite",
        lesson.pk,
    )


def test_spam_is_removed_silently_but_logged(client, lesson, moderator):
    comment = discussions.post_comment(member(), lesson, "Spam spam").comment
    client.force_login(moderator)
    mail.outbox.clear()
    client.post(QUEUE, {"action": "remove", "comment": comment.pk})
    assert mail.outbox == []
    assert actions() == [ModerationActionKind.REMOVE_COMMENT]


def test_approving_and_keeping_are_logged(client, lesson, moderator):
    waiting = discussions.post_comment(member(), lesson, "Eerste").comment
    reported = discussions.post_comment(member(trusted=True), lesson, "Mening").comment
    discussions.flag_comment(member(), reported, "off_topic")
    client.force_login(moderator)
    client.post(QUEUE, {"action": "approve", "comment": waiting.pk})
    client.post(QUEUE, {"action": "approve", "comment": reported.pk})
    assert actions() == [ModerationActionKind.APPROVE_COMMENT, ModerationActionKind.KEEP_COMMENT]
    assert not CommentReport.objects.exists()


def test_a_topic_is_rejected_with_a_reason_and_leaves_the_queue(
    client, discussions_index, moderator
):
    author = french_member(display_name="Chloé Martin")
    topic = start_topic(discussions_index, author, "Vente de chaises", "Prix cassés")
    assert not topic.live
    client.force_login(moderator)
    response = client.post(QUEUE, {"action": "reject_topic", "topic": topic.pk, "reason": ""})
    assert response.status_code == 302
    assert TopicPage.objects.filter(pk=topic.pk).exists()  # no reason: nothing happens
    mail.outbox.clear()
    client.post(QUEUE, {"action": "reject_topic", "topic": topic.pk, "reason": "Pas de vente"})
    assert not TopicPage.objects.filter(pk=topic.pk).exists()
    (message,) = mail.outbox
    assert message.to == [author.email]
    assert message.subject == "Votre sujet n’a pas été publié"
    assert "Vente de chaises" in message.body and "Pas de vente" in message.body
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.summary, entry.reason) == (
        ModerationActionKind.REJECT_TOPIC,
        "Vente de chaises",
        "Pas de vente",
    )
    assert list(client.get(QUEUE).context["draft_topics"]) == []
    client.force_login(author)
    notes = client.get("/fr/members/me/notifications/").content.decode()
    assert "Vente de chaises" in notes and "Pas de vente" in notes


def test_publishing_a_topic_is_logged_and_told(client, discussions_index, moderator):
    author = member()
    topic = start_topic(discussions_index, author, "Vraag", "Wie weet het?")
    client.force_login(moderator)
    client.post(QUEUE, {"action": "publish_topic", "topic": topic.pk})
    topic.refresh_from_db()
    assert topic.live
    assert actions() == [ModerationActionKind.PUBLISH_TOPIC]
    assert Notification.objects.filter(recipient=author, kind="moderation").count() == 1


def test_a_suspended_member_reads_but_cannot_post_and_is_told_until_when(
    client, lesson, discussions_index, moderator
):
    troll = member(display_name="Trol Lid", trusted=True)
    comment = discussions.post_comment(troll, lesson, "Flauw").comment
    client.force_login(moderator)
    for bad_days in ("0", "abc", "99999", ""):
        client.post(
            QUEUE, {"action": "suspend", "comment": comment.pk, "days": bad_days, "reason": "x"}
        )
    client.post(QUEUE, {"action": "suspend", "comment": comment.pk, "days": "7", "reason": ""})
    assert ModerationAction.objects.count() == 0
    troll.member_profile.refresh_from_db()
    assert troll.member_profile.suspended_until is None
    mail.outbox.clear()
    client.post(
        QUEUE, {"action": "suspend", "comment": comment.pk, "days": "7", "reason": "Pesten"}
    )
    troll.member_profile.refresh_from_db()
    until = troll.member_profile.suspended_until
    assert until is not None
    (message,) = mail.outbox
    assert message.subject == "Je account is geschorst" and "Pesten" in message.body
    assert actions() == [ModerationActionKind.SUSPEND]

    client.force_login(troll)
    page = client.get(lesson.url)
    assert page.status_code == 200 and "Flauw" in page.content.decode()
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("textarea[name=comment]") is None
    notice = soup.select_one(".thread .notice").get_text()
    assert "geschorst tot" in notice and str(until.year) in notice
    response = client.post(f"/nl/community/pages/{lesson.pk}/comments/", {"comment": "Toch"})
    assert response.status_code == 403
    assert "geschorst tot" in response.content.decode()
    assert DiscussionComment.objects.filter(user=troll).count() == 1
    topic_form = client.get(discussions_index.url + "new/")
    assert topic_form.status_code == 403 and "geschorst tot" in topic_form.content.decode()
    with pytest.raises(discussions.DiscussionError):
        start_topic(discussions_index, troll, "Titel", "Tekst")
    assert "geschorst tot" in client.get("/nl/members/me/").content.decode()

    moderation.lift_suspension(moderator, troll)
    troll.member_profile.refresh_from_db()
    assert discussions.post_comment(troll, lesson, "Sorry").published
    assert actions() == [ModerationActionKind.SUSPEND, ModerationActionKind.UNSUSPEND]


def test_a_suspension_ends_by_itself(lesson, moderator):
    import datetime

    from django.utils import timezone

    member_user = member(trusted=True)
    until = moderation.suspend(moderator, member_user, 1, "Afkoelen")
    assert discussions.suspended_until(member_user) == until
    later = timezone.now() + datetime.timedelta(days=2)
    assert discussions.suspended_until(member_user, now=later) is None


def test_the_audit_log_lists_every_decision_for_moderators_only(client, lesson, moderator):
    comment = discussions.post_comment(member(), lesson, "Eerste").comment
    moderation.approve_comment(moderator, comment)
    moderation.suspend(moderator, comment.user, 3, "Te veel")
    client.force_login(moderator)
    response = client.get("/admin/community/moderation/log/")
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    assert len(rows) == 2
    assert "Te veel" in rows[0].get_text()
    assert client.get("/admin/community/moderation/log/?p=abc").status_code == 200
    client.force_login(member())
    assert client.get("/admin/community/moderation/log/").status_code in (302, 403)
    staff = member()
    staff.is_staff = True
    staff.save()
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    # The admin answers a refusal with a redirect to its dashboard and a message.
    refused = client.get("/admin/community/moderation/log/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.post(QUEUE, {"action": "remove", "comment": comment.pk}).status_code == 302
    comment.refresh_from_db()
    assert not comment.is_removed


def test_moderators_are_alerted_once_an_hour_whatever_arrives(
    lesson, discussions_index, moderator, django_capture_on_commit_callbacks
):
    other = make_moderator()
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(member(), lesson, "Eerste")
    alerts = Notification.objects.filter(kind=NotificationKind.MODERATION_QUEUE)
    assert sorted(alerts.values_list("recipient_id", flat=True)) == sorted([moderator.pk, other.pk])
    assert alerts.first().url == QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(member(), lesson, "Tweede")
        start_topic(discussions_index, member(), "Vraag", "Tekst")
        discussions.flag_comment(
            member(), discussions.post_comment(member(trusted=True), lesson, "x").comment, "spam"
        )
    assert alerts.count() == 2  # still one each within the hour
    cache.delete(moderation.ALERT_KEY)  # the hour has passed
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(member(), lesson, "Derde")
    assert alerts.count() == 4
    assert not Notification.objects.filter(kind=NotificationKind.MODERATION_QUEUE).exclude(
        recipient__in=[moderator, other]
    )


def test_moderators_who_chose_so_get_the_alert_by_e_mail_too(
    client, lesson, moderator, django_capture_on_commit_callbacks
):
    from network.models import profile_for

    by_mail = make_moderator()
    profile = profile_for(by_mail)
    profile.preferred_language = "fr"
    profile.notify_moderation_queue = True
    profile.save()
    cache.clear()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(member(), lesson, "Eerste")
        discussions.post_comment(member(), lesson, "Tweede")
    (message,) = mail.outbox
    assert message.to == [by_mail.email]
    assert message.subject == "De nouvelles publications attendent la modération"
    assert "/admin/community/moderation/" in message.body
    # The choice is offered to moderators only.
    client.force_login(by_mail)
    assert "notify_moderation_queue" in client.get("/nl/members/me/").context["form"].fields
    client.force_login(member())
    assert "notify_moderation_queue" not in client.get("/nl/members/me/").context["form"].fields
