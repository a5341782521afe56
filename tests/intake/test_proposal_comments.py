"""Comments on theme proposals: each proposal's page carries the site's comment thread."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda.models import EventIndexPage
from intake import board
from intake.models import ThemeBoardPage, ThemeProposalPage
from network import discussions
from network.members import export_member_data
from network.models import DiscussionComment, Notification, NotificationKind
from network.page_cache import STATUS_HEADER
from tests.conftest import publish
from tests.network.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def boards(site_tree):
    source = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    site_tree.homes["nl"].add_child(instance=source)
    pages = {"nl": publish(source)}
    for code in ("fr", "en"):
        pages[code] = site_tree.translate(source, code, title=f"Themes {code}", slug="themes")
    return pages


@pytest.fixture
def proposer():
    return member(display_name="An Peeters", preferred_language="fr")


@pytest.fixture
def proposal(boards, proposer):
    return board.propose_theme(boards["nl"], proposer, "Textiel", "Uniformen hergebruiken", "nl")


@pytest.fixture
def moderator():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments"),
    )
    return user


def proposal_page(proposal):
    return ThemeProposalPage.objects.get(proposal=proposal)


def comment_form(html):
    """The action and fields of the page's form for a new comment."""
    form = BeautifulSoup(html, "html.parser").select_one("form.comment-form")
    assert form is not None, "no comment form on the page"
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    return form["action"], fields


def test_a_proposal_gets_its_own_page_linked_from_the_board(client, boards, proposal):
    page = proposal_page(proposal)
    assert page.live
    assert page.get_parent().specific == boards["nl"]
    for code in ("nl", "fr", "en"):
        assert f'href="{page.url}"' in client.get(boards[code].url).content.decode()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uniformen hergebruiken" in html
    assert "1 stem" in html
    assert "Meld je aan om te reageren" in html or "/accounts/login/" in html


def test_a_member_comments_through_the_comment_form(client, proposal):
    page = proposal_page(proposal)
    writer = member(display_name="Bert Claes", trusted=True)
    client.force_login(writer)
    action, fields = comment_form(client.get(page.url).content.decode())
    response = client.post(action, {**fields, "comment": "Ook werkkledij meenemen?"})
    assert response.status_code == 302
    comment = DiscussionComment.objects.get()
    assert response["Location"] == f"{page.url}#comment-{comment.pk}"
    assert comment.is_public
    assert comment.object_pk == str(page.pk)
    html = client.get(page.url).content.decode()
    assert "Ook werkkledij meenemen?" in html
    assert "Bert Claes" in html
    # A reply goes into the same thread, one level deeper.
    client.post(action, {"comment": "Goed punt", "parent": comment.pk})
    reply = DiscussionComment.objects.get(comment="Goed punt")
    assert reply.parent_id == comment.pk and reply.level == 1


