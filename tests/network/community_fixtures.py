"""Fixtures for the notification, mention, trust and moderation tests: a moderator, a topic,
a lesson in two languages and a member waiting for a seat at an event."""

import pytest
from django.contrib.auth.models import Permission

from network.models import DiscussionIndexPage
from network.topics import start_topic
from tests.conftest import publish
from tests.network.factories import UserFactory, member


def make_moderator(**fields):
    """A staff member with the moderation permission (and a profile, for their language)."""
    user = UserFactory(is_staff=True, **fields)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="can_moderate", content_type__app_label="django_comments"),
    )
    return user


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def discussions_index(knowledge_tree):
    home = knowledge_tree.site_tree.homes["nl"]
    index = DiscussionIndexPage(title="Discussies", slug="discussies")
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index


@pytest.fixture
def topic(discussions_index):
    """A published topic started by a trusted member."""
    starter = member(display_name="Sara Vos", trusted=True)
    return start_topic(discussions_index, starter, "Hergebruikt meubilair", "Wie heeft ervaring?")


@pytest.fixture
def lesson_translations(knowledge_tree, lesson):
    french = knowledge_tree.translate(lesson, "fr", title="Reprendre les meubles", slug="meubles")
    return {"nl": lesson, "fr": french}


def a_registrant(email):
    from agenda.services import Registrant

    return Registrant(
        name="Deelnemer",
        email=email,
        organisation_name="Stad Gent",
        role="Aankoper",
        green_deal="yes",
        language="nl",
    )


@pytest.fixture
def waitlisted_registration(site_tree):
    """(a member's waitlisted registration, the confirmed registration that holds the seat)."""
    from agenda import services
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    event = publish(EventPageFactory(parent=agenda, slug="werksessie", capacity=1))
    holder = services.register(event, a_registrant("houder@example.org"))
    waiting_member = member(display_name="Wachtend Lid")
    waiting = services.register(event, a_registrant(waiting_member.email))
    waiting.user = waiting_member
    waiting.save(update_fields=["user"])
    return waiting, holder
