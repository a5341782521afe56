"""Fixtures for the security tests: a small site with every public form and listing on it."""

from dataclasses import dataclass

import pytest

from network.models import DiscussionIndexPage
from tests.conftest import publish
from tests.events.conftest import agenda, event  # noqa: F401
from tests.events.factories import REGISTRATION_FORM
from tests.knowledge.conftest import knowledge_tree  # noqa: F401
from tests.knowledge.factories import LessonPageFactory
from tests.network.factories import member

REGISTRATION = REGISTRATION_FORM


@pytest.fixture
def lesson(knowledge_tree):  # noqa: F811
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    return publish(page)


@pytest.fixture
def discussions_page(knowledge_tree):  # noqa: F811
    index = DiscussionIndexPage(title="Discussies", slug="discussies", intro="Vraag het.")
    knowledge_tree.site_tree.homes["nl"].add_child(instance=index)
    return publish(index)


@pytest.fixture
def writer():
    """A verified, trusted member: their posts are published at once."""
    return member(trusted=True)


@dataclass
class PublicSite:
    """One of everything a visitor can reach: listings, pages, forms, a thread, a token."""

    knowledge_tree: object
    event: object
    discussions_page: object
    topic: object
    comment: object
    registration: object
    member: object


@pytest.fixture
def public_site(knowledge_tree, event, discussions_page, lesson, writer):  # noqa: F811
    from agenda.models import EventKind
    from network import discussions
    from network.topics import start_topic
    from tests.events.factories import (
        OutcomeFactory,
        OutcomeRegisterPageFactory,
        RegistrationFactory,
        WorkSessionPageFactory,
    )
    from tests.knowledge.factories import (
        OrganisationFactory,
        PracticeExamplePageFactory,
        TenderClauseFactory,
    )

    themes = knowledge_tree.themes["furniture"]
    organisation = OrganisationFactory(name="Stad Gent", slug="stad-gent", region="Gent")
    lesson.themes.set([themes["nl"]])
    lesson.organisations.set([organisation])
    publish(lesson)
    example = PracticeExamplePageFactory(
        parent=knowledge_tree.indexes["nl"], themes=[themes["nl"]], organisations=[organisation]
    )
    publish(example)
    TenderClauseFactory(theme=themes["nl"], slug="terugname")
    agenda_page = event.get_parent().specific
    session = WorkSessionPageFactory(
        parent=agenda_page, slug="werksessie", kind=EventKind.WORK_SESSION, theme=themes["nl"]
    )
    publish(session)
    OutcomeFactory(page=session)
    publish(OutcomeRegisterPageFactory(parent=agenda_page))
    topic = start_topic(discussions_page, writer, "Wie nam meubels terug?", "Graag tips.")
    comment = discussions.post_comment(writer, lesson, "Goed voorbeeld.").comment
    return PublicSite(
        knowledge_tree=knowledge_tree,
        event=event,
        discussions_page=discussions_page,
        topic=topic,
        comment=comment,
        registration=RegistrationFactory(event=event),
        member=writer,
    )
