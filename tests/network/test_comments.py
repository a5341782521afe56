"""Discussion threads: one per translation group, safe markup, replies, edits, likes, follows."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network import discussions
from network.models import DiscussionComment, ThreadFollow
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    page.save_revision().publish()
    french = knowledge_tree.translate(page, "fr", title="Reprendre les meubles", slug="meubles")
    page.refresh_from_db()
    return {"nl": page, "fr": french}


@pytest.fixture
def trusted():
    user = member(display_name="An Peeters", trusted=True)
    user.username = "an.peeters"
    user.save()
    return user


def post(client, page, text, **extra):
    return client.post(f"/nl/community/pages/{page.pk}/comments/", {"comment": text, **extra})


def test_a_comment_on_a_translation_joins_the_source_pages_thread(client, lesson, trusted):
    client.force_login(trusted)
    response = client.post(
        f"/fr/community/pages/{lesson['fr'].pk}/comments/", {"comment": "Très utile !"}
    )
    assert response.status_code == 302
    comment = DiscussionComment.objects.get()
    assert comment.object_pk == str(lesson["nl"].pk)
    assert comment.language == "fr"
    assert comment.is_public
    dutch = Client().get(lesson["nl"].url).content.decode()
    assert "Très utile !" in dutch
    # The comment's language is named in the reader's language, the comment read in its own.
    assert '<span class="comment__language" title="Geschreven in Frans">Frans</span>' in dutch
    assert '<div class="comment__body" lang="fr">' in dutch


def test_anonymous_readers_read_threads_but_are_sent_to_login_to_post(client, lesson, trusted):
    discussions.post_comment(trusted, lesson["nl"], "Goed voorbeeld")
    page = client.get(lesson["nl"].url).content.decode()
    assert "Goed voorbeeld" in page
    assert "Meld je aan om te reageren" in page
    response = post(client, lesson["nl"], "Ik ook")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert DiscussionComment.objects.count() == 1


def test_members_without_a_confirmed_address_cannot_post(client, lesson):
    client.force_login(member(user__verified=False))
    assert post(client, lesson["nl"], "Hallo").status_code == 403
    assert not DiscussionComment.objects.exists()


@pytest.mark.parametrize("text", ["", "   \n ", "x" * 3001])
def test_empty_and_oversized_comments_are_refused(client, lesson, trusted, text):
    client.force_login(trusted)
    response = post(client, lesson["nl"], text)
    assert response.status_code == 400
    assert not DiscussionComment.objects.exists()


def test_script_tags_and_javascript_links_are_stored_as_text_and_rendered_harmless(
    client, lesson, trusted
):
    client.force_login(trusted)
    text = (
        '<script>alert("x")</script> **vet** [klik](javascript:alert(1)) '
        "[site](https://circulair.be/a?b=1&c=2) [x](javascript:void) <img src=x onerror=alert(1)>"
    )
    post(client, lesson["nl"], text)
    assert DiscussionComment.objects.get().comment == text.strip()
    html = client.get(lesson["nl"].url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "<strong>vet</strong>" in html
    # A trusted member's links count for search engines: no "nofollow" (see test_trust.py).
    assert 'href="https://circulair.be/a?b=1&amp;c=2" rel="ugc noopener"' in html


def test_replies_nest_three_levels_deep_and_no_deeper(lesson, trusted):
    first = discussions.post_comment(trusted, lesson["nl"], "Niveau 0").comment
    second = discussions.post_comment(trusted, lesson["nl"], "Niveau 1", parent_id=first.pk)
    third = discussions.post_comment(trusted, lesson["nl"], "Niveau 2", parent_id=second.comment.pk)
    assert (second.comment.level, third.comment.level) == (1, 2)
    with pytest.raises(discussions.DiscussionError):
        discussions.post_comment(trusted, lesson["nl"], "Niveau 3", parent_id=third.comment.pk)


def test_a_reply_to_a_comment_on_another_page_is_refused(client, knowledge_tree, lesson, trusted):
    other = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Andere les")
    other.save_revision().publish()
    elsewhere = discussions.post_comment(trusted, other, "Elders").comment
    client.force_login(trusted)
    response = post(client, lesson["nl"], "Antwoord", parent=str(elsewhere.pk))
    assert response.status_code == 400
    assert "staat niet in deze discussie" in response.content.decode()
    response = post(client, lesson["nl"], "Antwoord", parent="abc")
    assert response.status_code == 400
    assert DiscussionComment.objects.count() == 1


def test_posting_to_an_unpublished_page_is_not_found(client, lesson, trusted):
    lesson["nl"].unpublish()
    client.force_login(trusted)
    assert post(client, lesson["nl"], "Hallo").status_code == 404
    assert not DiscussionComment.objects.exists()


def test_posts_without_a_csrf_token_are_refused(lesson, trusted):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trusted)
    assert post(client, lesson["nl"], "Hallo").status_code == 403
    assert not DiscussionComment.objects.exists()


def test_nobody_edits_someone_elses_comment(client, lesson, trusted):
    comment = discussions.post_comment(trusted, lesson["nl"], "Origineel").comment
    client.force_login(member(trusted=True))
    url = f"/nl/community/comments/{comment.pk}/edit/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"comment": "Gekaapt"}).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "Origineel"


def test_authors_edit_their_comment_for_fifteen_minutes(client, lesson, trusted):
    comment = discussions.post_comment(trusted, lesson["nl"], "Origineel").comment
    client.force_login(trusted)
    url = f"/nl/community/comments/{comment.pk}/edit/"
    assert client.post(url, {"comment": "Verbeterd"}).status_code == 302
    comment.refresh_from_db()
    assert (comment.comment, comment.edited_at is not None) == ("Verbeterd", True)
    DiscussionComment.objects.filter(pk=comment.pk).update(
        submit_date=timezone.now() - datetime.timedelta(minutes=16)
    )
    assert client.post(url, {"comment": "Te laat"}).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "Verbeterd"


def test_likes_toggle(client, lesson, trusted):
    comment = discussions.post_comment(trusted, lesson["nl"], "Goed").comment
    reader = member()
    client.force_login(reader)
    client.post(f"/nl/community/comments/{comment.pk}/like/")
    assert (
        discussions.visible_comments(discussions.thread_target(lesson["nl"])).get().like_count == 1
    )
    client.post(f"/nl/community/comments/{comment.pk}/like/")
    assert (
        discussions.visible_comments(discussions.thread_target(lesson["nl"])).get().like_count == 0
    )


@pytest.fixture
def send_mail_on_commit(monkeypatch):
    """Notifications go out when the comment's transaction commits; run them right away."""
    monkeypatch.setattr(discussions.transaction, "on_commit", lambda callback, **kw: callback())


