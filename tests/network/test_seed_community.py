"""seed_scale --topics N --comments N: members, live topics and threads like real ones."""

from collections import defaultdict
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from wagtail.models import Page

from knowledge.models import LessonPage
from network import discussions
from network.models import DiscussionComment, DiscussionIndexPage, TopicPage
from tests.conftest import publish
from tests.network.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussions_page(knowledge_tree):
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=index)
    return publish(index)


def seed(**options):
    out, err = StringIO(), StringIO()
    call_command("seed_scale", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def assert_tree_is_valid():
    assert all(not problems for problems in Page.find_problems())


def test_topics_are_live_pages_spread_over_themes_with_an_author_per_few_topics(
    client, discussions_page, knowledge_tree
):
    out, err = seed(topics=9)

    topics = TopicPage.objects.child_of(discussions_page)
    assert topics.count() == 9
    assert not topics.filter(live=False).exists()
    assert_tree_is_valid()
    assert Page.objects.get(pk=discussions_page.pk).numchild == 9
    assert len(set(topics.values_list("slug", flat=True))) == 9
    nl_themes = {theme["nl"].pk for theme in knowledge_tree.themes.values()}
    assert set(topics.values_list("theme_id", flat=True)) == nl_themes
    authors = set(topics.values_list("author_id", flat=True))
    assert len(authors) == 3  # one member per four topics
    assert EmailAddress.objects.filter(user_id__in=authors, verified=True).count() == 3
    for topic in topics:
        assert topic.url_path == f"{discussions_page.url_path}{topic.slug}/"
        assert topic.author.member_profile.display_name == topic.author.first_name
        assert topic.comment_count == 0
    assert "Created 9 topics" in out
    assert "9/9" in err  # the progress bar

    listing = client.get(discussions_page.url)
    assert listing.status_code == 200
    assert listing.context["page_obj"].paginator.count == 9
    assert client.get(topics.first().url).status_code == 200


def thread_problems(comments):
    """Where seeded threads differ from what django-comments-xtd builds one comment at a time."""
    problems = []
    by_pk = {comment.pk: comment for comment in comments}
    threads = defaultdict(list)
    for comment in comments:
        threads[comment.thread_id].append(comment)
    for thread_id, thread in threads.items():
        thread.sort(key=lambda comment: comment.order)
        root = by_pk[thread_id]
        if thread[0] != root or root.parent_id != root.pk or root.level != 0:
            problems.append(f"thread {thread_id} does not start with its root")
        if [comment.order for comment in thread] != list(range(1, len(thread) + 1)):
            problems.append(f"thread {thread_id} has gaps in its order")
        path = []  # the ancestors of the current comment, in thread order
        for comment in thread:
            while path and path[-1].pk != comment.parent_id:
                path.pop()
            if comment is not root and (not path or comment.level != path[-1].level + 1):
                problems.append(f"comment {comment.pk} does not follow its parent")
            path.append(comment)
        for comment in thread:
            below = [c for c in thread if c is not comment and descends(c, comment, by_pk)]
            if comment.nested_count != len(below):
                problems.append(f"comment {comment.pk} counts {comment.nested_count} replies")
    return problems


def descends(comment, ancestor, by_pk):
    while comment.parent_id != comment.pk:
        comment = by_pk[comment.parent_id]
        if comment.pk == ancestor.pk:
            return True
    return False


def test_comments_form_threads_on_lessons_and_topics(client, discussions_page, knowledge_tree):
    seed(lessons=4, topics=4)
    out, err = seed(comments=60)

    comments = list(DiscussionComment.objects.all())
    assert len(comments) == 60
    assert all(comment.is_public and not comment.is_removed for comment in comments)
    assert thread_problems(comments) == []
    assert any(comment.level == 2 for comment in comments)  # replies nest
    assert max(comment.level for comment in comments) == 2
    lessons = {str(pk) for pk in LessonPage.objects.values_list("pk", flat=True)}
    topics = {str(pk) for pk in TopicPage.objects.values_list("pk", flat=True)}
    on = {comment.object_pk for comment in comments}
    assert on & lessons and on & topics and on <= lessons | topics
    for topic in TopicPage.objects.all():
        mine = [c for c in comments if c.object_pk == str(topic.pk)]
        assert topic.comment_count == len(mine)
        if mine:
            assert topic.last_activity_at == max(c.submit_date for c in mine)
    assert "Created 60 comments on" in out
    assert "60/60" in err

    busiest = max(on, key=lambda pk: sum(c.object_pk == pk for c in comments))
    page = Page.objects.get(pk=busiest).specific
    shown = discussions.visible_comments(page)
    assert client.get(page.url).status_code == 200
    assert shown.count() == sum(c.object_pk == busiest for c in comments)


def test_a_member_replies_in_a_seeded_thread_like_in_any_other(discussions_page):
    seed(topics=2, comments=20)
    parent = DiscussionComment.objects.filter(level=0).order_by("pk").first()
    topic = TopicPage.objects.get(pk=parent.object_pk)
    before = topic.comment_count
    reply = discussions.post_comment(member(trusted=True), topic, "Ook hier", parent.pk).comment
    reply.refresh_from_db()
    assert (reply.thread_id, reply.level) == (parent.pk, 1)
    assert thread_problems(list(DiscussionComment.objects.all())) == []
    topic.refresh_from_db()
    assert topic.comment_count == before + 1


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("topics", "0", "--topics must be a whole number from 1 to 10,000"),
        ("topics", "abc", "--topics must be a whole number from 1 to 10,000"),
        ("topics", "10001", "--topics must be a whole number from 1 to 10,000"),
        ("comments", "-3", "--comments must be a whole number from 1 to 100,000"),
        ("comments", "1.5", "--comments must be a whole number from 1 to 100,000"),
        ("comments", "", "--comments must be a whole number from 1 to 100,000"),
    ],
)
def test_a_bad_count_is_refused_with_one_clear_line(discussions_page, option, value, message):
    with pytest.raises(CommandError) as error:
        seed(**{option: value})
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert not TopicPage.objects.exists()
    assert not DiscussionComment.objects.exists()


def test_topics_need_the_discussions_page(knowledge_tree):
    with pytest.raises(CommandError, match="no Dutch discussions page"):
        seed(topics=3)
    assert not TopicPage.objects.exists()


def test_comments_need_pages_to_go_to(discussions_page):
    with pytest.raises(CommandError, match="no Dutch lessons or topics"):
        seed(comments=3)
    assert not DiscussionComment.objects.exists()
