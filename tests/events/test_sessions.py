"""Parallel sessions: speakers on sessions, full sessions shown as full and not selectable,
the chosen sessions in the calendar file and the e-mails, an e-mail after changing them."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from agenda import services
from agenda.models import EventKind, EventPage, Speaker
from agenda.models.events import BRUSSELS
from tests.conftest import publish
from tests.events.factories import REGISTRATION_FORM, CongressSessionFactory
from tests.knowledge.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REGISTER_URL = "/nl/agenda/studiedag/register/"
# The event page of a congress: the same number whatever its sessions and speakers.
QUERIES = 5


def live(page):
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def congress(event):
    """The study day as a congress with two parallel sessions in one slot and one after."""
    event.kind = EventKind.CONGRESS
    event.capacity = 50
    publish(event)
    reuse = CongressSessionFactory(
        page=event, title="Hergebruik", track="A", room="Zaal 1", capacity=1
    )
    buying = CongressSessionFactory(
        page=event, title="Aankoop", track="B", room="Zaal 2", starts=reuse.starts, capacity=10
    )
    later = CongressSessionFactory(
        page=event,
        title="Slotdebat",
        track="",
        starts=reuse.ends,
        ends=reuse.ends + (reuse.ends - reuse.starts),
        capacity=None,
    )
    return live(event), {"reuse": reuse, "buying": buying, "later": later}


def calendar_of(message):
    # Attachments are (name, content, type); an inline image (the check-in code) is not.
    (content,) = [
        item[1]
        for item in message.attachments
        if isinstance(item, tuple) and item[0] == "event.ics"
    ]
    cal = Calendar.from_ical(content)
    (vevent,) = cal.walk("VEVENT")
    return cal, vevent


def radio(page, key):
    return page.select_one(f'input[type=radio][value="{key}"]')


def test_speakers_of_parallel_sessions_show_in_every_language(client, congress, site_tree):
    event, sessions = congress
    gent = OrganisationFactory(name="Stad Gent")
    an = Speaker.objects.create(name="An Peeters", organisation=gent)
    bert = Speaker.objects.create(name="Bert Claes")
    french = site_tree.translate(event, "fr", title="Congrès", slug="congres")

    # The editor picks the speakers in the session's panel and publishes.
    page = live(event)
    rows = list(page.sessions.all())
    rows[0].speakers = [an, bert]
    rows[1].speakers = [bert]
    page.sessions = rows
    publish(page)

    dutch = BeautifulSoup(client.get("/nl/agenda/studiedag/").content, "html.parser")
    cards = {card.h4.get_text(): card for card in dutch.select("li.card") if card.h4}
    assert cards["Hergebruik"].select_one(".session-speakers").get_text() == (
        "Sprekers: An Peeters (Stad Gent), Bert Claes"
    )
    assert "Bert Claes" in cards["Aankoop"].get_text()
    assert cards["Slotdebat"].select_one(".session-speakers") is None
    # The translation's sessions got the same speakers when the source was published.
    french_rows = {row.translation_key: row for row in live(french).sessions.all()}
    assert [s.name for s in french_rows[sessions["reuse"].translation_key].speakers.all()] == [
        "An Peeters",
        "Bert Claes",
    ]
    assert "An Peeters (Stad Gent)" in client.get(french.url).content.decode()
    # ... and the page's revision keeps them for the next edit.
    draft = live(event).get_latest_revision_as_object()
    draft_rows = {row.title: row for row in draft.sessions.all()}
    assert [s.name for s in draft_rows["Aankoop"].speakers.all()] == ["Bert Claes"]


def test_event_page_queries_do_not_grow_with_sessions_and_speakers(
    client, congress, django_assert_num_queries
):
    event, sessions = congress
    speaker = Speaker.objects.create(name="An Peeters", organisation=OrganisationFactory())
    client.get("/nl/agenda/studiedag/")  # warms the navigation cache
    with django_assert_num_queries(QUERIES):
        client.get("/nl/agenda/studiedag/")

    for number in range(4):
        extra = CongressSessionFactory(page=event, title=f"Extra {number}")
        extra.speakers = [speaker, Speaker.objects.create(name=f"Spreker {number}")]
        extra.save()
    sessions["reuse"].speakers = [speaker]
    sessions["reuse"].save()
    with django_assert_num_queries(QUERIES):
        content = client.get("/nl/agenda/studiedag/").content.decode()
    assert "Spreker 3" in content


def test_a_full_session_is_marked_and_cannot_be_chosen(client, congress, registrant):
    event, sessions = congress
    reuse = sessions["reuse"]
    holder = services.register(
        event,
        registrant(1),
        session_keys=[reuse.translation_key, sessions["later"].translation_key],
    )

    page = BeautifulSoup(client.get(REGISTER_URL).content, "html.parser")
    full = radio(page, reuse.translation_key)
    assert full.has_attr("disabled")
    label = page.select_one(f"label[for={full['id']}]").get_text()
    assert label == "A: Hergebruik – Zaal 1 (volzet)"
    assert not radio(page, sessions["buying"].translation_key).has_attr("disabled")
    assert client.get("/nl/agenda/studiedag/").content.decode().count("Deze sessie is volzet.") == 1

    # Sent anyway, it is refused with the reason, and nothing is saved.
    response = client.post(
        REGISTER_URL, {**REGISTRATION_FORM, "slot_1": str(reuse.translation_key)}
    )
    assert response.status_code == 400
    errors = BeautifulSoup(response.content, "html.parser").select(".errorlist")
    assert "De sessie “Hergebruik” is volzet. Kies een andere sessie." in " ".join(
        error.get_text() for error in errors
    )
    assert event.registrations.count() == 1

    # The person holding the seat can keep it on the manage page.
    manage = BeautifulSoup(
        client.get(f"/nl/agenda/studiedag/manage/{holder.manage_secret}/").content, "html.parser"
    )
    own = radio(manage, reuse.translation_key)
    assert own is not None and not own.has_attr("disabled") and own.has_attr("checked")


def test_chosen_sessions_are_in_the_calendar_file_and_the_email(congress, registrant):
    event, sessions = congress
    services.register(
        event,
        registrant(1, language="en"),
        session_keys=[sessions["buying"].translation_key, sessions["later"].translation_key],
    )
    (message,) = mail.outbox
    _cal, vevent = calendar_of(message)
    description = str(vevent["DESCRIPTION"])
    buying = sessions["buying"]
    times = "–".join(
        timezone.localtime(moment, BRUSSELS).strftime("%H:%M")
        for moment in (buying.starts, buying.ends)
    )
    lines = description.split("\n")
    assert "Your sessions:" in lines
    assert f"- {times} B: Aankoop (Zaal 2)" in lines
    assert any(line.startswith("- ") and line.endswith(" Slotdebat") for line in lines)
    assert "Hergebruik" not in description
    assert f"{times} B: Aankoop (Zaal 2)" in message.body
    assert f"{times} B: Aankoop (Zaal 2)" in message.alternatives[0][0]


def test_changing_sessions_sends_the_new_choice_with_an_updated_calendar_file(congress, registrant):
    event, sessions = congress
    registration = services.register(
        event, registrant(1), session_keys=[sessions["buying"].translation_key]
    )
    _cal, first = calendar_of(mail.outbox[-1])
    mail.outbox.clear()

    services.change_sessions(registration, [sessions["later"].translation_key])
    (message,) = mail.outbox
    assert message.subject == "Je sessies voor Studiedag zijn gewijzigd"
    assert "Slotdebat" in message.body and "Aankoop" not in message.body
    cal, vevent = calendar_of(message)
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(vevent["UID"]) == str(first["UID"])
    assert vevent.decoded("SEQUENCE") > first.decoded("SEQUENCE")
    assert "Slotdebat" in str(vevent["DESCRIPTION"])
    assert "Aankoop" not in str(vevent["DESCRIPTION"])

    # Saving the same choice again changes nothing and sends nothing.
    mail.outbox.clear()
    services.change_sessions(registration, [sessions["later"].translation_key])
    assert mail.outbox == []


def test_the_manage_page_shows_a_personal_schedule_in_time_order(client, congress, registrant):
    event, sessions = congress
    registration = services.register(
        event,
        registrant(1),
        session_keys=[sessions["later"].translation_key, sessions["buying"].translation_key],
    )
    page = BeautifulSoup(
        client.get(f"/nl/agenda/studiedag/manage/{registration.manage_secret}/").content,
        "html.parser",
    )
    schedule = page.select_one("section.personal-schedule")
    assert schedule.select_one("h2").get_text(strip=True) == "Jouw programma"
    rows = [
        [cell.get_text(strip=True) for cell in row("td")] for row in schedule.select("tbody tr")
    ]
    buying = sessions["buying"]
    start, end = (
        timezone.localtime(moment, BRUSSELS).strftime("%H:%M")
        for moment in (buying.starts, buying.ends)
    )
    assert [row[1] for row in rows] == ["B: Aankoop", "Slotdebat"]
    assert rows[0][0].endswith(f"{start}–{end}")
    assert rows[0][2] == "Zaal 2"
    assert "Hergebruik" not in schedule.get_text()