def test_followers_get_an_email_in_their_language_with_a_working_unfollow_link(
    client, lesson, trusted, send_mail_on_commit
):
    reader = member(display_name="Marie", preferred_language="fr")
    client.force_login(reader)
    client.post(f"/fr/community/pages/{lesson['fr'].pk}/follow/", {"follow": "1"})
    assert ThreadFollow.objects.filter(user=reader, page=lesson["nl"]).exists()
    mail.outbox.clear()
    discussions.post_comment(trusted, lesson["nl"], "Nieuwe reactie")
    assert [m.to for m in mail.outbox] == [[reader.email]]
    message = mail.outbox[0]
    assert "Reprendre les meubles" in message.subject
    assert "/fr/" in message.body
    unfollow = next(line for line in message.body.split() if "/community/unfollow/" in line)
    path = unfollow.split("testserver", 1)[1]
    anonymous = Client()
    assert anonymous.get(path).status_code == 200
    assert ThreadFollow.objects.filter(user=reader).exists()  # a GET changes nothing
    anonymous.post(path)
    assert not ThreadFollow.objects.filter(user=reader).exists()
    assert anonymous.get("/nl/community/unfollow/forged-token/").status_code == 404


def test_authors_follow_their_thread_and_hear_about_replies_but_not_their_own(
    lesson, trusted, send_mail_on_commit
):
    other = member(trusted=True)
    discussions.post_comment(trusted, lesson["nl"], "Vraag")
    mail.outbox.clear()
    discussions.post_comment(other, lesson["nl"], "Antwoord")
    assert [m.to for m in mail.outbox] == [[trusted.email]]
    mail.outbox.clear()
    discussions.post_comment(trusted, lesson["nl"], "Dank je")
    assert [m.to for m in mail.outbox] == [[other.email]]


def test_mentions_notify_the_member_mentioned(lesson, trusted, send_mail_on_commit):
    writer = member(trusted=True)
    mail.outbox.clear()
    discussions.post_comment(writer, lesson["nl"], "Wat denk jij, @an.peeters?")
    assert [m.to for m in mail.outbox] == [[trusted.email]]
    assert "vermeldde je" in mail.outbox[0].subject


def test_deleted_members_comments_stay_as_a_former_members(client, lesson, trusted):
    from network.members import delete_member

    discussions.post_comment(trusted, lesson["nl"], "Mijn bijdrage")
    delete_member(trusted)
    comment = DiscussionComment.objects.get()
    assert comment.user_id is None
    assert comment.user_email == ""
    html = client.get(lesson["nl"].url).content.decode()
    assert "Mijn bijdrage" in html
    assert "Voormalig lid" in html
    assert "An Peeters" not in html


def test_thread_query_count_does_not_grow_with_the_number_of_comments(client, lesson, trusted):
    reader = member()

    def add_comments(count):
        for index in range(count):
            top = discussions.post_comment(trusted, lesson["nl"], f"Reactie **{index}**").comment
            if index % 3 == 0:
                discussions.post_comment(trusted, lesson["nl"], "Antwoord", parent_id=top.pk)

    def queries(as_user):
        client.logout()
        if as_user:
            client.force_login(as_user)
        client.get(lesson["nl"].url)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(lesson["nl"].url)
        assert response.status_code == 200
        return len(captured)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("network.discussions.check_rate_limit", lambda user, now=None: None)
        patch.setattr("network.notifications.notify_new_comment", lambda pk: None)
        add_comments(4)
        few = (queries(None), queries(reader))
        add_comments(50)
    many = (queries(None), queries(reader))
    assert DiscussionComment.objects.count() > 60
    assert few == many


@pytest.mark.parametrize("language, flag", [("nl", "Melden"), ("fr", "Signaler")])
def test_the_flag_button_asks_to_report_a_comment_not_for_minutes(
    client, lesson, trusted, language, flag
):
    """The flag button's "Report" is not the event report's "Verslag"/"Rapport"."""
    from bs4 import BeautifulSoup

    discussions.post_comment(trusted, lesson["nl"], "Goed voorbeeld")
    client.force_login(member())
    page = client.get(lesson[language].url)
    form = BeautifulSoup(page.content, "html.parser").find(
        "form", action=lambda a: "/flag/" in (a or "")
    )
    assert form.button.get_text(strip=True) == flag
