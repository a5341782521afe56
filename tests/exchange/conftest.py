"""Fixtures: a pilot case in three languages with an offer, members and a decider."""

import pytest
from django.contrib.auth.models import Permission

from tests.conftest import publish
from tests.exchange.factories import ComponentOfferFactory
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - used as a fixture
from tests.knowledge.factories import OrganisationFactory, PilotCasePageFactory
from tests.network.factories import member


@pytest.fixture
def pilot(knowledge_tree):  # noqa: F811 - the shared fixture above
    """A live pilot case with fr and en translations; returns the pages by language."""
    page = PilotCasePageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Oude school Herzele",
        slug="oude-school-herzele",
        themes=[knowledge_tree.themes["furniture"]["nl"]],
    )
    publish(page)
    pages = {"nl": page}
    for code, title in (("fr", "Ancienne école d'Herzele"), ("en", "Old school in Herzele")):
        pages[code] = knowledge_tree.translate(page, code, title=title, slug=f"school-{code}")
    return pages


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Gemeente Herzele")


@pytest.fixture
def offer(pilot, organisation):
    return ComponentOfferFactory(pilot_case=pilot["nl"], organisation=organisation)


@pytest.fixture
def requester():
    from exchange.services import Requester

    def make(n=0, language="nl", **overrides):
        values = {
            "name": f"Aanvrager {n}",
            "email": f"aanvrager{n}@example.org",
            "language": language,
            "organisation_name": "Stad Gent",
        }
        values.update(overrides)
        return Requester(**values)

    return make


@pytest.fixture
def decider(db):
    """An editor with the permission to decide on every offer's requests."""
    user = member(display_name="Redacteur")
    user.user_permissions.add(
        Permission.objects.get(
            codename="decide_componentrequest", content_type__app_label="exchange"
        )
    )
    return user


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what a block queued for after its commit (the e-mails), as a real commit would."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block
