"""Facts follow the source: publishing the Dutch event updates its French and English pages,
their calendar files, structured data and the e-mails French registrants get."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from agenda import emails, services
from agenda.models import CongressSession, EventKind, EventPage
from agenda.models.events import BRUSSELS
from tests.conftest import publish
from tests.events.factories import CongressSessionFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db


def at(days, hour):
    return in_days(days, hour).astimezone(BRUSSELS).replace(hour=hour)


@pytest.fixture
def work_session(agenda, site_tree):
    """A Dutch event at 13:00 for 25 people, translated into French and English."""
    page = EventPageFactory(
        parent=agenda,
        slug="werksessie",
        title="Werksessie meubilair",
        summary="We bespreken circulair meubilair.",
        kind=EventKind.WORKSHOP,
        start=at(20, 13),
        end=at(20, 16),
        capacity=25,
    )
    publish(page)
    translations = {
        "fr": site_tree.translate(
            page,
            "fr",
            title="Séance de travail mobilier",
            summary="Nous parlons de mobilier circulaire.",
            slug="seance-de-travail",
        ),
        "en": site_tree.translate(
            page,
            "en",
            title="Work session furniture",
            summary="We discuss circular furniture.",
            slug="work-session",
        ),
    }
    return page, translations


def reschedule(page, **facts):
    """Change facts on the Dutch page as an editor would, and publish it."""
    page = EventPage.objects.get(pk=page.pk)
    for name, value in facts.items():
        setattr(page, name, value)
    return publish(page)


def live(page):
    return EventPage.objects.get(pk=page.pk)


def latest(page):
    return live(page).get_latest_revision_as_object()


def test_publishing_the_source_moves_every_translation(work_session):
    page, translations = work_session
    closes = at(18, 12)
    reschedule(
        page,
        start=at(20, 14),
        end=at(20, 17),
        capacity=6,
        kind=EventKind.STUDY_DAY,
        registration_closes=closes,
        waitlist_enabled=False,
        ask_dietary=False,
    )
    for translation in translations.values():
        for version in (live(translation), latest(translation)):
            assert version.start_local.hour == 14
            assert version.end_local.hour == 17
            assert version.capacity == 6
            assert version.kind == EventKind.STUDY_DAY
            assert version.registration_closes == closes
            assert version.waitlist_enabled is False
            assert version.ask_dietary is False
        assert live(translation).live_revision_id == live(translation).latest_revision_id
    french = live(translations["fr"])
    assert french.title == "Séance de travail mobilier"
    assert french.summary == "Nous parlons de mobilier circulaire."
    assert live(translations["en"]).title == "Work session furniture"


def test_french_page_ics_jsonld_and_email_show_the_new_time_and_seats(
    work_session, client, registrant
):
    page, translations = work_session
    registration = services.register(
        page,
        registrant(
            name="Camille",
            email="camille@example.org",
            organisation_name="Ville de Namur",
            role="Acheteuse",
            language="fr",
        ),
    )
    mail.outbox.clear()

    reschedule(page, start=at(20, 14), end=at(20, 17), capacity=6)

    french = live(translations["fr"])
    html = client.get(french.url).content.decode()
    facts = html[html.index('<dl class="facts">') :]
    facts = facts[: facts.index("</dl>")]
    assert "14:00" in facts
    assert "13:00" not in facts
    # Only the notice that the event moved still names the old time.
    assert "Déplacé" in html and "13:00" in html[: html.index('<dl class="facts">')]
    assert "6 (encore 5 disponibles)" in html
    assert "Séance de travail mobilier" in html

    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert datetime.datetime.fromisoformat(data["startDate"]).hour == 14
    assert data["name"] == "Séance de travail mobilier"
    assert data["inLanguage"] == "fr"

    body = client.get(french.url + french.reverse_subpage("ical")).content
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert event.decoded("dtstart").astimezone(BRUSSELS).hour == 14
    assert event.decoded("dtend").astimezone(BRUSSELS).hour == 17

    emails.notify(registration, "reminder")
    (message,) = mail.outbox
    assert message.to == ["camille@example.org"]
    assert "Séance de travail mobilier" in message.subject
    assert "14:00" in message.body
    assert "13:00" not in message.body


def test_a_draft_of_the_translation_keeps_its_text_and_gets_the_new_facts(work_session):
    page, translations = work_session
    french = live(translations["fr"])
    french.title = "Séance de travail : mobilier"
    french.save_revision()

    reschedule(page, start=at(20, 14), end=at(20, 17), capacity=6)

    french = live(translations["fr"])
    assert french.title == "Séance de travail mobilier"
    assert french.has_unpublished_changes
    draft = latest(translations["fr"])
    assert draft.title == "Séance de travail : mobilier"
    assert draft.start_local.hour == 14
    assert draft.capacity == 6
    assert french.start_local.hour == 14


def test_a_translation_published_alone_changes_nothing_elsewhere(work_session):
    page, translations = work_session
    french = live(translations["fr"])
    french.capacity = 99
    publish(french)
    assert live(page).capacity == 25
    assert live(translations["en"]).capacity == 25


def test_a_translated_venue_stays_until_the_source_moves(work_session):
    page, translations = work_session
    french = live(translations["fr"])
    french.venue_name = "Salle Les Halles"
    french.venue_address = "Rue du Vieux Marché aux Grains 5, 1000 Bruxelles"
    publish(french)

    reschedule(page, capacity=6)
    french = live(translations["fr"])
    assert french.venue_name == "Salle Les Halles"
    assert french.capacity == 6

    reschedule(page, venue_name="Stadhuis Gent", venue_address="Botermarkt 1, 9000 Gent")
    for translation in translations.values():
        assert live(translation).venue_name == "Stadhuis Gent"
        assert live(translation).venue_address == "Botermarkt 1, 9000 Gent"


def test_sessions_follow_with_their_translated_titles(agenda, site_tree):
    page = EventPageFactory(parent=agenda, slug="congres", kind=EventKind.CONGRESS)
    first = CongressSessionFactory(page=page, title="Hergebruik", capacity=10)
    second = CongressSessionFactory(page=page, title="Aankoop", capacity=10)
    page = publish(live(page))
    french = site_tree.translate(page, "fr", slug="congres-fr", title="Congrès")
    # copy_for_translation gave the French page its own session rows; translate one.
    CongressSession.objects.filter(page=french, translation_key=first.translation_key).update(
        title="Réemploi"
    )
    french = publish(live(french))

    page = live(page)
    sessions = list(page.sessions.all())
    sessions[0].starts = at(20, 15)
    sessions[0].ends = at(20, 16)
    sessions[0].capacity = 4
    added = CongressSession(
        title="Nieuw", starts=at(20, 16), ends=at(20, 17), capacity=3, locale=page.locale
    )
    page.sessions = [sessions[0], added]  # the second session is removed
    publish(page)

    rows = {row.translation_key: row for row in live(french).sessions.all()}
    assert set(rows) == {first.translation_key, added.translation_key}
    assert second.translation_key not in rows
    moved = rows[first.translation_key]
    assert moved.title == "Réemploi"
    assert timezone.localtime(moved.starts, BRUSSELS).hour == 15
    assert moved.capacity == 4
    assert moved.locale_id == french.locale_id
    assert rows[added.translation_key].capacity == 3
    revision_rows = {row.translation_key: row for row in latest(french).sessions.all()}
    assert revision_rows[first.translation_key].capacity == 4
    assert set(revision_rows) == set(rows)


def test_the_french_calendar_file_says_the_entry_was_updated(work_session, client):
    page, translations = work_session
    # As if the French page had last been published a day ago.
    EventPage.objects.filter(pk=translations["fr"].pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=1)
    )

    def french_entry():
        french = live(translations["fr"])
        body = client.get(french.url + french.reverse_subpage("ical")).content
        (event,) = Calendar.from_ical(body).walk("VEVENT")
        return event

    before = french_entry()
    reschedule(page, start=at(20, 14), end=at(20, 17))
    after = french_entry()
    assert after["uid"] == before["uid"]
    assert after.decoded("sequence") > before.decoded("sequence")
