"""Handles and mentions: a stable handle per member, @handle and @Display_Name mention, the
suggestions endpoint for members only, the handle shown under comments and on profiles."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from network import discussions
from network.handles import handle_base, mentioned_users, suggestions
from network.models import MemberProfile, Notification, NotificationKind
from tests.network.factories import MemberProfileFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    def post_comment(author, page, text):
        with django_capture_on_commit_callbacks(execute=True):
            return discussions.post_comment(author, page, text).comment

    return post_comment


def mentioned(user):
    return Notification.objects.filter(recipient=user, kind=NotificationKind.MENTION).count()


def test_handles_come_from_the_display_name_and_are_unique():
    assert handle_base("Séverine Dubois-Lemaître") == "severine_dubois_lemaitre"
    assert handle_base("   ") == "member"
    assert handle_base("李小龍") == "member"
    first = MemberProfileFactory(display_name="An Peeters")
    second = MemberProfileFactory(display_name="An  Peeters!")
    third = MemberProfileFactory(display_name="an peeters")
    assert [first.handle, second.handle, third.handle] == [
        "an_peeters",
        "an_peeters2",
        "an_peeters3",
    ]
    long = MemberProfileFactory(display_name="A" * 100)
    assert len(long.handle) <= 40


def test_a_handle_stays_when_the_name_changes(post, lesson):
    bert = member(display_name="Bert Lambert")
    bert.member_profile.display_name = "Bert Lambert-Claes"
    bert.member_profile.save()
    bert.member_profile.refresh_from_db()
    assert bert.member_profile.handle == "bert_lambert"
    post(member(trusted=True), lesson, "Dag @bert_lambert")
    assert mentioned(bert) == 1


def test_a_display_name_with_underscores_mentions_in_any_case(post, lesson):
    bert = member(display_name="Bert Lambert")
    bert.member_profile.handle = "bertl"  # e.g. given before a name change
    bert.member_profile.save()
    author = member(trusted=True)
    post(author, lesson, "Wat denk jij, @Bert_Lambert?")
    assert mentioned(bert) == 1
    post(author, lesson, "En jij, @BERT_LAMBERT?")
    assert mentioned(bert) == 2
    assert [m.to for m in mail.outbox] == [[bert.email], [bert.email]]


def test_a_first_name_alone_mentions_only_a_member_called_so(post, lesson):
    bert = member(display_name="Bert")
    other_bert = member(display_name="Bert Lambert")
    post(member(trusted=True), lesson, "Hallo @Bert")
    assert (mentioned(bert), mentioned(other_bert)) == (1, 0)


def test_a_name_two_members_share_mentions_neither_and_a_handle_still_works(post, lesson):
    first = member(display_name="Jan Peeters")
    second = member(display_name="Jan Peeters")
    assert (first.member_profile.handle, second.member_profile.handle) == (
        "jan_peeters",
        "jan_peeters2",
    )
    # @jan_peeters is a handle (the first Jan's) before it is a name.
    post(member(trusted=True), lesson, "@jan_peeters2 en @Jan_Peeters")
    assert (mentioned(first), mentioned(second)) == (1, 1)


def test_the_old_username_form_still_mentions(post, lesson):
    eva = member(display_name="Eva Maes")
    eva.username = "eva.m"
    eva.save()
    post(member(trusted=True), lesson, "Dag @eva.m")
    assert mentioned(eva) == 1


def test_mentions_are_found_in_a_fixed_number_of_queries(django_assert_num_queries):
    for number in range(5):
        member(display_name=f"Lid Nummer{number}")
    words = ["lid_nummer0", "Lid_Nummer1", "nobody", "Lid_Nummer3", "x"]
    with django_assert_num_queries(2):
        found = mentioned_users(words)
    assert sorted(u.member_profile.display_name for u in found) == [
        "Lid Nummer0",
        "Lid Nummer1",
        "Lid Nummer3",
    ]


def test_inactive_members_and_the_author_are_never_mentioned(post, lesson):
    gone = member(display_name="Weg Lid")
    gone.is_active = False
    gone.save()
    author = member(display_name="Zelf Lid", trusted=True)
    post(author, lesson, "@weg_lid @zelf_lid")
    assert Notification.objects.count() == 0


def test_suggestions_match_names_and_handles_from_the_start_of_a_word():
    member(display_name="Bert Lambert")
    member(display_name="Albert Claes")
    member(display_name="Lies Bertels")
    assert [s["name"] for s in suggestions("ber")] == ["Bert Lambert", "Lies Bertels"]
    assert suggestions("@Bert_La") == [{"handle": "bert_lambert", "name": "Bert Lambert"}]
    assert suggestions("") == []


def test_the_suggestions_endpoint_is_for_members_only(client):
    member(display_name="Bert Lambert")
    response = client.get("/nl/members/suggestions/?q=bert")
    assert response.status_code == 302  # to the log-in page: names stay among members
    client.force_login(member())
    response = client.get("/nl/members/suggestions/?q=bert")
    assert response.status_code == 200
    assert response.json() == {"results": [{"handle": "bert_lambert", "name": "Bert Lambert"}]}
    assert "no-store" in response["Cache-Control"]
    assert client.get("/nl/members/suggestions/?q=" + "x" * 5000).json() == {"results": []}
    assert client.post("/nl/members/suggestions/?q=bert").status_code == 405


def test_handles_show_under_comments_and_on_member_pages(client, lesson):
    author = member(display_name="An Peeters", trusted=True)
    discussions.post_comment(author, lesson, "Goed idee")
    soup = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    assert soup.select_one(".comment__handle").get_text() == "@an_peeters"
    client.force_login(member())
    profile_page = client.get(f"/nl/members/{author.member_profile.pk}/")
    assert "@an_peeters" in profile_page.content.decode()
    client.force_login(author)
    own = client.get("/nl/members/me/").content.decode()
    assert "<strong>@an_peeters</strong>" in own


def test_the_comment_and_topic_forms_offer_suggestions_and_say_how_to_mention(
    client, lesson, discussions_index
):
    client.force_login(member(trusted=True))
    soup = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    textarea = soup.select_one("textarea[name=comment]")
    assert textarea["data-mention-url"] == "/nl/members/suggestions/"
    help_text = soup.find(id=textarea["aria-describedby"]).get_text()
    assert "@an_peeters" in help_text
    form = BeautifulSoup(client.get(discussions_index.url + "new/").content, "html.parser")
    body = form.select_one("textarea[name=body]")
    assert body["data-mention-url"] == "/nl/members/suggestions/"
    assert "@" in form.find(id=body["aria-describedby"]).get_text()


def test_the_migration_gives_existing_members_unique_handles_and_levels(lesson):
    from django.apps import apps

    from network.models import DiscussionComment

    migration = importlib.import_module(
        "network.migrations.0005_community_notifications_trust_moderation"
    )
    trusted = member(display_name="Vertrouwd Lid", trusted=True)
    regular = member(display_name="Gewoon Lid")
    twin = member(display_name="Gewoon  Lid")
    for number in range(2):
        discussions.post_comment(trusted, lesson, f"Reactie {number}")
    DiscussionComment.objects.update(user=regular)
    for profile in MemberProfile.objects.all():  # as before the migration: no handle yet
        MemberProfile.objects.filter(pk=profile.pk).update(handle=f"x{profile.pk}", trust_level=0)
    migration.give_handles_and_levels(apps, None)
    handles = dict(MemberProfile.objects.values_list("user_id", "handle"))
    levels = dict(MemberProfile.objects.values_list("user_id", "trust_level"))
    assert handles[regular.pk] == "gewoon_lid" and handles[twin.pk] == "gewoon_lid2"
    assert (levels[trusted.pk], levels[regular.pk], levels[twin.pk]) == (2, 1, 0)


def test_a_topic_mentions_members_once_it_is_published(
    discussions_index, moderator, django_capture_on_commit_callbacks
):
    from network import moderation
    from network.topics import start_topic

    bert = member(display_name="Bert Lambert")
    with django_capture_on_commit_callbacks(execute=True):
        start_topic(
            discussions_index, member(trusted=True), "Vraag", "Wat denk jij, @Bert_Lambert?"
        )
    assert mentioned(bert) == 1
    (message,) = mail.outbox
    assert message.to == [bert.email] and "Vraag" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        draft = start_topic(discussions_index, member(), "Nog een", "Dag @bert_lambert")
    assert mentioned(bert) == 1  # not while it waits for a moderator
    with django_capture_on_commit_callbacks(execute=True):
        moderation.publish_topic(moderator, draft)
    assert mentioned(bert) == 2
