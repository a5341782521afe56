"""Discussion e-mails: one line subjects whatever the names hold, one recipient at a time."""

import logging
import smtplib

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail.backends import locmem
from django.test import override_settings

from network.digest import send_digests
from network.models import DigestLog, ThreadFollow
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import UserFactory, member

BAD_NAME = "Eva\r\nBcc: x@example.org"
REFUSED = "weigert@example.org"


class RefusingBackend(locmem.EmailBackend):
    """The locmem backend, refusing one address as an SMTP server would.

    Stands in for a real SMTP server, which cannot run here; everything else is real.
    """

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.recipients():
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"No such user")})
        return super().send_messages(messages)


REFUSING = "tests.network.test_notifications.RefusingBackend"


@pytest.fixture
def moderator_client(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments"),
    )
    client.force_login(user)
    return client


def waiting_comment(page, author, text):
    from network import discussions

    result = discussions.post_comment(author, page, text)
    assert not result.published  # a new member's comment waits for the moderator
    return result.comment


def approve(moderator_client, comment):
    return moderator_client.post(
        "/admin/community/moderation/", {"action": "approve", "comment": comment.pk}
    )


@pytest.mark.django_db(transaction=True)
def test_a_line_break_in_a_display_name_never_reaches_a_subject(moderator_client, lesson):
    """E-mails go out as the approval commits, inside the moderator's request."""
    mentioned = member(display_name=BAD_NAME)
    mentioned.username = "eva"
    mentioned.save()
    follower = member(display_name="Bert\nClaes")
    ThreadFollow.objects.create(user=follower, page=lesson)
    author = member(display_name=BAD_NAME)
    comment = waiting_comment(lesson, author, "Wat denk jij, @eva?")
    mail.outbox.clear()
    response = approve(moderator_client, comment)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([mentioned.email, follower.email])
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.recipients() == message.to
        assert "Bcc" not in message.message().keys()
    mention = next(m for m in mail.outbox if m.to == [mentioned.email])
    assert mention.subject.startswith("Eva Bcc: x@example.org")


@pytest.mark.django_db(transaction=True)
def test_a_refused_recipient_never_stops_the_other_notifications(moderator_client, lesson, caplog):
    refused = member(display_name="Weigert")
    refused.email = REFUSED
    refused.username = "weigert"
    refused.save()
    followers = [member(), member()]
    for user in followers:
        ThreadFollow.objects.create(user=user, page=lesson)
    comment = waiting_comment(lesson, member(), "Vraag voor @weigert")
    mail.outbox.clear()
    with override_settings(EMAIL_BACKEND=REFUSING), caplog.at_level(logging.ERROR):
        response = approve(moderator_client, comment)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in followers)
    [failure] = [r for r in caplog.records if r.name == "network.notifications"]
    assert str(refused.pk) in failure.getMessage()
    assert REFUSED not in failure.getMessage()


@pytest.mark.django_db
def test_a_refused_digest_reader_never_stops_the_others(knowledge_tree, caplog):
    theme = knowledge_tree.themes["furniture"]["nl"]
    LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Meubels", themes=[theme]
    ).save_revision().publish()
    readers = [member(weekly_digest=True) for _ in range(3)]
    readers[0].email = REFUSED
    readers[0].save()
    for user in readers:
        user.member_profile.themes.add(theme)
    mail.outbox.clear()
    with override_settings(EMAIL_BACKEND=REFUSING), caplog.at_level(logging.ERROR):
        assert send_digests() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in readers[1:])
    # The refused reader's week is not marked as sent, so the next run tries again.
    assert set(DigestLog.objects.values_list("user_id", flat=True)) == {u.pk for u in readers[1:]}
    assert any(str(readers[0].pk) in r.getMessage() for r in caplog.records)


@pytest.mark.django_db(transaction=True)
def test_subjects_are_plain_text_not_html(moderator_client, knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Koffie & thee")
    page.save_revision().publish()
    follower = member(display_name="Bert & Co")
    ThreadFollow.objects.create(user=follower, page=page)
    comment = waiting_comment(page, member(display_name="Lien <Vos>"), "Dag @bert")
    mail.outbox.clear()
    approve(moderator_client, comment)
    (message,) = mail.outbox
    assert '"Koffie & thee"' in message.subject
    assert "&amp;" not in message.subject


@pytest.mark.django_db
def test_a_french_followers_email_links_only_to_french_pages(
    knowledge_tree, settings, django_capture_on_commit_callbacks
):
    import re

    from django.utils import translation

    from network import discussions

    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    lesson.save_revision().publish()
    knowledge_tree.translate(lesson, "fr", title="Reprendre les meubles", slug="meubles")
    reader = member(preferred_language="fr")
    ThreadFollow.objects.create(user=reader, page=lesson)
    mail.outbox.clear()
    # A Dutch member posts on the Dutch page: the request's language is Dutch.
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(member(trusted=True), lesson, "Nieuwe reactie")
    assert [m.to for m in mail.outbox] == [[reader.email]]
    message = mail.outbox[0]
    links = re.findall(r"https?://\S+", message.body)
    assert len(links) == 2  # the page and the unfollow link
    assert all(link.startswith(settings.BASE_URL + "/fr/") for link in links), links
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{settings.BASE_URL}/fr/")
