"""axe-core (WCAG 2.1 A and AA) on the participants' own pages: My registrations, Lost your
link? with an error, the manage page with its check-in code, and the cancel confirmation."""

import pytest

from agenda import services
from tests.conftest import publish
from tests.e2e.members import log_in
from tests.e2e.test_accessibility import assert_no_violations
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.network.factories import member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def registrant(n, **overrides):
    values = {
        "name": f"Deelnemer {n}",
        "email": f"persoon{n}@example.org",
        "organisation_name": "Stad Gent",
        "role": "Aankoper",
        "green_deal": "yes",
        "language": "nl",
    }
    values.update(overrides)
    return services.Registrant(**values)


@pytest.fixture
def registrations(site_tree):
    """A member confirmed for one event and waiting for another."""
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"], slug="agenda"))
    open_event = publish(EventPageFactory(parent=agenda, slug="studiedag", title="Studiedag"))
    full_event = publish(
        EventPageFactory(parent=agenda, slug="werksessie", title="Werksessie", capacity=1)
    )
    site_tree.translate(agenda, "fr", title="Agenda", slug="agenda-fr")
    site_tree.translate(open_event, "fr", title="Journée d'étude", slug="journee-etude")
    user = member(display_name="An Peeters")
    seated = services.register(open_event, registrant(1, email=user.email, user=user))
    services.register(full_event, registrant(2))
    services.register(full_event, registrant(3, email=user.email, user=user))
    return user, seated


def test_participants_pages_have_no_wcag_violations(new_page, live_server, registrations):
    user, seated = registrations
    base = live_server.url
    visitor = new_page()
    for language in ("nl", "fr"):
        assert_no_violations(visitor, f"{base}/{language}/registrations/lost-link/")
        visitor.locator("input[name=email]").fill("an@")
        with visitor.expect_navigation():
            visitor.locator("form.lost-link-form button[type=submit]").click()
        assert visitor.locator(".error-summary").count() == 1
        assert_no_violations(visitor, visitor.url)  # the form with its error

    manage = f"{base}/nl/agenda/studiedag/manage/{seated.manage_secret}/"
    assert_no_violations(visitor, manage)
    assert visitor.locator(".check-in-code img").count() == 1
    assert_no_violations(visitor, manage + "?action=cancel")
    assert visitor.get_by_role("button", name="Ja, annuleer mijn inschrijving").count() == 1

    reader = new_page()
    log_in(reader, base, user.email)
    assert_no_violations(reader, f"{base}/nl/members/me/registrations/")
    assert reader.locator(".own-registration").count() == 2
    assert_no_violations(reader, f"{base}/fr/members/me/registrations/")
