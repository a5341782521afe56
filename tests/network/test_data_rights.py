"""Data rights: the member's data download holds everything kept about them, and deleting
the account asks for the password and erases it all, the moderation queue included."""

import datetime
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import LIKEDIT_FLAG

from agenda import services
from agenda.models import EventQuestion, Registration, RegistrationAnswer
from network import discussions
from network.models import (
    DiscussionComment,
    DiscussionIndexPage,
    MemberProfile,
    ThreadFollow,
    TopicPage,
)
from network.topics import start_topic
from tests.events.conftest import agenda, event, registrant  # noqa: F401
from tests.network.factories import PASSWORD, comment_on, member

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def forum(knowledge_tree):
    page = DiscussionIndexPage(title="Discussies", slug="discussies")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=page)
    page.save_revision().publish()
    knowledge_tree.translate(page, "fr", slug="discussions")
    return page


@pytest.fixture
def marie(
    knowledge_tree,
    forum,
    lesson,
    event,  # noqa: F811
    registrant,  # noqa: F811
):
    """A French member with something of everything the site keeps."""
    knowledge_tree.translate(lesson, "fr", title="Reprendre les meubles", slug="meubles")
    user = member(display_name="Marie Dubois", preferred_language="fr", role="Acheteuse")
    user.member_profile.themes.set([knowledge_tree.themes["furniture"]["nl"]])
    other = member(display_name="Bert")
    published = comment_on(lesson, "Mon avis publié", user=user, user_name="Marie Dubois")
    comment_on(lesson, "Mon avis en attente", user=user, is_public=False)
    theirs = comment_on(lesson, "Avis de Bert", user=other, user_name="Bert")
    CommentFlag.objects.create(user=user, comment=theirs, flag=LIKEDIT_FLAG)
    CommentFlag.objects.create(user=user, comment=theirs, flag=CommentFlag.SUGGEST_REMOVAL)
    CommentFlag.objects.create(user=other, comment=published, flag=LIKEDIT_FLAG)
    ThreadFollow.objects.create(user=user, page=lesson)
    start_topic(
        forum,
        user,
        "Chaises de seconde main",
        "Qui a de l'expérience ?",
        theme=knowledge_tree.themes["furniture"]["nl"],
    )
    lunch = EventQuestion.objects.create(
        event=event,
        kind="choice",
        label_nl="Welke lunch?",
        label_fr="Quel lunch ?",
        label_en="Which lunch?",
        options_nl="Vegetarisch\nVis",
        options_fr="Végétarien\nPoisson",
        options_en="Vegetarian\nFish",
    )
    # Registered before signing up, with the same address: still hers.
    services.register(
        event,
        registrant(
            1,
            email=user.email.upper(),
            language="fr",
            dietary_needs="Végétarien",
            accessibility_needs="Fauteuil roulant",
        ),
        answers={lunch: "1"},
    )
    return user