def test_anonymous_readers_cannot_post(client, proposal):
    page = proposal_page(proposal)
    html = client.get(page.url).content.decode()
    assert 'class="community-form comment-form"' not in html
    response = client.post(f"/nl/community/pages/{page.pk}/comments/", {"comment": "Spam"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not DiscussionComment.objects.exists()


def test_a_new_members_comment_waits_in_the_moderation_queue(client, proposal, moderator):
    page = proposal_page(proposal)
    newcomer = member(display_name="Nieuw Lid")
    client.force_login(newcomer)
    action, fields = comment_form(client.get(page.url).content.decode())
    client.post(action, {**fields, "comment": "Mijn eerste reactie"})
    comment = DiscussionComment.objects.get()
    assert not comment.is_public
    assert "Mijn eerste reactie" not in Client().get(page.url).content.decode()
    assert "Mijn eerste reactie" in client.get(page.url).content.decode()  # their own, waiting
    client.force_login(moderator)
    queue = client.get("/admin/community/moderation/")
    assert list(queue.context["pending"]) == [comment]
    assert f'href="{page.url}#comment-{comment.pk}"' in queue.content.decode()
    client.post("/admin/community/moderation/", {"action": "approve", "comment": comment.pk})
    comment.refresh_from_db()
    assert comment.is_public
    assert "Mijn eerste reactie" in Client().get(page.url).content.decode()


def test_a_suspended_member_cannot_comment(client, proposal):
    import datetime

    from django.utils import timezone

    page = proposal_page(proposal)
    suspended = member(trusted=True)
    profile = suspended.member_profile
    profile.suspended_until = timezone.now() + datetime.timedelta(days=2)
    profile.save()
    client.force_login(suspended)
    response = client.post(f"/nl/community/pages/{page.pk}/comments/", {"comment": "Toch"})
    assert response.status_code == 403
    assert not DiscussionComment.objects.exists()


def test_the_proposer_hears_of_a_comment_in_their_language(
    client, proposal, proposer, django_capture_on_commit_callbacks
):
    page = proposal_page(proposal)
    writer = member(display_name="Bert Claes", trusted=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        posted = discussions.post_comment(writer, page, "Ook werkkledij?")
    assert posted.published
    notification = Notification.objects.get(recipient=proposer)
    assert notification.kind == NotificationKind.TOPIC_ANSWER
    assert notification.page_id == page.pk
    [message] = [m for m in mail.outbox if m.to == [proposer.email]]
    assert "a commenté votre proposition de thème" in message.subject
    assert "Textiel" in message.subject
    assert f"{page.url}#comment-" in message.body
    client.force_login(proposer)
    html = client.get(reverse("member_notifications")).content.decode()
    assert "Bert Claes reageerde op je themavoorstel “Textiel”." in html
    # A reply reaches the author of the comment it answers (they follow the thread).
    replier = member(trusted=True)
    with django_capture_on_commit_callbacks(execute=True):
        discussions.post_comment(replier, page, "Eens", parent_id=posted.comment.pk)
    assert Notification.objects.filter(recipient=writer, kind=NotificationKind.REPLY).exists()


def test_the_board_counts_public_comments_without_a_query_per_proposal(
    client, boards, proposal, django_assert_num_queries
):
    page = proposal_page(proposal)
    discussions.post_comment(member(trusted=True), page, "Zichtbaar")
    waiting = discussions.post_comment(member(), page, "Wacht nog")
    assert not waiting.published
    removed = discussions.post_comment(member(trusted=True), page, "Weg ermee")
    discussions.remove_comment(removed.comment)
    client.force_login(member())
    html = client.get(boards["en"].url).content.decode()
    assert "1 comment" in html and "2 comments" not in html
    with CaptureQueriesContext(connection) as few:
        client.get(boards["en"].url)
    expected = len(few)
    for number in range(4):
        other = board.propose_theme(boards["nl"], member(), f"Thema {number}", "Uitleg", "nl")
        discussions.post_comment(member(trusted=True), proposal_page(other), f"Over {number}")
    client.get(boards["en"].url)  # new pages renewed the navigation caches
    with django_assert_num_queries(expected):
        html = client.get(boards["en"].url).content.decode()
    assert html.count("1 comment<") == 5


def test_removed_and_waiting_comments_are_not_shown(client, proposal):
    page = proposal_page(proposal)
    kept = discussions.post_comment(member(trusted=True), page, "Blijft staan")
    gone = discussions.post_comment(member(trusted=True), page, "Wordt verwijderd")
    discussions.post_comment(member(), page, "Wacht op een moderator")
    discussions.remove_comment(gone.comment)
    html = client.get(page.url).content.decode()
    assert "Blijft staan" in html
    assert "Wordt verwijderd" not in html
    assert "Wacht op een moderator" not in html
    assert kept.comment.is_public


def test_an_unpublished_proposal_and_its_thread_are_out_of_reach(client, boards, proposal):
    page = proposal_page(proposal)
    comment = discussions.post_comment(member(trusted=True), page, "Verborgen reactie").comment
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert "Textiel" not in client.get(boards["nl"].url).content.decode()
    writer = member(trusted=True)
    client.force_login(writer)
    response = client.post(f"/nl/community/pages/{page.pk}/comments/", {"comment": "Toch"})
    assert response.status_code == 404
    assert client.post(f"/nl/community/comments/{comment.pk}/like/").status_code == 404
    assert DiscussionComment.objects.count() == 1
    assert board.proposals_for(boards["nl"]) == []


def test_a_deleted_proposal_takes_its_page_along(boards, proposal):
    page_id = proposal_page(proposal).pk
    proposal.delete()
    assert not ThemeProposalPage.objects.filter(pk=page_id).exists()
    assert boards["nl"].get_children().count() == 0


def test_the_page_links_the_work_session_planned_from_the_proposal(
    client, knowledge_tree, proposal
):
    agenda = EventIndexPage(title="Agenda", slug="agenda")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=agenda)
    publish(agenda)
    session, _created = board.create_work_session(proposal, agenda)
    page = proposal_page(proposal)
    html = client.get(page.url).content.decode()
    assert "/agenda/textiel/" not in html  # a draft is not linked
    assert "Er wordt een werksessie over dit thema gepland." in html
    session.theme = knowledge_tree.themes["furniture"]["nl"]
    publish(session)
    html = client.get(page.url).content.decode()
    assert f'href="{session.url}"' in html
    assert "Dit thema is een werksessie geworden" in html


def test_the_proposal_page_query_count_does_not_grow_with_comments(
    client, proposal, django_assert_num_queries
):
    page = proposal_page(proposal)
    client.force_login(member())
    for number in range(2):
        discussions.post_comment(member(trusted=True), page, f"Reactie {number}")
    client.get(page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    expected = len(few)
    for number in range(2, 12):
        discussions.post_comment(member(trusted=True), page, f"Reactie {number}")
    client.get(page.url)
    with django_assert_num_queries(expected):
        html = client.get(page.url).content.decode()
    assert "Reactie 11" in html


def test_a_new_approved_comment_shows_on_the_next_cached_read(settings, proposal):
    settings.PAGE_CACHE_ENABLED = True
    page = proposal_page(proposal)
    assert Client().get(page.url)[STATUS_HEADER] == "miss"
    assert Client().get(page.url)[STATUS_HEADER] == "hit"
    poster = Client()
    poster.force_login(member(trusted=True))
    poster.post(f"/nl/community/pages/{page.pk}/comments/", {"comment": "Meteen zichtbaar"})
    assert "Meteen zichtbaar" in Client().get(page.url).content.decode()
    waiting = discussions.post_comment(member(), page, "Na goedkeuring")
    assert "Na goedkeuring" not in Client().get(page.url).content.decode()
    discussions.approve_comment(waiting.comment)
    assert "Na goedkeuring" in Client().get(page.url).content.decode()


def test_the_member_export_names_the_proposal_of_each_comment(proposal):
    page = proposal_page(proposal)
    writer = member(trusted=True)
    discussions.post_comment(writer, page, "Mijn reactie")
    data = export_member_data(writer)
    [exported] = data["comments"]
    assert exported["page_title"] == "Textiel"
    assert exported["page_url"].endswith(page.url)


def test_an_editors_new_title_reaches_the_proposal_page(client, proposal):
    proposal.title = "Textiel en werkkledij"
    proposal.save()
    page = proposal_page(proposal)
    assert page.title == "Textiel en werkkledij"
    assert "<title>Textiel en werkkledij" in client.get(page.url).content.decode()


def test_a_vote_shows_on_the_next_cached_read(settings, client, proposal):
    settings.PAGE_CACHE_ENABLED = True
    page = proposal_page(proposal)
    assert "1 stem" in Client().get(page.url).content.decode()
    client.force_login(member())
    client.post(page.url, {"action": "vote"})
    assert proposal.votes.count() == 2
    assert "2 stemmen" in Client().get(page.url).content.decode()
