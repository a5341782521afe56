"""The thread anonymous readers see comes from the cache, and never goes stale."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network import discussions
from network.members import delete_member
from tests.network.factories import comment_on, member


@pytest.fixture
def author():
    return member(display_name="An Peeters", trusted=True)


def thread(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            " ".join(li.select_one(".comment__author").get_text().split()),
            " ".join(li.select_one(".comment__body").get_text().split()),
            int(li.select_one(".comment__actions span").get_text().split()[0]),  # likes
        )
        for li in soup.select(".comment-list > li")
    ]


def comment_queries(client, page):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url).status_code == 200
    return [q for q in captured if "django_comments" in q["sql"]]


def test_a_warm_thread_runs_no_comment_query_for_anonymous_readers(client, lesson, author):
    comment_on(lesson, "Goed idee", user=author)
    client.get(lesson.url)
    assert comment_queries(client, lesson) == []


def test_members_always_get_their_own_thread(client, lesson, author):
    comment_on(lesson, "Goed idee", user=author)
    client.force_login(member())
    client.get(lesson.url)
    assert comment_queries(client, lesson)


def test_new_comments_likes_names_and_deleted_accounts_show_at_once(client, lesson, author):
    comment = comment_on(lesson, "Goed idee", user=author)
    assert thread(client, lesson) == [("An Peeters", "Goed idee", 0)]

    comment_on(lesson, "Akkoord", user=author)
    assert [body for _, body, _ in thread(client, lesson)] == ["Goed idee", "Akkoord"]

    discussions.toggle_like(member(), comment)
    assert thread(client, lesson)[0][2] == 1

    profile = author.member_profile
    profile.display_name = "An P."
    profile.save()
    assert thread(client, lesson)[0][0] == "An P."

    delete_member(author)
    assert [name for name, _, _ in thread(client, lesson)] == ["Voormalig lid", "Voormalig lid"]


@pytest.mark.django_db(transaction=True)  # the commit itself is what is tested
def test_a_comment_retires_the_cached_threads_again_when_it_commits(lesson, author):
    from django.db import transaction

    from home.navigation import version_token
    from network.comment_counts import VERSION_KEY

    with transaction.atomic():
        comment_on(lesson, "Goed idee", user=author)
        comment_on(lesson, "Akkoord", user=author)
        # What another request could cache now, before the commit, is kept under this token.
        before_commit = version_token(VERSION_KEY)
    assert version_token(VERSION_KEY) != before_commit