def test_the_export_holds_everything_kept_about_the_member(client, marie):
    client.force_login(marie)
    response = client.get("/fr/members/me/data.json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)

    assert data["account"]["email"] == marie.email
    assert data["profile"]["display_name"] == "Marie Dubois"
    assert data["profile"]["role"] == "Acheteuse"
    # Themes are named in the member's language, whatever language they were chosen in.
    assert data["profile"]["themes_followed"] == ["Mobilier"]

    texts = {comment["text"]: comment for comment in data["comments"]}
    assert set(texts) == {"Mon avis publié", "Mon avis en attente"}
    assert texts["Mon avis publié"]["published"]
    assert texts["Mon avis en attente"]["waiting_for_moderation"]
    assert texts["Mon avis publié"]["page_title"] == "Reprendre les meubles"

    [topic] = data["topics"]
    assert topic["title"] == "Chaises de seconde main"
    assert topic["theme"] == "Mobilier"
    assert topic["published"] is False

    assert [like["page_title"] for like in data["likes"]] == ["Reprendre les meubles"]
    assert len(data["flags"]) == 1
    assert [follow["page_title"] for follow in data["followed_threads"]] == [
        "Reprendre les meubles"
    ]

    [registration] = data["event_registrations"]
    assert registration["dietary_needs"] == "Végétarien"
    assert registration["accessibility_needs"] == "Fauteuil roulant"
    assert registration["role"] == "Aankoper"
    assert registration["green_deal"] == "yes"
    assert registration["status"] == "confirmed"
    assert registration["answers"] == [{"question": "Quel lunch ?", "answer": "Poisson"}]
    assert "notifications" in data


def test_the_export_holds_the_members_notifications_when_the_site_keeps_them(client, marie):
    try:
        notification_model = apps.get_model("network", "Notification")
    except LookupError:
        pytest.skip("this version of the site keeps no notifications")
    fields = {field.name for field in notification_model._meta.fields}
    values = {"recipient": marie, "kind": "reply"}
    if "title" in fields:
        values["title"] = "Une réponse"
    notification_model.objects.create(**values)
    client.force_login(marie)
    data = json.loads(client.get("/fr/members/me/data.json").content)
    assert [item["kind"] for item in data["notifications"]] == ["reply"]


def test_nobody_downloads_another_members_data(client, marie):
    client.force_login(member())
    data = json.loads(client.get("/fr/members/me/data.json").content)
    assert data["account"]["email"] != marie.email
    assert data["comments"] == [] and data["event_registrations"] == []


def test_deleting_needs_the_password_and_says_so_in_the_members_language(client, marie):
    client.force_login(marie)
    page = client.get("/fr/members/me/delete/").content.decode()
    assert 'autocomplete="current-password"' in page
    response = client.post("/fr/members/me/delete/", {"confirm": "on", "password": "devine"})
    assert response.status_code == 200
    assert "Ce n’est pas votre mot de passe." in response.content.decode()
    assert User.objects.filter(pk=marie.pk).exists()
    response = client.post("/fr/members/me/delete/", {"password": PASSWORD})
    assert response.status_code == 200
    assert User.objects.filter(pk=marie.pk).exists()


def test_deleting_erases_everything_and_empties_the_moderation_queue(
    client,
    marie,
    lesson,
    event,  # noqa: F811
    registrant,  # noqa: F811
):
    event.capacity = 1
    event.save_revision().publish()
    waiting = services.register(event, registrant(2))
    assert waiting.status == "waitlisted"
    assert TopicPage.objects.filter(live=False, author=marie).exists()

    from network.models import ModerationAction, ModerationActionKind
    from network.moderation import log

    decision = log(
        None,
        ModerationActionKind.REJECT_COMMENT,
        member=marie,
        summary="Mon avis rejeté",
        reason="Hors sujet",
    )
    client.force_login(marie)
    response = client.post("/fr/members/me/delete/", {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    # The moderation log keeps the decision and its reason, not her words nor her.
    decision = ModerationAction.objects.get(pk=decision.pk)
    assert decision.reason == "Hors sujet"
    assert decision.summary == "" and decision.member_id is None

    assert not User.objects.filter(pk=marie.pk).exists()
    assert not MemberProfile.objects.filter(display_name="Marie Dubois").exists()
    # The pending topic and comment leave the moderation queue.
    assert not TopicPage.objects.filter(title="Chaises de seconde main").exists()
    assert not DiscussionComment.objects.filter(comment="Mon avis en attente").exists()
    pending_comments, _flagged, draft_topics = _queue()
    assert list(draft_topics) == [] and list(pending_comments) == []
    # The published comment stays, as a former member's.
    kept = DiscussionComment.objects.get(comment="Mon avis publié")
    assert kept.user_id is None and kept.user_name == "" and kept.user_email == ""
    assert not CommentFlag.objects.filter(user_id=marie.pk).exists()
    assert not ThreadFollow.objects.filter(user_id=marie.pk).exists()
    # Her registration is cancelled and blanked; her seat went to the person waiting.
    registration = Registration.objects.get(event=event, anonymised_at__isnull=False)
    assert registration.status == "cancelled"
    assert registration.email == "" and registration.dietary_needs == ""
    assert registration.accessibility_needs == "" and registration.name == ""
    assert not RegistrationAnswer.objects.filter(registration=registration).exists()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def test_a_past_registration_is_blanked_but_keeps_its_status(
    marie,
    event,  # noqa: F811
):
    registration = Registration.objects.get(event=event)
    services.check_in(registration)
    event.start = timezone.now() - datetime.timedelta(days=3)
    event.end = event.start + datetime.timedelta(hours=7)
    event.save_revision().publish()
    from network.members import delete_member

    delete_member(marie)
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert registration.checked_in_at is not None
    assert registration.email == "" and registration.dietary_needs == ""


def _queue():
    from network.moderation_admin import queue

    return queue()


def test_a_published_topic_stays_as_a_former_members(forum, knowledge_tree):
    author = member(trusted=True)
    topic = start_topic(forum, author, "Open vraag", "Tekst")
    assert topic.live
    discussions.follow(author, topic)
    from network.members import delete_member

    delete_member(author)
    topic.refresh_from_db()
    assert topic.live and topic.author_id is None


def test_clause_selections_and_exchange_requests_are_exported_then_erased(
    client, marie, knowledge_tree
):
    from exchange.models import ComponentRequest
    from knowledge.models import SavedSelection
    from tests.conftest import publish
    from tests.exchange.factories import ComponentOfferFactory
    from tests.knowledge.factories import PilotCasePageFactory

    SavedSelection.objects.create(owner=marie, name="Mijn bestek", clause_keys=["terugname"])
    pilot = publish(PilotCasePageFactory(parent=knowledge_tree.indexes["nl"], slug="school"))
    offer = ComponentOfferFactory(pilot_case=pilot)
    request = ComponentRequest.objects.create(
        offer=offer,
        user=marie,
        name="Marie Dubois",
        email=marie.email,
        organisation_name="Ville de Liège",
        language="fr",
        quantity=2,
        message="Pour notre école.",
    )
    client.force_login(marie)
    data = json.loads(client.get("/fr/members/me/data.json").content)
    assert data["clause_selections"][0]["name"] == "Mijn bestek"
    assert data["clause_selections"][0]["clauses"] == ["terugname"]
    [asked] = data["component_requests"]
    assert asked["message"] == "Pour notre école." and asked["quantity"] == 2
    # The offer is named in the member's language.
    assert asked["component"] == offer.name_fr

    client.post("/fr/members/me/delete/", {"confirm": "on", "password": PASSWORD})
    assert not SavedSelection.objects.filter(name="Mijn bestek").exists()
    request.refresh_from_db()
    assert request.user_id is None and request.quantity == 2
    assert (request.name, request.email, request.message) == ("", "", "")
