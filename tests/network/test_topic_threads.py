"""Discussions that scale: pinned and locked topics set by moderators, threads in pages of
conversations, and "jump to the first unread comment" for members."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import discussions
from network.models import (
    DiscussionComment,
    DiscussionIndexPage,
    ModerationAction,
    ModerationActionKind,
    TopicPage,
    TopicReadState,
)
from network.thread_pages import THREADS_PER_PAGE
from network.topics import set_topic_state, start_topic
from tests.network.factories import comment_on, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(knowledge_tree):
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=index)
    index.save_revision().publish()
    knowledge_tree.translate(index, "fr", slug="discussions", title="Discussions")
    return index


@pytest.fixture
def moderator():
    user = member(display_name="Moderator")
    user.user_permissions.add(
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments")
    )
    return user


def listed_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in page.select(".topic-list h2 a")]


def comment_ids(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [int(li["id"].split("-")[1]) for li in page.select(".comment-list > li.comment")]


def test_a_moderator_pins_a_topic_to_the_top_in_every_language(
    client, forum, moderator, knowledge_tree
):
    author = member(trusted=True)
    old = start_topic(forum, author, "Oud onderwerp", "Tekst")
    knowledge_tree.translate(old, "fr", title="Ancien sujet", slug="ancien")
    start_topic(forum, author, "Nieuw onderwerp", "Tekst")
    assert listed_titles(client.get(forum.url)) == ["Nieuw onderwerp", "Oud onderwerp"]

    client.force_login(moderator)
    response = client.post(f"/nl/community/topics/{old.pk}/state/", {"pinned": "on"})
    assert response.status_code == 302
    assert listed_titles(client.get(forum.url)) == ["Oud onderwerp", "Nieuw onderwerp"]
    assert listed_titles(client.get("/fr/discussions/"))[0] == "Ancien sujet"
    # The moderation log says who did it, and only when something changed.
    client.post(f"/nl/community/topics/{old.pk}/state/", {"pinned": "on"})
    [entry] = ModerationAction.objects.filter(action=ModerationActionKind.TOPIC_STATE)
    assert entry.moderator == moderator and entry.page_id == old.pk
    assert entry.summary.startswith("Oud onderwerp (vastgezet")
    assert all(
        TopicPage.objects.filter(translation_key=old.translation_key).values_list(
            "pinned", flat=True
        )
    )


def test_only_moderators_pin_or_lock(client, forum):
    topic = start_topic(forum, member(trusted=True), "Onderwerp", "Tekst")
    client.force_login(member())
    response = client.post(f"/fr/community/topics/{topic.pk}/state/", {"locked": "on"})
    assert response.status_code == 403
    assert 'class="site-header"' in response.content.decode()
    topic.refresh_from_db()
    assert not topic.thread_locked
    assert client.get(topic.url).content.decode().count("Moderate this topic") == 0


def test_a_locked_topic_says_why_and_takes_no_comments(client, forum, moderator):
    author = member(trusted=True)
    topic = start_topic(forum, author, "Afgesloten vraag", "Tekst")
    client.force_login(moderator)
    client.post(
        f"/nl/community/topics/{topic.pk}/state/",
        {"locked": "on", "lock_reason": "Beantwoord in de les over stoelen."},
    )
    client.force_login(author)
    page = client.get(topic.url).content.decode()
    assert "Beantwoord in de les over stoelen." in page
    assert 'name="comment"' not in page  # no comment or reply form
    response = client.post(f"/nl/community/pages/{topic.pk}/comments/", {"comment": "Toch nog"})
    assert response.status_code == 403
    assert not DiscussionComment.objects.filter(comment="Toch nog").exists()
    with pytest.raises(discussions.DiscussionError):
        discussions.post_comment(author, topic, "Via de dienst")
    # Publishing a revision made before the lock keeps the lock.
    topic.refresh_from_db()
    topic.get_latest_revision().publish()
    topic.refresh_from_db()
    assert topic.thread_locked and topic.lock_reason == "Beantwoord in de les over stoelen."
    # Unlocking opens the thread again.
    set_topic_state(topic, pinned=False, locked=False)
    discussions.post_comment(author, TopicPage.objects.get(pk=topic.pk), "Weer open")


def test_a_lock_reason_with_a_line_break_is_refused_and_changes_nothing(client, forum, moderator):
    topic = start_topic(forum, member(trusted=True), "Onderwerp", "Tekst")
    client.force_login(moderator)
    response = client.post(
        f"/nl/community/topics/{topic.pk}/state/",
        {"locked": "on", "lock_reason": "Een\r\nBcc: x"},
        follow=True,
    )
    assert response.status_code == 200
    topic.refresh_from_db()
    assert not topic.thread_locked


def conversations(topic, count, replies=1):
    """`count` top-level comments, each with `replies` replies, oldest first."""
    roots = []
    for number in range(count):
        root = comment_on(topic, f"Gesprek {number}")
        for reply in range(replies):
            comment_on(topic, f"Antwoord {number}.{reply}", parent=root)
        roots.append(root)
    return roots


def test_a_long_thread_comes_in_pages_of_whole_conversations(client, forum):
    topic = start_topic(forum, member(trusted=True), "Lange draad", "Tekst")
    roots = conversations(topic, 2 * THREADS_PER_PAGE + 5)
    first = client.get(topic.url)
    shown = comment_ids(first)
    assert len(shown) == 2 * THREADS_PER_PAGE  # 20 conversations, each with its reply
    assert shown[0] == roots[0].pk
    assert "Pagina 1 van 3" in first.content.decode()
    last = client.get(topic.url, {"page": 3})
    assert len(comment_ids(last)) == 10
    assert "Gesprek 44" in last.content.decode() and "Antwoord 44.0" in last.content.decode()
    # The count above the thread is the whole thread's.
    assert "90 reacties" in last.content.decode()
    for odd in ("abc", "0", "-3", "99999999999999999999"):
        response = client.get(topic.url, {"page": odd})
        assert response.status_code == 200
        assert comment_ids(response)


def test_a_member_jumps_to_the_first_unread_comment(client, forum):
    reader = member(trusted=True)
    topic = start_topic(forum, member(trusted=True), "Draad", "Tekst")
    conversations(topic, THREADS_PER_PAGE + 3, replies=0)
    client.force_login(reader)
    page = client.get(topic.url).content.decode()
    assert "first unread" not in page  # first visit: everything is new, start at the top
    client.get(topic.url, {"page": 2})
    assert TopicReadState.objects.get(user=reader).last_read_comment_id == max(
        DiscussionComment.objects.values_list("pk", flat=True)
    )
    assert "first unread" not in client.get(topic.url).content.decode()

    fresh = comment_on(topic, "Nieuw gesprek")
    reply = comment_on(topic, "Nieuw antwoord", parent=DiscussionComment.objects.first())
    page = BeautifulSoup(client.get(topic.url).content, "html.parser")
    link = page.select_one(".thread__unread a")
    # The reply in the first conversation comes first in the thread, on page 1.
    assert link["href"] == f"?page=1#comment-{reply.pk}"
    assert "(2 nieuw)" in link.get_text()
    client.get(topic.url, {"page": 2})
    assert TopicReadState.objects.get(user=reader).last_read_comment_id == fresh.pk
    assert client.get(topic.url).context is not None


@pytest.mark.parametrize("logged_in", [True, False])
def test_a_thread_page_costs_the_same_queries_however_long_the_thread(
    client, forum, settings, django_assert_num_queries, logged_in
):
    settings.PAGE_CACHE_ENABLED = False
    reader = member(trusted=True)
    if logged_in:
        client.force_login(reader)
    topic = start_topic(forum, member(trusted=True), "Draad", "Tekst")
    conversations(topic, 3)

    def read_every_page(pages):
        # As a returning reader: every comment read, the caches warm.
        for number in range(1, pages + 1):
            client.get(topic.url, {"page": number})

    read_every_page(1)
    with CaptureQueriesContext(connection) as captured:
        client.get(topic.url)
    few = len(captured)
    conversations(topic, 2 * THREADS_PER_PAGE)
    read_every_page(3)
    with django_assert_num_queries(few):
        response = client.get(topic.url)
    assert len(comment_ids(response)) == 2 * THREADS_PER_PAGE


def test_the_new_pages_pass_the_nu_html_checker(client, forum, moderator, tmp_path):
    """A locked, pinned, paged topic with the moderator's controls, the search results, the
    unsubscribe page and the account deletion page are valid HTML."""
    import subprocess

    from network.bulk_mail import unsubscribe_path, unsubscribe_token
    from tests.home.test_public_pages import VALIDATOR

    author = member(trusted=True)
    topic = start_topic(forum, author, "Lange draad", "Tekst")
    conversations(topic, THREADS_PER_PAGE + 2)
    set_topic_state(topic, pinned=True, locked=True, lock_reason="Beantwoord.")
    client.force_login(moderator)
    client.get(topic.url)
    comment_on(topic, "Nieuw")
    urls = {
        "topic": topic.url + "?page=2",
        "search": forum.url + "?q=draad",
        "delete": "/fr/members/me/delete/",
        "unsubscribe": unsubscribe_path(unsubscribe_token("digest", author.pk), "en"),
    }
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        (tmp_path / f"{name}.html").write_bytes(response.content)
    assert "thread__unread" in (tmp_path / "topic.html").read_text()
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [VALIDATOR, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cached_thread_shows_a_lock_and_its_reason_at_the_next_read(client, forum, settings):
    settings.PAGE_CACHE_ENABLED = False  # read the thread's cached markup, not a cached page
    topic = start_topic(forum, member(trusted=True), "Vraag", "Tekst")
    comment_on(topic, "Eerste antwoord", user=member(trusted=True))
    page = client.get(topic.url).content.decode()  # the anonymous thread is cached now
    assert "Eerste antwoord" in page and "Beantwoord elders." not in page
    set_topic_state(topic, pinned=False, locked=True, lock_reason="Beantwoord elders.")
    page = client.get(topic.url).content.decode()
    assert "Eerste antwoord" in page and "Beantwoord elders." in page
