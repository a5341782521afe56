"""An editor reschedules an event in the Dutch admin; French readers and registrants follow."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from agenda import services
from agenda.models import EventPage
from tests.conftest import publish
from tests.e2e.test_editorial import log_in_to_admin
from tests.events.conftest import registrant  # noqa: F401 - fixture
from tests.events.factories import EventIndexPageFactory, EventPageFactory, in_days
from tests.network.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def translated_event(site_tree, registrant):  # noqa: F811 - the fixture imported above
    """A Dutch work session at 13:00 with a French translation and a French registrant."""
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    site_tree.translate(agenda, "fr", title="Agenda", slug="agenda-fr")
    start = in_days(10, 13)
    event = publish(
        EventPageFactory(
            parent=agenda,
            title="Werksessie meubilair",
            slug="werksessie-meubilair",
            start=start,
            end=start + datetime.timedelta(hours=3),
            capacity=25,
        )
    )
    french = site_tree.translate(
        event, "fr", title="Séance de travail mobilier", slug="seance-mobilier"
    )
    services.register(
        event,
        registrant(
            name="Camille Dubois",
            email="camille@example.org",
            organisation_name="Ville de Namur",
            role="Acheteuse",
            language="fr",
        ),
    )
    mail.outbox.clear()
    return event, french


def test_an_event_rescheduled_in_the_dutch_admin_moves_in_french(
    new_page, live_server, translated_event
):
    event, french = translated_event
    editor = UserFactory(username="redacteur", is_staff=True, is_superuser=True)
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})

    admin = new_page("en-GB")
    log_in_to_admin(admin, live_server.url, editor)
    admin.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    start = admin.locator("input[name=start]")
    old_value = start.input_value()
    assert old_value.endswith("13:00")
    # The date picker is a text input underneath: filling it is what typing does.
    start.fill(old_value.replace("13:00", "14:00"))
    start.press("Escape")
    footer = admin.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    with admin.expect_navigation():
        footer.get_by_role("button", name="Publish").click()
    expect(admin.locator(".messages")).to_contain_text("published")
    assert EventPage.objects.get(pk=event.pk).start_local.hour == 14

    reader = new_page("fr-BE")
    reader.goto(f"{live_server.url}{EventPage.objects.get(pk=french.pk).url}")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Séance de travail mobilier")
    expect(reader.locator("main .facts")).to_contain_text("14:00")
    expect(reader.locator("main .facts")).not_to_contain_text("13:00")
    # Only the notice that the event moved names the old time.
    expect(reader.locator("main .event-status")).to_contain_text("Déplacé")

    # The registrant was told once, in French, what changed.
    (change,) = [m for m in mail.outbox if "camille@example.org" in m.to]
    assert change.subject == "Modifié : Séance de travail mobilier"
    assert "13:00 → " in change.body and "14:00" in change.body
    mail.outbox.clear()

    # The hourly reminder command sends what a registrant next receives about the event.
    call_command("send_event_reminders", hours=24 * 30, stdout=io.StringIO())
    message = next(m for m in mail.outbox if "camille@example.org" in m.to)
    assert "Séance de travail mobilier" in message.subject
    assert "14:00" in message.body
    assert "13:00" not in message.body
