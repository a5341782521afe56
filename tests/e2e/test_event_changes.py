"""An editor reschedules, then cancels, an event in the admin; the registrant's e-mail says
what changed, updates their calendar, and its link shows the event as it now is."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from agenda import services
from agenda.models import CongressSession, EventKind, EventPage, Speaker
from tests.conftest import publish
from tests.e2e.test_accessibility import assert_no_violations
from tests.e2e.test_editorial import log_in_to_admin
from tests.events.conftest import registrant  # noqa: F401 - fixture
from tests.events.factories import (
    CongressSessionFactory,
    EventIndexPageFactory,
    EventPageFactory,
    in_days,
)
from tests.network.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MANAGE_LINK = re.compile(r"https?://\S+/manage/[\w-]+/")


@pytest.fixture
def registered_event(site_tree, registrant):  # noqa: F811 - the fixture imported above
    """A Dutch study day at 13:00 with one confirmed registrant."""
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    start = in_days(10, 13)
    event = publish(
        EventPageFactory(
            parent=agenda,
            title="Studiedag circulair bouwen",
            slug="studiedag-bouwen",
            start=start,
            end=start + datetime.timedelta(hours=3),
        )
    )
    services.register(event, registrant(name="Lotte Maes", email="lotte@example.org"))
    return event


def calendar_of(message):
    (content,) = [
        item[1]
        for item in message.attachments
        if isinstance(item, tuple) and item[0] == "event.ics"
    ]
    cal = Calendar.from_ical(content)
    (vevent,) = cal.walk("VEVENT")
    return cal, vevent


def publish_in_admin(admin):
    footer = admin.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    with admin.expect_navigation():
        footer.get_by_role("button", name="Publish").click()
    expect(admin.locator(".messages")).to_contain_text("published")


def test_reschedules_an_event_in_the_admin_and_follows_the_registrants_link(
    new_page, live_server, registered_event
):
    event = registered_event
    (confirmation,) = mail.outbox
    _cal, first = calendar_of(confirmation)
    mail.outbox.clear()
    editor = UserFactory(username="redacteur", is_staff=True, is_superuser=True)
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})

    admin = new_page("en-GB")
    log_in_to_admin(admin, live_server.url, editor)
    admin.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    start, end = admin.locator("input[name=start]"), admin.locator("input[name=end]")
    assert start.input_value().endswith("13:00") and end.input_value().endswith("16:00")
    # The date pickers are text inputs underneath: filling them is what typing does.
    start.fill(start.input_value().replace("13:00", "14:00"))
    start.press("Escape")
    end.fill(end.input_value().replace("16:00", "17:00"))
    end.press("Escape")
    publish_in_admin(admin)
    assert EventPage.objects.get(pk=event.pk).start_local.hour == 14

    (message,) = mail.outbox
    assert message.to == ["lotte@example.org"]
    assert message.subject == "Gewijzigd: Studiedag circulair bouwen"
    assert re.search(r"Begint: .*13:00 → .*14:00", message.body), message.body
    assert re.search(r"Eindigt: .*16:00 → .*17:00", message.body), message.body
    cal, vevent = calendar_of(message)
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(vevent["UID"]) == str(first["UID"])
    assert vevent.decoded("SEQUENCE") > first.decoded("SEQUENCE")
    assert vevent.decoded("DTSTART").hour == 14

    # The registrant follows the link in the e-mail.
    reader = new_page("nl-BE")
    link = urlsplit(MANAGE_LINK.search(message.body).group(0))
    reader.goto(live_server.url + link.path)
    main = reader.locator("main")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Je inschrijving")
    expect(main.locator(".facts")).to_contain_text("14:00")
    expect(main.locator(".facts")).not_to_contain_text("13:00")
    expect(main.locator(".event-status")).to_contain_text("Verplaatst")
    expect(main.locator(".event-status")).to_contain_text("13:00")
    expect(main).to_contain_text("Bevestigd")

    # Then the editor cancels the event: the registrant's calendar loses it.
    mail.outbox.clear()
    admin.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    admin.locator("select[name=event_status]").select_option(label="Cancelled")
    publish_in_admin(admin)
    (message,) = mail.outbox
    assert message.subject == "Geannuleerd: Studiedag circulair bouwen"
    cancel, cancelled = calendar_of(message)
    assert str(cancel["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("SEQUENCE") > vevent.decoded("SEQUENCE")
    reader.reload()
    expect(main.locator(".event-status")).to_contain_text("Geannuleerd")
    reader.goto(f"{live_server.url}/nl/agenda/")
    expect(reader.locator(".event-card")).to_contain_text("Geannuleerd")
    # The notices and labels keep the pages accessible (WCAG 2.1 AA).
    for path in ("/nl/agenda/", event.url, event.url + "register/", link.path):
        assert_no_violations(reader, live_server.url + path)


def test_an_editor_puts_speakers_on_a_parallel_session(new_page, live_server, site_tree):
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    event = publish(
        EventPageFactory(parent=agenda, title="Congres", slug="congres", kind=EventKind.CONGRESS)
    )
    session = CongressSessionFactory(page=event, title="Hergebruik in de praktijk")
    Speaker.objects.create(name="An Peeters")
    Speaker.objects.create(name="Bert Claes")
    editor = UserFactory(username="redacteur", is_staff=True, is_superuser=True)
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})

    admin = new_page("en-GB")
    log_in_to_admin(admin, live_server.url, editor)
    admin.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    admin.get_by_label("An Peeters").check()
    publish_in_admin(admin)
    assert [s.name for s in CongressSession.objects.get(pk=session.pk).speakers.all()] == [
        "An Peeters"
    ]

    reader = new_page("nl-BE")
    reader.goto(f"{live_server.url}/nl/agenda/congres/")
    expect(reader.locator(".session-speakers")).to_have_text("Sprekers: An Peeters")
